package io.holdfast.core.verdict;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The model file: plain text, one fact per line, written in a single deterministic way so that
 * the same parameters always make the same bytes.
 *
 * <pre>
 * holdfast-verdict-model 1
 * # notes: how the file was made
 * name verdict-1.0
 * tokenizer words-bigrams-1
 * calibration A B
 * threshold_scam 0.8500
 * threshold_not_scam 0.2000
 * bias B
 * weights N
 * FEATURE WEIGHT      (N lines, sorted by feature name)
 * end
 * </pre>
 *
 * The version of a model is its name and the first 8 hex digits of the SHA-256 of the file's
 * lines (each ended by a line feed), so every verdict names exactly the file that made it, and
 * a file checked out with Windows line endings keeps its version.
 */
public final class VerdictModelFile {
  public static final String MAGIC = "holdfast-verdict-model 1";
  static final int MAX_LINE_CHARS = 512;
  static final int MAX_NOTES = 100;

  private VerdictModelFile() {}

  /** The file text for {@code parameters}; weights that round to zero are left out. */
  public static String format(VerdictModelParameters p) {
    StringBuilder out = new StringBuilder(64 * p.weights().size() + 1024);
    out.append(MAGIC).append('\n');
    for (String note : p.notes()) {
      out.append("# ").append(note).append('\n');
    }
    out.append("name ").append(p.name()).append('\n');
    out.append("tokenizer ").append(VerdictTokenizer.ID).append('\n');
    out.append("calibration ").append(fixed(p.plattA(), 8)).append(' ')
        .append(fixed(p.plattB(), 8)).append('\n');
    out.append("threshold_scam ").append(fixed(p.scamThreshold(), 4)).append('\n');
    out.append("threshold_not_scam ").append(fixed(p.notScamThreshold(), 4)).append('\n');
    out.append("bias ").append(fixed(p.bias(), 8)).append('\n');
    List<String> lines = new ArrayList<>(p.weights().size());
    for (Map.Entry<String, Double> weight : p.weights().entrySet()) {
      String value = fixed(weight.getValue(), 6);
      if (Double.parseDouble(value) != 0.0) {
        lines.add(weight.getKey() + " " + value);
      }
    }
    out.append("weights ").append(lines.size()).append('\n');
    lines.forEach(line -> out.append(line).append('\n'));
    return out.append("end\n").toString();
  }

  /** Reads a model file; throws IllegalArgumentException naming the line if it is malformed. */
  static LinearVerdictModel read(Reader reader) throws IOException {
    Lines lines = new Lines(reader);
    lines.expect(MAGIC);
    List<String> notes = new ArrayList<>();
    String line = lines.next();
    // Notes are bounded so that a file cannot be all comments.
    while (line != null && line.startsWith("#") && notes.size() < MAX_NOTES) {
      notes.add(line.startsWith("# ") ? line.substring(2) : line.substring(1));
      line = lines.next();
    }
    String name = lines.value(line, "name");
    lines.require(VerdictTokenizer.ID.equals(lines.value(lines.next(), "tokenizer")),
        "the model was made for another tokenizer");
    String[] calibration = lines.value(lines.next(), "calibration").split(" ", -1);
    lines.require(calibration.length == 2, "calibration needs two numbers");
    double scam = lines.number(lines.value(lines.next(), "threshold_scam"));
    double notScam = lines.number(lines.value(lines.next(), "threshold_not_scam"));
    double bias = lines.number(lines.value(lines.next(), "bias"));
    SortedMap<String, Double> weights = readWeights(lines);
    lines.expect("end");
    lines.require(lines.next() == null, "nothing may follow 'end'");
    VerdictModelParameters parameters = new VerdictModelParameters(name, notes, bias, weights,
        lines.number(calibration[0]), lines.number(calibration[1]), scam, notScam);
    return new LinearVerdictModel(parameters, name + "-" + lines.hash());
  }

  private static SortedMap<String, Double> readWeights(Lines lines) throws IOException {
    String count = lines.value(lines.next(), "weights");
    lines.require(count.matches("\\d{1,7}"), "bad weight count");
    int n = Integer.parseInt(count);
    lines.require(n <= VerdictModelParameters.MAX_WEIGHTS, "too many weights: " + n);
    SortedMap<String, Double> weights = new TreeMap<>();
    String previous = null;
    for (int i = 0; i < n; i++) {
      String line = lines.next();
      lines.require(line != null, "the file ends inside the weights");
      int space = line.indexOf(' ');
      lines.require(space > 0 && space == line.lastIndexOf(' '), "expected 'FEATURE WEIGHT'");
      String feature = line.substring(0, space);
      // Sorted, unique names are what make the file canonical; anything else was edited.
      lines.require(previous == null || previous.compareTo(feature) < 0,
          "weights must be sorted by name and unique");
      weights.put(feature, lines.number(line.substring(space + 1)));
      previous = feature;
    }
    return weights;
  }

  static String fixed(double value, int decimals) {
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    // Negative zero and a positive zero must print alike, or equal models could differ by a byte.
    return Double.parseDouble(text) == 0.0 ? text.replace("-", "") : text;
  }

  /** Bounded line reading, with the line number for errors and a running hash for the version. */
  private static final class Lines {
    private final Reader reader;
    private final MessageDigest digest;
    private final StringBuilder buffer = new StringBuilder(128);
    private int number;
    private boolean ended;

    Lines(Reader reader) {
      this.reader = reader;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    String next() throws IOException {
      if (ended) {
        return null;
      }
      buffer.setLength(0);
      int c = reader.read();
      if (c < 0) {
        ended = true;
        return null;
      }
      // Each iteration consumes one character and the line length is capped.
      while (c >= 0 && c != '\n') {
        require(buffer.length() < MAX_LINE_CHARS, "line longer than " + MAX_LINE_CHARS);
        if (c != '\r') {
          buffer.append((char) c);
        }
        c = reader.read();
      }
      number++;
      String line = buffer.toString();
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      return line;
    }

    void expect(String wanted) throws IOException {
      require(wanted.equals(next()), "expected '" + wanted + "'");
    }

    String value(String line, String key) {
      require(line != null && line.startsWith(key + " "), "expected '" + key + " ...'");
      return line.substring(key.length() + 1);
    }

    double number(String text) {
      require(text.matches("-?\\d{1,12}(\\.\\d{1,12})?"), "bad number '" + text + "'");
      return Double.parseDouble(text);
    }

    void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException("model file line " + number + ": " + message);
      }
    }

    String hash() {
      return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
    }
  }
}
