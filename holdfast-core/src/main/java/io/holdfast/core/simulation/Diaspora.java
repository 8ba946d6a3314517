package io.holdfast.core.simulation;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Users who send money home, and the relatives abroad they pay. Without them every payment to
 * another country in the world would be a romance scammer's, and screening would learn the
 * country instead of the pattern. It draws from its own random stream, so adding it left every
 * other draw of the world as it was.
 */
final class Diaspora {
  /** Every transfer of the diaspora's (payments home and relatives' withdrawals) has this id. */
  static final String ID_PREFIX = "rem";
  private static final String[] HOME = {"IN", "PK", "NG", "PL", "PH", "GH", "RO", "KH", "MM",
      "AE", "MY"};
  private static final String[] BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};

  private final WorldParameters.Remittances r;
  private final double amountSigma;
  private final SplittableRandom random;
  private final List<SimAccount> relatives = new ArrayList<>();
  /** For each sender (a user), the indexes of their relatives in {@link #relatives}. */
  private final List<int[]> families = new ArrayList<>();
  private final List<SimAccount> senders = new ArrayList<>();
  private long serial;

  Diaspora(WorldParameters p, Population population, SplittableRandom random) {
    this.r = p.remittances();
    this.amountSigma = p.amountSigma();
    this.random = random;
    for (SimAccount user : population.users()) {
      if (random.nextDouble() >= r.senderShare()) {
        continue;
      }
      int[] family = new int[1 + random.nextInt(r.relativesMax())];
      for (int i = 0; i < family.length; i++) {
        family[i] = relatives.size();
        relatives.add(relative(relatives.size()));
      }
      senders.add(user);
      families.add(family);
    }
    Invariants.check(senders.size() == families.size(), "one family per sender");
  }

  /** The relatives' accounts, for the platform to register with the users'. */
  List<SimAccount> relatives() {
    return relatives;
  }

  int senderCount() {
    return senders.size();
  }

  /** The day's payments home, and the relatives' withdrawals of some of them. */
  void day(Instant dayStart, List<SimTransfer> transfers) {
    double perDay = r.perMonth() / 30.0;
    for (int s = 0; s < senders.size(); s++) {
      if (random.nextDouble() >= perDay) {
        continue;
      }
      int[] family = families.get(s);
      SimAccount relative = relatives.get(family[random.nextInt(family.length)]);
      Instant at = HonestActivity.wakingTime(dayStart, random);
      long amountMinor = HonestActivity.amount(random, r.medianMinor(), amountSigma);
      transfers.add(honest(senders.get(s), relative.accountId(), null, at, amountMinor, "p2p"));
      if (random.nextDouble() < r.cashOutShare()) {
        // Most of the money, a few hours to two days later: spent as it arrives.
        Instant later = at.plus(Duration.ofMinutes(60 + random.nextInt(47 * 60)));
        long outMinor = Math.max(100, amountMinor * (80 + random.nextInt(21)) / 100);
        transfers.add(honest(relative, null, relative.wallet(), later, outMinor, "withdrawal"));
      }
    }
  }

  private SimAccount relative(int index) {
    int ageDays = random.nextDouble() < r.newRelativeShare() ? 1 + random.nextInt(29)
        : 30 + random.nextInt(2_000);
    return new SimAccount(String.format(Locale.ROOT, "r%06d", index), SimAccount.Role.USER,
        HOME[random.nextInt(HOME.length)], BANDS[random.nextInt(BANDS.length)], false, ageDays,
        1 + random.nextInt(2), Addresses.evm(random));
  }

  private SimTransfer honest(SimAccount sender, String account, String address, Instant at,
      long amountMinor, String channel) {
    return new SimTransfer(String.format(Locale.ROOT, "%s%07d", ID_PREFIX, ++serial), at,
        sender.accountId(), account, address, address == null ? null : "ETH", amountMinor,
        channel, null, false, null, null);
  }
}
