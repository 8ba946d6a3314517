package io.holdfast.core.screening;

import io.holdfast.core.support.Invariants;

/**
 * How a risk score becomes an outcome, and what a degraded decision falls back to. Scores from
 * rule hits combine as a noisy-OR (1 - the product of 1 - each score), so several weak signals
 * add up without ever passing 1, and one rule cannot be outvoted by others.
 */
public record ScoringPolicy(double warnAtScore, double holdAtScore, Outcome failSafeOutcome) {
  public ScoringPolicy {
    Invariants.check(warnAtScore > 0.0 && warnAtScore <= holdAtScore && holdAtScore <= 1.0,
        "thresholds must satisfy 0 < warn <= hold <= 1");
    Invariants.check(failSafeOutcome == Outcome.HOLD || failSafeOutcome == Outcome.BLOCK,
        "a degraded decision must hold or block");
  }

  public static ScoringPolicy defaults() {
    return new ScoringPolicy(0.35, 0.70, Outcome.HOLD);
  }

  public Outcome outcomeFor(double score) {
    if (score >= holdAtScore) {
      return Outcome.HOLD;
    }
    return score >= warnAtScore ? Outcome.WARN : Outcome.ALLOW;
  }
}
