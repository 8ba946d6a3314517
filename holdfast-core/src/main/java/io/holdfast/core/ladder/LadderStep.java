package io.holdfast.core.ladder;

import io.holdfast.core.support.Invariants;
import java.time.Duration;

/**
 * One rung: what to do, how long after the hold began, and whether only for vulnerable senders
 * or high-risk holds.
 */
public record LadderStep(Duration offset, StepKind kind, boolean onlyVulnerableOrHighRisk) {
  public LadderStep {
    Invariants.check(!offset.isNegative(), "a step cannot come before the hold");
    Invariants.check(kind != null, "kind is required");
  }
}
