package io.holdfast.core.rule;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.support.Invariants;
import dev.cel.common.types.CelType;
import dev.cel.common.values.StructValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code features} variable as CEL sees it: a read-only struct view over a FeatureVector,
 * reading one feature per select through a lookup built once. It is a CEL struct value rather
 * than a java.util.Map because the planner runtime copies every Map it is given, entry by entry,
 * on each access, which measured a hundred times slower than the whole rule set with this view.
 */
final class FeatureMapView extends StructValue<String, Object> {
  private static final Map<String, Feature> BY_NAME = buildIndex();

  private final FeatureVector vector;

  FeatureMapView(FeatureVector vector) {
    this.vector = vector;
  }

  private static Map<String, Feature> buildIndex() {
    Map<String, Feature> index = new HashMap<>();
    for (int i = 0; i < Feature.count(); i++) {
      Feature f = Feature.at(i);
      index.put(f.featureName(), f);
    }
    return index;
  }

  @Override
  public Object select(String field) {
    Feature f = BY_NAME.get(field);
    // The checker rejects unknown features, so a miss here means the environment is broken.
    Invariants.check(f != null, "no feature %s", field);
    return vector.celValue(f);
  }

  @Override
  public Optional<Object> find(String field) {
    Feature f = BY_NAME.get(field);
    return f == null ? Optional.empty() : Optional.of(vector.celValue(f));
  }

  @Override
  public Object value() {
    return vector;
  }

  @Override
  public boolean isZeroValue() {
    return false;
  }

  @Override
  public CelType celType() {
    return CelEnvironment.FEATURES;
  }
}
