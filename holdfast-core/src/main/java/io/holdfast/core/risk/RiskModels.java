package io.holdfast.core.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Loads the risk model shipped with Holdfast. */
public final class RiskModels {
  public static final String DEFAULT_RESOURCE = "/models/risk.model";

  private RiskModels() {}

  /** The shipped model, or empty when the build has none (screening is then rules only). */
  public static Optional<RiskModel> loadDefault() {
    try (InputStream in = RiskModels.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(RiskModelFile.read(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
