package io.holdfast.core.verdict;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The Scam Verdict Model as shipped: a calibrated linear model over the text and evidence
 * features of {@link VerdictFeatures}. Immutable and safe to share between threads. Obtain one
 * from {@link VerdictModels}, which also gives it its version.
 */
public final class LinearVerdictModel implements ScamVerdictModel {
  private final VerdictModelParameters parameters;
  private final String version;
  /** A hashed copy for lookups; it is never iterated, so its order cannot leak anywhere. */
  private final Map<String, Double> lookup;

  LinearVerdictModel(VerdictModelParameters parameters, String version) {
    this.parameters = parameters;
    this.version = version;
    this.lookup = Map.copyOf(parameters.weights());
  }

  @Override
  public String version() {
    return version;
  }

  public VerdictModelParameters parameters() {
    return parameters;
  }

  @Override
  public ScamVerdict judge(String text, ReportEvidence evidence) {
    SortedMap<String, Double> features = VerdictFeatures.of(text, evidence);
    double probability = probability(score(features));
    VerdictOutcome outcome = outcome(probability);
    List<String> reasons = VerdictReasons.explain(features, lookup, outcome,
        evidence);
    return new ScamVerdict(outcome, probability, reasons, version);
  }

  /** The uncalibrated linear score; training fits the calibration on these. */
  public double rawScore(String text, ReportEvidence evidence) {
    return score(VerdictFeatures.of(text, evidence));
  }

  /** The calibrated probability for a raw score. */
  public double probability(double rawScore) {
    double z = parameters.plattA() * rawScore + parameters.plattB();
    // Two algebraically equal forms, each used where exp cannot overflow.
    double p = z >= 0 ? 1.0 / (1.0 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1.0 + StrictMath.exp(z));
    return Math.min(1.0, Math.max(0.0, p));
  }

  /** The outcome the model's thresholds give a probability. */
  public VerdictOutcome outcome(double probability) {
    if (probability >= parameters.scamThreshold()) {
      return VerdictOutcome.SCAM;
    }
    if (probability <= parameters.notScamThreshold()) {
      return VerdictOutcome.NOT_SCAM;
    }
    return VerdictOutcome.NEEDS_REVIEW;
  }

  private double score(SortedMap<String, Double> features) {
    double score = parameters.bias();
    for (Map.Entry<String, Double> feature : features.entrySet()) {
      Double weight = lookup.get(feature.getKey());
      if (weight != null) {
        score += weight * feature.getValue();
      }
    }
    return score;
  }
}
