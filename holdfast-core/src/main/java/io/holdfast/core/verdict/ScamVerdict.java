package io.holdfast.core.verdict;

import java.util.List;

/**
 * The model's judgement of one report.
 *
 * @param outcome SCAM, NOT_SCAM or NEEDS_REVIEW, from the probability and the model's thresholds
 * @param probability the calibrated probability that the report describes a real scam
 * @param reasons the strongest contributions to the judgement, in plain language, strongest first
 * @param modelVersion the version of the model file that judged, recorded with every verdict
 */
public record ScamVerdict(VerdictOutcome outcome, double probability, List<String> reasons,
    String modelVersion) {

  public ScamVerdict {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must lie in [0, 1]: " + probability);
    }
    reasons = List.copyOf(reasons);
  }
}
