package io.holdfast.core.simulation;

import io.holdfast.core.verdict.ReportEvidence;
import java.util.random.RandomGenerator;

/**
 * Draws the platform's evidence for a generated report from distributions that overlap on
 * purpose: scam recipients are mostly young, paid by many, quick to move money on and reported
 * by others, but some are hijacked old accounts reported once; honest merchants can be paid by
 * many and move money fast. A weaponised false report usually comes from someone who never paid
 * the recipient, about an established account no one else reported, often by a reporter whose
 * earlier reports were rejected, but not always all of these at once.
 */
final class EvidenceSampler {
  private final RandomGenerator random;

  EvidenceSampler(RandomGenerator random) {
    this.random = random;
  }

  /** The reported loss in US cents, typical of the kind. */
  long amountMinor(ReportKind kind) {
    double medianDollars = switch (kind) {
      case INVESTMENT -> 5_000;
      case ROMANCE -> 3_000;
      case IMPERSONATION -> 2_000;
      case FAKE_SUPPORT -> 1_500;
      case WEAPONISED_FALSE_REPORT -> 800;
      case FAMILY_DISPUTE -> 500;
      case MARKETPLACE_NON_DELIVERY -> 400;
      case FAKE_GIVEAWAY, MISTAKEN_TRANSFER -> 300;
      case LATE_DELIVERY, CHARGEBACK_DISPUTE -> 200;
      case BUYERS_REMORSE -> 150;
    };
    return Math.max(500, Math.round(logNormal(medianDollars, 1.0) * 100));
  }

  ReportEvidence sample(ReportKind kind, long amountMinor) {
    if (random.nextDouble() < ReportGenerator.TEXT_ONLY_SHARE) {
      return ReportEvidence.NONE;
    }
    ReportEvidence full = kind.scam() ? scam(kind, amountMinor)
        : kind == ReportKind.WEAPONISED_FALSE_REPORT ? weaponised(amountMinor)
        : dispute(kind, amountMinor);
    return mask(full);
  }

  private ReportEvidence scam(ReportKind kind, long amountMinor) {
    boolean broadcast = kind == ReportKind.FAKE_GIVEAWAY || kind == ReportKind.INVESTMENT;
    int others = random.nextDouble() < 0.3 ? 0 : 1 + poisson(broadcast ? 4.0 : 2.0);
    int fanIn = (int) Math.max(1, Math.round(logNormal(broadcast ? 60 : 20, 0.9)));
    boolean hijacked = random.nextDouble() < 0.15;
    int age = hijacked ? 100 + random.nextInt(2400) : 1 + random.nextInt(60);
    double turnaround = logNormal(random.nextDouble() < 0.8 ? 2.0 : 30.0, 0.8);
    boolean paid = random.nextDouble() < 0.94;
    double hours = logNormal(kind == ReportKind.ROMANCE || broadcast ? 200 : 48, 1.0);
    return new ReportEvidence(others, fanIn, age, turnaround, paid, paid ? hours : null,
        amountMinor, random.nextDouble() < 0.12, poisson(0.3), poisson(0.1));
  }

  private ReportEvidence dispute(ReportKind kind, long amountMinor) {
    boolean merchant = kind == ReportKind.BUYERS_REMORSE || kind == ReportKind.LATE_DELIVERY
        || kind == ReportKind.CHARGEBACK_DISPUTE;
    double draw = random.nextDouble();
    int others = draw < 0.75 ? 0 : draw < 0.95 ? 1 : 2 + random.nextInt(2);
    int fanIn = (int) Math.max(1, Math.round(logNormal(merchant ? 40 : 3, 1.0)));
    int age = random.nextDouble() < 0.85 ? 200 + random.nextInt(2800) : 5 + random.nextInt(115);
    double turnaround = logNormal(random.nextDouble() < 0.15 ? 2.0 : 120.0, 0.9);
    boolean paid = random.nextDouble() < 0.97;
    return new ReportEvidence(others, fanIn, age, turnaround, paid,
        paid ? logNormal(100, 1.0) : null, amountMinor, random.nextDouble() < 0.01,
        poisson(0.2), poisson(0.4));
  }

  private ReportEvidence weaponised(long amountMinor) {
    double draw = random.nextDouble();
    // Coordinated false reporters pile onto one account, so some have "other reporters" too.
    int others = draw < 0.75 ? 0 : draw < 0.9 ? 1 : 2 + random.nextInt(5);
    int fanIn = (int) Math.max(1, Math.round(logNormal(30, 1.0)));
    int age = random.nextDouble() < 0.8 ? 200 + random.nextInt(2800) : 10 + random.nextInt(190);
    double turnaround = logNormal(random.nextDouble() < 0.15 ? 2.0 : 150.0, 0.9);
    boolean paid = random.nextDouble() < 0.35;
    int rejected = random.nextDouble() < 0.5 ? 1 + poisson(2.0) : 0;
    return new ReportEvidence(others, fanIn, age, turnaround, paid,
        paid ? logNormal(100, 1.0) : null, amountMinor, random.nextDouble() < 0.01,
        poisson(0.1), rejected);
  }

  /**
   * Hides what a platform would not know: an external address has no account age, fan-in or
   * turnaround on the platform, and a few reporters' histories are unavailable.
   */
  private ReportEvidence mask(ReportEvidence e) {
    boolean external = random.nextDouble() < 0.2;
    boolean noHistory = random.nextDouble() < 0.05;
    return new ReportEvidence(e.otherReporters(),
        external ? null : e.recipientFanIn30d(),
        external ? null : e.recipientAgeDays(),
        external ? null : e.muleTurnaroundHours(),
        e.reporterPaidRecipient(), e.hoursSinceTransfer(), e.amountUsdMinor(),
        e.recipientOnIntelList(),
        noHistory ? null : e.reporterConfirmedReports(),
        noHistory ? null : e.reporterRejectedReports());
  }

  /** StrictMath throughout, so that a seed gives the same reports on every JVM and CPU. */
  private double logNormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * random.nextGaussian());
  }

  /** Knuth's method, capped so that the loop always ends. */
  private int poisson(double mean) {
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit && count < 100) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
