package io.holdfast.core.screening;

import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.support.Invariants;
import java.time.Instant;
import java.util.List;

/**
 * The screening decision for one transfer: the outcome, a risk score in [0, 1], the reasons in
 * order of weight, every rule hit with its contribution (shadow hits included), the features it
 * was computed from, what failed, if anything did, and what the learned risk model said (null
 * when no model is configured).
 */
public record Decision(
    String transferId,
    Outcome outcome,
    double riskScore,
    List<Reason> reasons,
    List<RuleHit> ruleHits,
    int rulesetVersion,
    List<EngineFailure> failures,
    FeatureVector features,
    Instant decidedAt,
    RiskAssessment risk) {

  public Decision {
    Invariants.check(transferId != null, "transfer id is required");
    Invariants.check(outcome != null, "outcome is required");
    Invariants.check(riskScore >= 0.0 && riskScore <= 1.0, "risk score %s out of range", riskScore);
    Invariants.check(outcome == Outcome.ALLOW || !reasons.isEmpty(),
        "a %s decision must give a reason", outcome);
    Invariants.check(failures.isEmpty() || outcome.compareTo(Outcome.HOLD) >= 0,
        "a degraded decision may not let the transfer through");
    reasons = List.copyOf(reasons);
    ruleHits = List.copyOf(ruleHits);
    failures = List.copyOf(failures);
  }

  public boolean degraded() {
    return !failures.isEmpty();
  }
}
