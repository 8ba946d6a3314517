package io.holdfast.bench;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.account.AgeBand;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.AddressNormalizer;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.intel.IntelList;
import io.holdfast.core.money.Currency;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.screening.Outcome;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic population for the engine benchmarks: for a seed and a number of
 * accounts it always produces the same profiles, security events, deposits and 30 days of
 * transfers, so two runs measure the same work. Transfers are generated in time order, as the
 * server's rebuild replays them, with a random sender each (about 12 per account on average),
 * mostly to a few usual contacts, some to crypto addresses and some to a few high fan-in
 * recipients such as merchants. Each crypto address of the pool was first paid before those 30
 * days, between one and {@link #ADDRESS_AGE_DAYS} days earlier, because a platform's usual
 * addresses are established ones; without that every address would look as young as the
 * history is long, and the rules for payments to young addresses would fire on ordinary traffic.
 */
public final class SyntheticHistory {
  static final long DAY = 86_400L;
  static final int TRANSFERS_PER_ACCOUNT = 12;
  static final int HUBS = 100;
  static final int INTEL_ADDRESSES = 400;
  static final String INTEL_LIST = "ofac-sdn";
  static final long ADDRESS_AGE_DAYS = 300;

  private static final Currency USD = CurrencyCatalog.defaults().find("USD").orElseThrow();
  private static final Currency USDT = CurrencyCatalog.defaults().find("USDT").orElseThrow();

  private final int accounts;
  private final long seed;
  private final long nowSecond;
  private final String[] accountKeys;
  private final String[] addressKeys;

  public SyntheticHistory(int accounts, long seed, Instant now) {
    if (accounts < HUBS * 10) {
      throw new IllegalArgumentException("at least " + HUBS * 10 + " accounts are needed");
    }
    this.accounts = accounts;
    this.seed = seed;
    this.nowSecond = now.getEpochSecond();
    // Keys are built once so that loading a million accounts does not build strings per row.
    this.accountKeys = new String[accounts];
    for (int i = 0; i < accounts; i++) {
      accountKeys[i] = Counterparty.accountKey(accountId(i));
    }
    this.addressKeys = new String[accounts / 10];
    for (int i = 0; i < addressKeys.length; i++) {
      addressKeys[i] = new Counterparty.ExternalAddress("ETH", address(i)).key();
    }
  }

  public static String accountId(int i) {
    return "acc-" + i;
  }

  /** The address pool has one address per ten accounts; addresses are lower-case EVM. */
  static String address(long i) {
    return evm(0x5eed_0000_0000L + i);
  }

  /** Addresses on the intel list live outside the ordinary pool. */
  static String intelAddress(int i) {
    return evm(0xbad0_0000_0000L + i);
  }

  /** 0x and 40 hex digits, zero-padded; String.format would dominate generating history. */
  private static String evm(long value) {
    String hex = Long.toHexString(value);
    return "0x" + "0".repeat(40 - hex.length()) + hex;
  }

  /** The j-th usual contact of account i: a fixed pseudo-random other account. */
  int contact(int i, int j) {
    long mixed = mix(seed ^ (i * 0x9E3779B97F4A7C15L) ^ (j + 1L));
    int c = (int) Math.floorMod(mixed, (long) accounts);
    return c == i ? (c + 1) % accounts : c;
  }

  int hub(long r) {
    return (int) Math.floorMod(r, (long) HUBS);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public int accounts() {
    return accounts;
  }

  public long nowSecond() {
    return nowSecond;
  }

  /** Receives the generated history; the store loader and tests implement it. */
  public interface Sink {
    void profile(AccountProfile profile);

    void event(String accountId, AccountEventType type, long second, long amountUsdMinor);

    void transfer(String senderKey, String recipientKey, long second, long amountUsdMinor);
  }

  /** Generates everything into {@code sink}: profiles, then events, then transfers in time order. */
  public long generate(Sink sink) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < accounts; i++) {
      sink.profile(profile(i, random));
    }
    for (int i = 0; i < accounts; i++) {
      events(i, random, sink);
    }
    long start = nowSecond - 30 * DAY;
    firstPayments(start, random, sink);
    long total = (long) accounts * TRANSFERS_PER_ACCOUNT;
    for (long k = 0; k < total; k++) {
      long second = start + (k * 30 * DAY) / total;
      int sender = random.nextInt(accounts);
      String recipientKey = historyRecipient(sender, random);
      sink.transfer(accountKeys[sender], recipientKey, second, usualAmount(sender, random));
    }
    return total + addressKeys.length;
  }

  /** The first payment to each pool address, in time order, before the 30 days of history. */
  private void firstPayments(long start, SplittableRandom random, Sink sink) {
    long from = start - ADDRESS_AGE_DAYS * DAY;
    for (int i = 0; i < addressKeys.length; i++) {
      long second = from + (i * (ADDRESS_AGE_DAYS - 1) * DAY) / addressKeys.length;
      int payer = (int) Math.floorMod(mix(seed ^ i), (long) accounts);
      sink.transfer(accountKeys[payer], addressKeys[i], second, usualAmount(payer, random));
    }
  }

  private AccountProfile profile(int i, SplittableRandom random) {
    // One in twenty accounts is under 30 days old, as a growing platform has.
    long ageDays = random.nextInt(20) == 0 ? 1 + random.nextInt(29) : 30 + random.nextInt(2_000);
    AgeBand band = random.nextInt(30) == 0 ? AgeBand.FROM_65 : AgeBand.FROM_25_TO_34;
    Set<String> flags = random.nextInt(100) == 0 ? Set.of("cognitive") : Set.of();
    return new AccountProfile(accountId(i), Instant.ofEpochSecond(nowSecond - ageDays * DAY),
        "GB", null, band, 1 + random.nextInt(3), flags, AccountStatus.ACTIVE);
  }

  private void events(int i, SplittableRandom random, Sink sink) {
    if (random.nextInt(20) == 0) {
      AccountEventType type = AccountEventType.values()[random.nextInt(4)];
      sink.event(accountId(i), type, nowSecond - random.nextLong(30 * DAY), 0);
    }
    if (random.nextInt(3) == 0) {
      int deposits = 1 + random.nextInt(3);
      for (int d = 0; d < deposits; d++) {
        sink.event(accountId(i), AccountEventType.DEPOSIT, nowSecond - random.nextLong(7 * DAY),
            1_000 + random.nextInt(200_000));
      }
    }
  }

  private String historyRecipient(int sender, SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 80) {
      return accountKeys[contact(sender, random.nextInt(3))];
    }
    if (kind < 95) {
      return addressKeys[(int) Math.floorMod(mix(sender + seed), (long) addressKeys.length)];
    }
    int hub = hub(random.nextLong());
    return accountKeys[hub == sender ? (hub + 1) % HUBS : hub];
  }

  /** Each account has its own usual amount, between $5 and about $300. */
  long usualAmount(int account, SplittableRandom random) {
    long base = 500 + Math.floorMod(mix(account ^ seed), 30_000L);
    return base / 2 + random.nextLong(base);
  }

  /** Loads the history into a feature store; returns the number of transfers. */
  public long loadInto(FeatureStore store) {
    return generate(new Sink() {
      @Override
      public void profile(AccountProfile profile) {
        store.putProfile(profile);
      }

      @Override
      public void event(String accountId, AccountEventType type, long second, long amount) {
        store.recordEvent(accountId, type, Instant.ofEpochSecond(second), amount);
      }

      @Override
      public void transfer(String senderKey, String recipientKey, long second, long amount) {
        store.recordTransfer(senderKey, recipientKey, second, amount);
      }
    });
  }

  /** An intel index the size of the OFAC digital-currency list: a few hundred addresses. */
  public static IntelIndex intelIndex() {
    return addIntel(new IntelIndex());
  }

  /** Adds the synthetic list to an index, such as a running server's. */
  public static IntelIndex addIntel(IntelIndex index) {
    index.putList(new IntelList(INTEL_LIST, Outcome.BLOCK, "synthetic, OFAC-sized"));
    for (int i = 0; i < INTEL_ADDRESSES; i++) {
      index.addAddress(INTEL_LIST, (AddressCheck.Valid) AddressNormalizer.normalize("ETH",
          intelAddress(i)));
    }
    return index;
  }

  /**
   * Transfers to screen just after the history: mostly ordinary payments to usual contacts, and
   * a few percent of each risky kind (a large first payment to a new address, a payment to a
   * listed address, a sudden large amount, fan-in to a hub).
   */
  public Transfer[] screeningTransfers(int count, long transferSeed) {
    Transfer[] transfers = new Transfer[count];
    for (int n = 0; n < count; n++) {
      Instant at = Instant.ofEpochSecond(nowSecond + n / 1_000);
      transfers[n] = screeningTransfer(transferSeed, n, at);
    }
    return transfers;
  }

  /**
   * The n-th transfer of the stream named by {@code transferSeed}, the same for the same
   * arguments whichever thread asks, so concurrent load clients and the SQL baseline can draw
   * from one stream without sharing a generator.
   */
  public Transfer screeningTransfer(long transferSeed, long n, Instant at) {
    SplittableRandom random = new SplittableRandom(mix(transferSeed * 0x9E3779B97F4A7C15L + n));
    return screeningTransfer(transferSeed + "-" + n, random, at);
  }

  private Transfer screeningTransfer(String id, SplittableRandom random, Instant at) {
    int sender = random.nextInt(accounts);
    String from = accountId(sender);
    long usual = usualAmount(sender, random);
    int kind = random.nextInt(100);
    if (kind < 75) {
      return toAccount(id, from, contact(sender, random.nextInt(3)), usual, at);
    }
    if (kind < 85) {
      return toAccount(id, from, random.nextInt(accounts), usual, at);
    }
    if (kind < 92) {
      return toAddress(id, from, address(random.nextInt(accounts / 10)), usual, at);
    }
    if (kind < 95) {
      return toAccount(id, from, hub(random.nextLong()), usual, at);
    }
    if (kind < 97) {
      return toAddress(id, from, address(accounts + random.nextInt(1_000_000)),
          usual * 40 + 600_000, at);
    }
    if (kind < 98) {
      return toAddress(id, from, intelAddress(random.nextInt(INTEL_ADDRESSES)), usual, at);
    }
    return toAccount(id, from, random.nextInt(accounts), usual * 20 + 200_000, at);
  }

  private static Transfer toAccount(String id, String from, int to, long cents, Instant at) {
    String recipient = accountId(to);
    if (recipient.equals(from)) {
      recipient = accountId(to + 1);
    }
    return new Transfer(id, from, new Counterparty.PlatformAccount(recipient),
        new Money(cents, USD), "p2p", at);
  }

  private static Transfer toAddress(String id, String from, String address, long cents,
      Instant at) {
    // USDT has six decimals: cents times 10,000 is the same dollar amount.
    return new Transfer(id, from, new Counterparty.ExternalAddress("ETH", address),
        new Money(cents * 10_000, USDT), "withdrawal", at);
  }
}
