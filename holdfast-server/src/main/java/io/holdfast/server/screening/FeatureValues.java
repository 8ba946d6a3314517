package io.holdfast.server.screening;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The features a decision was computed from, written straight from the vector as a JSON object
 * (name to number or boolean). Building a map of boxed values for every answer cost more than
 * computing the features, so this writes them without one.
 */
@JsonSerialize(using = FeatureValues.Writer.class)
@Schema(type = "object", description = "feature name to value (number or boolean)")
public record FeatureValues(FeatureVector vector) {

  /** Writes flags as booleans, whole numbers as integers, the rest as decimals. */
  public static final class Writer extends ValueSerializer<FeatureValues> {
    @Override
    public void serialize(FeatureValues value, JsonGenerator gen, SerializationContext context) {
      gen.writeStartObject();
      FeatureVector v = value.vector();
      for (int i = 0; i < Feature.count(); i++) {
        Feature f = Feature.at(i);
        gen.writeName(f.featureName());
        double x = v.get(f);
        if (f.isFlag()) {
          gen.writeBoolean(x != 0.0);
        } else if (x == Math.rint(x) && Math.abs(x) < 1e15) {
          gen.writeNumber((long) x);
        } else {
          gen.writeNumber(x);
        }
      }
      gen.writeEndObject();
    }
  }
}
