package io.holdfast.server.screening;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.screening.EngineFailure;
import io.holdfast.core.screening.Reason;
import io.holdfast.core.screening.RuleHit;
import java.util.List;

/** The screening answer as the platform receives it, and as it is stored for replay. */
public record DecisionBody(
    String transferId,
    String outcome,
    double riskScore,
    List<ReasonBody> reasons,
    List<RuleHitBody> ruleHits,
    int rulesetVersion,
    boolean degraded,
    List<FailureBody> failures,
    FeatureValues features,
    String decidedAt,
    HoldBody hold,
    RiskBody riskModel) {

  /** The learned model's answer, or why it had none (then the rules alone decided). */
  public record RiskBody(String version, Double probability, String unavailable) {}

  /** The hold a HOLD decision placed: where to follow it and when it ends at the latest. */
  public record HoldBody(String holdId, String releaseAt, String tier) {}

  /** A reason with its plain-language explanation. */
  public record ReasonBody(String code, String source, String explanation) {}

  /**
   * A rule that matched and what it contributed; shadow hits never change the outcome. A shadow
   * rule that could not be evaluated is listed too, with its error (absent on a match).
   */
  public record RuleHitBody(String rule, int version, String reasonCode, double contribution,
      String outcome, boolean shadow, String error) {}

  /** A part of the engine that failed for this decision. */
  public record FailureBody(String component, String message) {}

  public static DecisionBody of(Decision d, Hold.Held hold) {
    return new DecisionBody(
        d.transferId(),
        d.outcome().name(),
        Math.round(d.riskScore() * 10_000) / 10_000.0,
        d.reasons().stream().map(DecisionBody::reason).toList(),
        d.ruleHits().stream().map(DecisionBody::hit).toList(),
        d.rulesetVersion(),
        d.degraded(),
        d.failures().stream().map(DecisionBody::failure).toList(),
        new FeatureValues(d.features()),
        d.decidedAt().toString(),
        hold == null ? null : new HoldBody(hold.holdId(), hold.releaseAt().toString(),
            hold.terms().tier().name()),
        d.risk() == null ? null : new RiskBody(d.risk().modelVersion(),
            d.risk().probability() == null ? null
                : Math.round(d.risk().probability() * 10_000) / 10_000.0,
            d.risk().unavailable()));
  }

  private static ReasonBody reason(Reason r) {
    return new ReasonBody(r.code(), r.source(), r.explanation());
  }

  private static RuleHitBody hit(RuleHit h) {
    return new RuleHitBody(h.ruleName(), h.ruleVersion(), h.reasonCode(),
        Math.round(h.scoreContribution() * 10_000) / 10_000.0,
        h.outcome() == null ? null : h.outcome().name(), h.shadow(), h.error());
  }

  private static FailureBody failure(EngineFailure f) {
    return new FailureBody(f.component(), f.message());
  }
}
