package io.holdfast.core.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Each scam type's pattern of payments, as the literature describes them. */
final class ScamPatterns {
  private static final long DOLLAR = 100;

  private final SplittableRandom random;
  private final WorldParameters p;

  ScamPatterns(SplittableRandom random, WorldParameters p) {
    this.random = random;
    this.p = p;
  }

  void lay(ScamKind kind, String caseId, SimAccount victim, ScamCase.Scammer scammer,
      Instant start, List<SimTransfer> payments, List<PlannedEvent> setup) {
    switch (kind) {
      case INVESTMENT -> escalating(caseId, victim, scammer, start, payments);
      case IMPERSONATION -> afterSecurityChange(kind, caseId, victim, scammer, start,
          random.nextBoolean() ? "password_reset" : "two_fa_change", payments, setup);
      case FAKE_SUPPORT -> afterSecurityChange(kind, caseId, victim, scammer, start,
          "new_device_login", payments, setup);
      case ROMANCE -> recurring(caseId, victim, scammer, start, payments);
      case MARKETPLACE -> payments.add(pay(caseId, kind, victim, scammer, start,
          between(50, 800) * DOLLAR, "p2p", 0));
      case GIVEAWAY -> payments.add(pay(caseId, kind, victim, scammer, start,
          between(20, 300) * DOLLAR, "withdrawal", 0));
    }
  }

  /** Pig butchering: three to six payments, each larger, days apart. */
  private void escalating(String caseId, SimAccount victim, ScamCase.Scammer scammer,
      Instant start, List<SimTransfer> payments) {
    int n = 3 + random.nextInt(4);
    double amount = between(200, 1_000) * DOLLAR;
    Instant at = start;
    for (int i = 0; i < n; i++) {
      payments.add(pay(caseId, ScamKind.INVESTMENT, victim, scammer, at, Math.round(amount),
          scammer.address() != null ? "withdrawal" : "p2p", i));
      amount *= 1.4 + random.nextDouble() * 0.6;
      at = at.plus(Duration.ofHours(36 + random.nextInt(60)));
    }
  }

  /** A security change, then most of the balance to a new address within the hour. */
  private void afterSecurityChange(ScamKind kind, String caseId, SimAccount victim,
      ScamCase.Scammer scammer, Instant start, String change, List<SimTransfer> payments,
      List<PlannedEvent> setup) {
    setup.add(new PlannedEvent(caseId + "-sec", start, victim.accountId(), change,
        "dev-" + caseId, 0));
    Instant at = start.plus(Duration.ofMinutes(10 + random.nextInt(50)));
    long amount = between(500, 6_000) * DOLLAR;
    if (kind == ScamKind.FAKE_SUPPORT) {
      // Fake support has the victim deposit first, "to verify the account".
      setup.add(new PlannedEvent(caseId + "-dep", at.minus(Duration.ofMinutes(5)),
          victim.accountId(), "deposit", null, amount));
    }
    payments.add(pay(caseId, kind, victim, scammer, at, amount, "withdrawal", 0));
  }

  /** Romance: two to four weekly payments abroad. */
  private void recurring(String caseId, SimAccount victim, ScamCase.Scammer scammer,
      Instant start, List<SimTransfer> payments) {
    int n = 2 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      payments.add(pay(caseId, ScamKind.ROMANCE, victim, scammer,
          start.plus(Duration.ofDays(7L * i).plusHours(random.nextInt(12))),
          between(300, 2_000) * DOLLAR, "p2p", i));
    }
  }

  private SimTransfer pay(String caseId, ScamKind kind, SimAccount victim,
      ScamCase.Scammer scammer, Instant at, long amountMinor, String channel, int n) {
    String id = String.format(Locale.ROOT, "%s-p%d", caseId, n);
    return new SimTransfer(id, at, victim.accountId(),
        scammer.account() == null ? null : scammer.account().accountId(), scammer.address(),
        scammer.address() == null ? null : "ETH", amountMinor, channel, kind, false,
        scammer.key(), caseId);
  }

  private long between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }
}
