package io.holdfast.core.risk;

import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.support.Invariants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The learned screening model: a calibrated logistic regression over the screening features,
 * trained by `holdfast train risk` on simulated, labelled transfers. It never decides alone:
 * screening takes the more severe of the rules and the model, so a rule always keeps its say.
 *
 * @param weights one per {@link RiskInputs} input, in feature order
 * @param plattA calibration slope and {@code plattB} intercept on the raw score
 * @param warnAt the calibrated probability from which the model warns
 * @param holdAt the probability from which it holds
 */
public record RiskModel(String version, double bias, double[] weights, double plattA,
    double plattB, double warnAt, double holdAt) {

  public RiskModel {
    Invariants.check(weights.length == RiskInputs.size(), "one weight per feature");
    Invariants.check(0 < warnAt && warnAt <= holdAt && holdAt < 1, "thresholds out of order");
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The uncalibrated score: the logit the regression learned. */
  public double rawScore(double[] inputs) {
    double z = bias;
    for (int i = 0; i < inputs.length; i++) {
      z += weights[i] * inputs[i];
    }
    return z;
  }

  public double probability(FeatureVector features) {
    return calibrated(rawScore(RiskInputs.of(features)));
  }

  public double calibrated(double rawScore) {
    double p = 1.0 / (1.0 + StrictMath.exp(-(plattA * rawScore + plattB)));
    Invariants.check(p >= 0 && p <= 1, "probability out of range");
    return p;
  }

  /** The features that pushed the score up most, as "name" strings, strongest first. */
  public List<String> topReasons(FeatureVector features, int count) {
    double[] x = RiskInputs.of(features);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (weights[i] * x[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -weights[i] * x[i]));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(count, order.size()); i++) {
      names.add(RiskInputs.name(order.get(i)).replace('_', ' ').toLowerCase(Locale.ROOT));
    }
    return names;
  }
}
