package io.holdfast.core.screening;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.freeze.FrozenSubjects;
import io.holdfast.core.risk.RiskModel;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.rule.RuleEvaluation;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Transfer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides what to do with an outgoing transfer: computes its features from the in-memory store,
 * looks the recipient up on the intel lists, evaluates the current ruleset, and applies the
 * screening policies in order. It never writes: the caller records the transfer once the
 * decision is durable.
 *
 * <p>Fail safe: when any part fails, the decision says what failed and is at least the
 * policy's fail-safe outcome, never ALLOW.
 */
public final class ScreeningEngine {
  private final FeatureStore features;
  private final IntelIndex intel;
  private final Supplier<RuleSet> rules;
  private final ScoringPolicy scoring;
  private final Clock clock;
  private final List<ScreeningPolicy> policies;
  private final FrozenSubjects frozen;
  private final RiskModel riskModel;

  public ScreeningEngine(FeatureStore features, IntelIndex intel, Supplier<RuleSet> rules,
      ScoringPolicy scoring, Clock clock) {
    this(features, intel, rules, scoring, clock, new FrozenSubjects());
  }

  public ScreeningEngine(FeatureStore features, IntelIndex intel, Supplier<RuleSet> rules,
      ScoringPolicy scoring, Clock clock, FrozenSubjects frozen) {
    this(features, intel, rules, scoring, clock, frozen, null);
  }

  /** With a learned risk model beside the rules; {@code riskModel} may be null (rules only). */
  public ScreeningEngine(FeatureStore features, IntelIndex intel, Supplier<RuleSet> rules,
      ScoringPolicy scoring, Clock clock, FrozenSubjects frozen, RiskModel riskModel) {
    this.frozen = frozen;
    this.riskModel = riskModel;
    this.features = features;
    this.intel = intel;
    this.rules = rules;
    this.scoring = scoring;
    this.clock = clock;
    this.policies = ScreeningPolicy.all(scoring);
  }

  public Decision screen(Transfer transfer) {
    List<EngineFailure> failures = new ArrayList<>(0);
    long amountUsd = transfer.amount().usdCents();
    List<String> lists = intelLists(transfer, failures);
    FeatureVector vector = new FeatureVector();
    try {
      features.compute(transfer, amountUsd, !lists.isEmpty(), vector);
    } catch (RuntimeException e) {
      failures.add(new EngineFailure("features", describe(e)));
    }
    RuleSet ruleSet = rules.get();
    RuleEvaluation evaluation;
    if (ruleSet == null) {
      failures.add(new EngineFailure("rules", "no ruleset is loaded"));
      evaluation = new RuleEvaluation(List.of(), List.of());
    } else {
      evaluation = evaluate(ruleSet, transfer, vector, failures);
    }
    ScreeningContext context = new ScreeningContext(transfer, vector, lists,
        intel.strongestAction(lists), evaluation.hits(), failures,
        !frozen.isEmpty() && frozen.contains(transfer.recipient().key()),
        !frozen.isEmpty() && frozen.contains(transfer.senderKey()), riskModel,
        assess(vector, failures));
    Decision decision = decide(transfer, ruleSet == null ? 0 : ruleSet.version(), context);
    Invariants.check(decision.transferId().equals(transfer.transferId()), "decision for another transfer");
    return decision;
  }

  /** The model's answer; when it cannot answer, the decision says so and rests on the rules. */
  private RiskAssessment assess(FeatureVector vector, List<EngineFailure> failures) {
    if (riskModel == null) {
      return null;
    }
    if (failures.stream().anyMatch(f -> f.component().equals("features"))) {
      return RiskAssessment.failed(riskModel.version(), "the features could not be computed");
    }
    try {
      return RiskAssessment.answered(riskModel.version(), riskModel.probability(vector));
    } catch (RuntimeException e) {
      return RiskAssessment.failed(riskModel.version(), describe(e));
    }
  }

  private List<String> intelLists(Transfer transfer, List<EngineFailure> failures) {
    try {
      return intel.lookup(transfer.recipient());
    } catch (RuntimeException e) {
      failures.add(new EngineFailure("intel", describe(e)));
      return List.of();
    }
  }

  private static RuleEvaluation evaluate(RuleSet ruleSet, Transfer transfer, FeatureVector vector,
      List<EngineFailure> failures) {
    try {
      RuleEvaluation evaluation = ruleSet.evaluate(transfer, vector);
      failures.addAll(evaluation.failures());
      return evaluation;
    } catch (RuntimeException e) {
      failures.add(new EngineFailure("rules", describe(e)));
      return new RuleEvaluation(List.of(), List.of());
    }
  }

  private Decision decide(Transfer transfer, int rulesetVersion, ScreeningContext context) {
    Outcome outcome = Outcome.ALLOW;
    List<Reason> reasons = new ArrayList<>(4);
    for (ScreeningPolicy policy : policies) {
      ScreeningPolicy.Verdict verdict = policy.apply(context);
      if (verdict == null) {
        continue;
      }
      outcome = outcome.atLeast(verdict.outcome());
      for (Reason reason : verdict.reasons()) {
        if (!reasons.contains(reason)) {
          reasons.add(reason);
        }
      }
    }
    double score = context.riskScore();
    RiskAssessment risk = context.risk();
    if (risk != null && risk.probability() != null) {
      // The score a hold's tier is read from is the more alarming of the rules and the model.
      score = Math.max(score, risk.probability());
    }
    if (outcome == Outcome.ALLOW) {
      reasons.clear();
    }
    return new Decision(transfer.transferId(), outcome, score, reasons, context.hits(),
        rulesetVersion, context.failures(), context.features(), clock.instant(), risk);
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  public ScoringPolicy scoring() {
    return scoring;
  }
}
