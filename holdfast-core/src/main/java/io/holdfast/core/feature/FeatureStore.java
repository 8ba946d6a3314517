package io.holdfast.core.feature;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account state from which the screening features are computed at decision time, in memory
 * and bounded per account, so a decision needs no database query. The store is rebuilt from
 * PostgreSQL on start. Time is always the event's own time (a transfer's created_at), which
 * makes a rebuild from history give the same features as live screening did.
 *
 * <p>Windows are exact while an account's recent-event ring holds every event of the window
 * (the last 64 outbound and 128 inbound transfers); beyond that, older events count at day
 * granularity. Counts of distinct counterparties saturate at 512.
 */
public final class FeatureStore {
  static final long HOUR_SECONDS = 3_600L;
  static final long DAY_SECONDS = 86_400L;
  static final long NEW_ACCOUNT_SECONDS = 30 * DAY_SECONDS;
  /** How long a held payment counts against the sender's next payments to its recipient. */
  public static final int HELD_MEMORY_DAYS = 30;

  private final ConcurrentHashMap<String, AccountState> states;

  /** Below this age a recipient abroad counts as young (cross_border_young_recipient). */
  public static final int YOUNG_ABROAD_DAYS = 60;

  public FeatureStore() {
    this(1 << 16);
  }

  public FeatureStore(int expectedAccounts) {
    this.states = new ConcurrentHashMap<>(Math.max(16, expectedAccounts), 0.75f, 4);
  }

  private AccountState state(String key) {
    return states.computeIfAbsent(key, k -> new AccountState());
  }

  public void putProfile(AccountProfile profile) {
    AccountState s = state(Counterparty.accountKey(profile.accountId()));
    synchronized (s) {
      s.profiled = true;
      s.createdSecond = profile.createdAt().getEpochSecond();
      Instant seniorFrom = profile.seniorFrom();
      s.seniorFromSecond = seniorFrom == null ? AccountState.UNKNOWN : seniorFrom.getEpochSecond();
      s.vulnerable = profile.vulnerable();
      s.kycLevel = profile.kycLevel();
      s.countryCode = CountryCode.of(profile.country());
    }
  }

  /**
   * What the vulnerability register adds to the platform's flags: a flag an analyst or an
   * intervention recorded, or the chronic-victim marker. Either makes the sender vulnerable
   * for screening, hold length and the ladder, as a platform flag does.
   */
  public void putRegister(String accountId, boolean vulnerable) {
    AccountState s = state(Counterparty.accountKey(accountId));
    synchronized (s) {
      s.registerVulnerable = vulnerable;
    }
  }

  /** Records a security event or a deposit ({@code amountUsdMinor} is 0 for non-deposits). */
  public void recordEvent(String accountId, AccountEventType type, Instant at, long amountUsdMinor) {
    Invariants.check(amountUsdMinor >= 0, "negative deposit");
    AccountState s = state(Counterparty.accountKey(accountId));
    long second = at.getEpochSecond();
    synchronized (s) {
      switch (type) {
        case PASSWORD_RESET -> s.passwordResetSecond = Math.max(s.passwordResetSecond, second);
        case TWO_FA_CHANGE -> s.twoFaChangeSecond = Math.max(s.twoFaChangeSecond, second);
        case NEW_DEVICE_LOGIN -> s.newDeviceSecond = Math.max(s.newDeviceSecond, second);
        case CONTACT_CHANGE -> s.contactChangeSecond = Math.max(s.contactChangeSecond, second);
        case DEPOSIT -> {
          if (s.deposits == null) {
            s.deposits = new TimedAmounts(AccountState.DEPOSITS_MAX);
          }
          s.deposits.add(second, amountUsdMinor, 0, new long[2]);
        }
      }
    }
  }

  /** Adds a screened or imported transfer to the sender's and the recipient's history. */
  public void recordTransfer(Transfer transfer, long amountUsdMinor) {
    recordTransfer(transfer.senderKey(), transfer.recipient().key(),
        transfer.createdAt().getEpochSecond(), amountUsdMinor);
  }

