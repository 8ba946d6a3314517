package io.holdfast.core.feature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features of one transfer, in a flat array indexed by {@link Feature#ordinal()} so that
 * computing and reading them allocates nothing per feature.
 */
public final class FeatureVector {
  private final double[] values = new double[Feature.count()];

  public double get(Feature feature) {
    return values[feature.ordinal()];
  }

  public boolean flag(Feature feature) {
    return values[feature.ordinal()] != 0.0;
  }

  public FeatureVector set(Feature feature, double value) {
    values[feature.ordinal()] = value;
    return this;
  }

  public FeatureVector set(Feature feature, boolean value) {
    values[feature.ordinal()] = value ? 1.0 : 0.0;
    return this;
  }

  /** The value as a rule sees it: a Boolean for flags, a Double otherwise. */
  public Object celValue(Feature feature) {
    double v = values[feature.ordinal()];
    return feature.isFlag() ? Boolean.valueOf(v != 0.0) : Double.valueOf(v);
  }

  /**
   * All features by name, for storing with a decision and explaining it. Whole numbers are
   * given as longs: they print exactly and far faster than doubles.
   */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>(values.length * 2);
    for (int i = 0; i < values.length; i++) {
      Feature f = Feature.at(i);
      double v = values[i];
      Object value;
      if (f.isFlag()) {
        value = v != 0.0;
      } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        value = (long) v;
      } else {
        value = v;
      }
      map.put(f.featureName(), value);
    }
    return map;
  }
}
