package io.holdfast.core.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The risk model's file: plain text, one value a line, written in a fixed order with fixed
 * formatting so the same training makes the same bytes. The version is the model's name and the
 * first 8 hex digits of the SHA-256 of the body, so every decision names the exact file.
 */
public final class RiskModelFile {
  static final int LINES_MAX = 10_000;

  private RiskModelFile() {}

  public static String format(String name, List<String> notes, double bias, double[] weights,
      double plattA, double plattB, double warnAt, double holdAt) {
    StringBuilder body = new StringBuilder();
    for (String note : notes) {
      body.append("# ").append(note).append('\n');
    }
    body.append("name ").append(name).append('\n');
    line(body, "bias", bias);
    line(body, "platt_a", plattA);
    line(body, "platt_b", plattB);
    line(body, "warn_at", warnAt);
    line(body, "hold_at", holdAt);
    for (int i = 0; i < weights.length; i++) {
      line(body, "weight " + RiskInputs.name(i), weights[i]);
    }
    return body.toString();
  }

  private static void line(StringBuilder out, String key, double value) {
    out.append(key).append(' ').append(String.format(Locale.ROOT, "%.9f", value)).append('\n');
  }

  public static RiskModel read(Reader source) throws IOException {
    BufferedReader in = new BufferedReader(source);
    StringBuilder body = new StringBuilder();
    Map<String, String> values = new HashMap<>();
    String line;
    int count = 0;
    while ((line = in.readLine()) != null) {
      if (++count > LINES_MAX) {
        throw new IllegalArgumentException("risk model file longer than " + LINES_MAX + " lines");
      }
      body.append(line).append('\n');
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        throw new IllegalArgumentException("line " + count + " is not 'key value': " + line);
      }
      values.put(line.substring(0, space), line.substring(space + 1));
    }
    double[] weights = new double[RiskInputs.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = number(values, "weight " + RiskInputs.name(i));
    }
    String name = values.getOrDefault("name", "risk");
    return new RiskModel(name + "-" + hash(body.toString()), number(values, "bias"), weights,
        number(values, "platt_a"), number(values, "platt_b"), number(values, "warn_at"),
        number(values, "hold_at"));
  }

  private static double number(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("risk model file lacks '" + key + "'");
    }
    return Double.parseDouble(v);
  }

  static String hash(String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