  /**
   * The same from keys ({@link Counterparty#key()}), for rebuilding from stored rows without
   * building a {@link Transfer} per row.
   */
  public void recordTransfer(String senderKey, String recipientKey, long second,
      long amountUsdMinor) {
    Invariants.check(amountUsdMinor >= 0, "negative amount");
    AccountState sender = state(senderKey);
    AccountState recipient = state(recipientKey);
    Invariants.check(sender != recipient, "sender and recipient share state");
    boolean senderIsNew;
    synchronized (sender) {
      sender.seen(second);
      senderIsNew = second - sender.originSecond() < NEW_ACCOUNT_SECONDS;
      OutboundHistory.record(sender, second, amountUsdMinor, KeyHash.of(recipientKey));
    }
    synchronized (recipient) {
      recipient.seen(second);
      InboundHistory.record(recipient, second, amountUsdMinor, KeyHash.of(senderKey),
          senderIsNew);
    }
  }

  /**
   * Records that screening held a payment of the sender's to {@code recipientKey}, so the
   * sender's next payments to the same recipient can be read against it: a scam victim whose
   * first payment was held and then released is usually asked for more.
   */
  public void recordHold(String senderKey, String recipientKey, long second, long amountUsdMinor) {
    Invariants.check(amountUsdMinor >= 0, "negative amount");
    AccountState sender = state(senderKey);
    synchronized (sender) {
      if (sender.held == null) {
        sender.held = new TimedAmounts(AccountState.HELD_MAX);
      }
      sender.held.add(second, amountUsdMinor, KeyHash.of(recipientKey), new long[2]);
    }
  }

  /** Records that {@code reporterAccount} reported {@code target} as a scammer. */
  public void recordReport(Counterparty target, String reporterAccount) {
    AccountState s = state(target.key());
    synchronized (s) {
      if (s.reporters == null) {
        s.reporters = new DistinctParties(AccountState.REPORTERS_MAX);
      }
      s.reporters.touch(KeyHash.of(reporterAccount), 0, false);
    }
  }

  /**
   * Computes the features of {@code transfer} into {@code into} (reused by the caller to avoid
   * allocation), as of the transfer's own time and before it is recorded.
   */
  public FeatureVector compute(
      Transfer transfer, long amountUsdMinor, boolean onIntelList, FeatureVector into) {
    long now = transfer.createdAt().getEpochSecond();
    String recipientKey = transfer.recipient().key();
    into.set(Feature.AMOUNT_USD_MINOR, amountUsdMinor);
    into.set(Feature.TO_EXTERNAL_ADDRESS,
        transfer.recipient() instanceof Counterparty.ExternalAddress);
    into.set(Feature.RECIPIENT_ON_INTEL_LIST, onIntelList);
    SenderFeatures.compute(states.get(transfer.senderKey()), now, amountUsdMinor,
        KeyHash.of(recipientKey), into);
    RecipientFeatures.compute(states.get(recipientKey), now, into);
    boolean crossBorder = CountryCode.differ(
        countryOf(states.get(transfer.senderKey())), countryOf(states.get(recipientKey)));
    into.set(Feature.CROSS_BORDER, crossBorder);
    // A cross of two features, because the risk model is linear: money abroad is ordinary
    // (families), and so is a young account at home, but a young account abroad is where
    // romance scammers receive.
    into.set(Feature.CROSS_BORDER_YOUNG_RECIPIENT, crossBorder
        && into.get(Feature.RECIPIENT_AGE_DAYS) < YOUNG_ABROAD_DAYS);
    return into;
  }

  private static short countryOf(AccountState s) {
    if (s == null) {
      return 0;
    }
    synchronized (s) {
      return s.countryCode;
    }
  }

  /**
   * The recipient features of {@code key} (a {@link Counterparty#key()}) as of {@code now}, for
   * an investigation after screening, such as a hold falling due.
   */
  public FeatureVector recipient(String key, Instant now, FeatureVector into) {
    RecipientFeatures.compute(states.get(key), now.getEpochSecond(), into);
    return into;
  }

  /** Distinct reporters who reported {@code key} (a {@link Counterparty#key()}) as a scammer. */
  public int reportCount(String key) {
    AccountState s = states.get(key);
    if (s == null) {
      return 0;
    }
    synchronized (s) {
      long[] counts = new long[2];
      if (s.reporters != null) {
        s.reporters.countSince(Long.MIN_VALUE, counts);
      }
      return (int) counts[0];
    }
  }

  public int accountCount() {
    return states.size();
  }

  /** An estimate of the heap the state takes, from the sizes of its arrays and objects. */
  public long estimatedBytes() {
    long total = 0;
    for (var entry : states.entrySet()) {
      total += 40 + 2L * entry.getKey().length() + 48;
      AccountState s = entry.getValue();
      synchronized (s) {
        total += s.bytes();
      }
    }
    return total;
  }
}
