package io.holdfast.core.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Where Scam Verdict Models come from: the shipped file, any model file, or parameters. */
public final class VerdictModels {
  /** The classpath resource of the shipped model, written by {@code holdfast train verdict}. */
  public static final String DEFAULT_RESOURCE = "/models/verdict.model";

  private VerdictModels() {}

  /** The model shipped in the core jar. */
  public static LinearVerdictModel loadDefault() {
    try (InputStream in = VerdictModels.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the shipped model " + DEFAULT_RESOURCE + " is missing");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a model file. Throws IllegalArgumentException, naming the line, if it is malformed.
   * The reader is read to the end but not closed.
   */
  public static LinearVerdictModel read(Reader reader) throws IOException {
    return VerdictModelFile.read(reader);
  }

  /**
   * The model {@code parameters} describe, exactly as it behaves once written and read back
   * (weights rounded as in the file, version hashed from the file text).
   */
  public static LinearVerdictModel of(VerdictModelParameters parameters) {
    try {
      return read(new StringReader(VerdictModelFile.format(parameters)));
    } catch (IOException e) {
      throw new UncheckedIOException("a string reader cannot fail", e);
    }
  }
}
