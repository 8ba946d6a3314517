package io.holdfast.core.screening;

import io.holdfast.core.risk.RiskModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One named business rule of screening that may raise the outcome and says why (the shape of
 * ddd-by-examples' placing-on-hold policies). The engine applies all of them and takes the most
 * severe outcome.
 */
interface ScreeningPolicy {
  /** An outcome and its reasons; null when the policy has nothing to say. */
  record Verdict(Outcome outcome, List<Reason> reasons) {}

  Verdict apply(ScreeningContext context);

  static List<ScreeningPolicy> all(ScoringPolicy scoring) {
    return List.of(
        ScreeningPolicy::frozenCounterpartyPolicy,
        ScreeningPolicy::intelListPolicy,
        ScreeningPolicy::ruleOutcomePolicy,
        context -> scoreThresholdPolicy(context, scoring),
        ScreeningPolicy::riskModelPolicy,
        context -> failSafePolicy(context, scoring));
  }

  /**
   * Money never moves to a frozen account or address, and a frozen account's own payments are
   * held, so a suspected scammer cannot move funds on while the case is open.
   */
  static Verdict frozenCounterpartyPolicy(ScreeningContext context) {
    if (context.recipientFrozen()) {
      return new Verdict(Outcome.BLOCK, List.of(new Reason("RECIPIENT_FROZEN", "freeze",
          "The recipient is frozen after scam reports.")));
    }
    if (context.senderFrozen()) {
      return new Verdict(Outcome.HOLD, List.of(new Reason("SENDER_FROZEN", "freeze",
          "The sender's account is frozen after scam reports against it.")));
    }
    return null;
  }

  /** A recipient on an intel list is held or blocked, as the list says, naming the list. */
  static Verdict intelListPolicy(ScreeningContext context) {
    if (context.intelLists().isEmpty()) {
      return null;
    }
    List<Reason> reasons = new ArrayList<>(context.intelLists().size());
    for (String list : context.intelLists()) {
      reasons.add(new Reason("RECIPIENT_ON_INTEL_LIST", list,
          "The recipient is on the intel list '" + list + "'."));
    }
    return new Verdict(context.intelAction(), reasons);
  }

  /** An active rule with a direct outcome imposes it. */
  static Verdict ruleOutcomePolicy(ScreeningContext context) {
    Outcome outcome = Outcome.ALLOW;
    List<Reason> reasons = new ArrayList<>(2);
    for (RuleHit hit : context.hits()) {
      if (!hit.shadow() && hit.outcome() != null) {
        outcome = outcome.atLeast(hit.outcome());
        reasons.add(new Reason(hit.reasonCode(), hit.ruleName(), hit.description()));
      }
    }
    return reasons.isEmpty() ? null : new Verdict(outcome, reasons);
  }

  /** The combined score of active rules maps to WARN or HOLD by threshold. */
  static Verdict scoreThresholdPolicy(ScreeningContext context, ScoringPolicy scoring) {
    Outcome outcome = scoring.outcomeFor(context.riskScore());
    if (outcome == Outcome.ALLOW) {
      return null;
    }
    List<RuleHit> contributing = new ArrayList<>(context.hits().size());
    for (RuleHit hit : context.hits()) {
      if (!hit.shadow() && hit.scoreContribution() > 0.0) {
        contributing.add(hit);
      }
    }
    contributing.sort(Comparator.comparingDouble(RuleHit::scoreContribution).reversed());
    List<Reason> reasons = new ArrayList<>(contributing.size());
    for (RuleHit hit : contributing) {
      reasons.add(new Reason(hit.reasonCode(), hit.ruleName(), hit.description()));
    }
    return new Verdict(outcome, reasons);
  }

  /**
   * The learned model warns or holds when its calibrated probability passes its thresholds,
   * naming the features that weighed most. It can only add severity: the rules keep their say.
   */
  static Verdict riskModelPolicy(ScreeningContext context) {
    RiskAssessment risk = context.risk();
    if (risk == null || risk.probability() == null) {
      return null;
    }
    double p = risk.probability();
    RiskModel model = context.riskModel();
    Outcome outcome = p >= model.holdAt() ? Outcome.HOLD : p >= model.warnAt() ? Outcome.WARN
        : Outcome.ALLOW;
    if (outcome == Outcome.ALLOW) {
      return null;
    }
    String why = String.join(", ", model.topReasons(context.features(), 3));
    return new Verdict(outcome, List.of(new Reason("RISK_MODEL", risk.modelVersion(),
        String.format(java.util.Locale.ROOT, "The risk model puts the chance this is a scam at"
            + " %.0f%%, mostly from: %s.", 100 * p, why))));
  }

  /** When any part of the engine failed, the transfer is never let through silently. */
  static Verdict failSafePolicy(ScreeningContext context, ScoringPolicy scoring) {
    if (context.failures().isEmpty()) {
      return null;
    }
    StringBuilder what = new StringBuilder();
    for (EngineFailure failure : context.failures()) {
      what.append(what.length() == 0 ? "" : ", ").append(failure.component());
    }
    return new Verdict(scoring.failSafeOutcome(), List.of(new Reason("ENGINE_DEGRADED", "engine",
        "Part of the screening could not run (" + what + "), so the transfer is held for review.")));
  }
}
