package io.holdfast.core.risk;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;

/**
 * Turns the screening features into the risk model's inputs, one per feature: flags as 0 or 1,
 * times as the log of minutes, everything else as a signed log. Logs make the model's linear
 * weights act on orders of magnitude ("minutes, not weeks, after a password reset"), which is
 * how these signals behave.
 */
public final class RiskInputs {
  /** A cap on seconds so "never happened" (a trillion seconds) reads as "very long ago". */
  private static final double SECONDS_CAP = 1.0e8;

  private RiskInputs() {}

  public static int size() {
    return Feature.count();
  }

  public static String name(int i) {
    return Feature.at(i).featureName();
  }

  public static double[] of(FeatureVector features) {
    double[] x = new double[Feature.count()];
    for (int i = 0; i < x.length; i++) {
      Feature f = Feature.at(i);
      double v = f.isFlag() ? (features.flag(f) ? 1.0 : 0.0) : features.get(f);
      x[i] = transform(f, v);
    }
    return x;
  }

  static double transform(Feature f, double v) {
    if (f.isFlag()) {
      return v;
    }
    if (f.featureName().contains("seconds")) {
      return StrictMath.log1p(Math.min(Math.max(v, 0), SECONDS_CAP) / 60.0) / 10.0;
    }
    return Math.signum(v) * StrictMath.log1p(Math.abs(v)) / 10.0;
  }
}
