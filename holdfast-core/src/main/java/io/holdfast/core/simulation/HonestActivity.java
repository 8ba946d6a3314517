package io.holdfast.core.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One day of ordinary life on the platform: peer payments (mostly to friends), merchant
 * payments, withdrawals to one's own wallet, deposits, and the occasional honest security
 * change. Generated a day at a time so memory stays bounded however long the world runs.
 */
final class HonestActivity {
  private final WorldParameters p;
  private final Population population;
  private final SplittableRandom random;
  private long serial;

  HonestActivity(WorldParameters p, Population population, SplittableRandom random) {
    this.p = p;
    this.population = population;
    this.random = random;
  }

  void day(Instant dayStart, List<SimTransfer> transfers, List<PlannedEvent> events) {
    double securityPerDay = p.securityChangesPerUserPerMonth() / 30.0;
    for (int u = 0; u < population.users().size(); u++) {
      SimAccount user = population.user(u);
      if (random.nextDouble() < p.peerPaymentsPerDay()) {
        transfers.add(peer(u, user, at(dayStart)));
      }
      if (random.nextDouble() < p.merchantPaymentsPerDay()) {
        SimAccount m = population.merchants().get(random.nextInt(population.merchants().size()));
        transfers.add(honest(user, m.accountId(), null, at(dayStart),
            amount(p.merchantMedianMinor()), "merchant"));
      }
      if (random.nextDouble() < p.withdrawalsPerDay()) {
        transfers.add(honest(user, null, user.wallet(), at(dayStart),
            amount(p.withdrawalMedianMinor()), "withdrawal"));
      }
      if (random.nextDouble() < p.depositsPerDay()) {
        events.add(new PlannedEvent(id("dep"), at(dayStart), user.accountId(), "deposit", null,
            amount(p.depositMedianMinor())));
      }
      if (random.nextDouble() < securityPerDay) {
        String[] kinds = {"new_device_login", "password_reset", "two_fa_change"};
        events.add(new PlannedEvent(id("sec"), at(dayStart), user.accountId(),
            kinds[random.nextInt(kinds.length)], "dev-" + user.accountId() + "-" + serial, 0));
      }
    }
  }

  private SimTransfer peer(int u, SimAccount user, Instant at) {
    int other = random.nextDouble() < p.newPayeeShare()
        ? random.nextInt(population.users().size()) : population.friend(u, random);
    if (other == u) {
      other = population.friend(u, random);
    }
    return honest(user, population.user(other).accountId(), null, at,
        amount(p.peerMedianMinor()), "p2p");
  }

  private SimTransfer honest(SimAccount sender, String account, String address, Instant at,
      long amountMinor, String channel) {
    return new SimTransfer(id("h"), at, sender.accountId(), account, address,
        address == null ? null : "ETH", amountMinor, channel, null, false, null, null);
  }

  private Instant at(Instant dayStart) {
    return wakingTime(dayStart, random);
  }

  private long amount(long medianMinor) {
    return amount(random, medianMinor, p.amountSigma());
  }

  /** A time in the day, weighted to waking hours (07:00 to 23:00). */
  static Instant wakingTime(Instant dayStart, SplittableRandom random) {
    return dayStart.plus(Duration.ofMinutes(7 * 60 + random.nextInt(16 * 60)))
        .plusSeconds(random.nextInt(60));
  }

  /** A lognormal amount around the median, at least one dollar. */
  static long amount(SplittableRandom random, long medianMinor, double sigma) {
    double z = random.nextDouble() * 2 - 1 + random.nextDouble() * 2 - 1 + random.nextDouble() * 2
        - 1;
    // The sum of three uniforms on [-1, 1] has variance 1, close enough to a normal for amounts
    // and exactly reproducible on every JVM (nextGaussian is not specified that tightly).
    return Math.max(100, Math.round(medianMinor * StrictMath.exp(sigma * z)));
  }

  private String id(String prefix) {
    return String.format(Locale.ROOT, "%s%07d", prefix, ++serial);
  }
}
