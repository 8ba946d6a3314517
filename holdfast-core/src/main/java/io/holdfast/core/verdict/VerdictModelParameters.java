package io.holdfast.core.verdict;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a linear Scam Verdict Model consists of, as written in its model file.
 *
 * <p>The raw score of a report is {@code bias + sum(weight[f] * value[f])} over its features;
 * the probability is {@code 1 / (1 + exp(-(plattA * score + plattB)))} (Platt scaling, fitted on
 * data the weights never saw); the outcome is SCAM at or above {@code scamThreshold}, NOT_SCAM at
 * or below {@code notScamThreshold} and NEEDS_REVIEW between.
 *
 * @param name the model's name, the first part of its version, e.g. {@code verdict-1.0}
 * @param notes comment lines written at the top of the file (how it was made), without '#'
 * @param bias the intercept of the raw score
 * @param weights feature weights, sorted by feature name
 * @param plattA the calibration slope
 * @param plattB the calibration intercept
 * @param scamThreshold the probability at or above which a report is judged SCAM
 * @param notScamThreshold the probability at or below which a report is judged NOT_SCAM
 */
public record VerdictModelParameters(String name, List<String> notes, double bias,
    SortedMap<String, Double> weights, double plattA, double plattB, double scamThreshold,
    double notScamThreshold) {

  /** Bounds every model file; a vocabulary cap in training keeps real models far below it. */
  public static final int MAX_WEIGHTS = 500_000;
  public static final double DEFAULT_SCAM_THRESHOLD = 0.85;
  public static final double DEFAULT_NOT_SCAM_THRESHOLD = 0.20;

  public VerdictModelParameters {
    require(name.matches("[A-Za-z0-9._-]{1,64}"), "name must be 1-64 of [A-Za-z0-9._-]: " + name);
    notes = List.copyOf(notes);
    for (String note : notes) {
      require(!note.contains("\n") && !note.contains("\r"), "a note must be one line");
    }
    require(weights.size() <= MAX_WEIGHTS, "too many weights: " + weights.size());
    weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      require(weight.getKey().matches("\\S{1,200}"), "bad feature name: " + weight.getKey());
      require(Double.isFinite(weight.getValue()), "weight must be finite: " + weight.getKey());
    }
    require(Double.isFinite(bias) && Double.isFinite(plattA) && Double.isFinite(plattB),
        "bias and calibration must be finite");
    require(notScamThreshold > 0 && notScamThreshold < scamThreshold && scamThreshold < 1,
        "thresholds must satisfy 0 < not_scam < scam < 1");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
