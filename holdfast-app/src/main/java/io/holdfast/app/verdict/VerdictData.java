package io.holdfast.app.verdict;

import io.holdfast.core.simulation.GeneratedReport;
import io.holdfast.core.simulation.ReportGenerator;
import io.holdfast.core.verdict.ReportEvidence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The training data: the SMS Spam Collection shipped in this jar and reports from the core's
 * {@link ReportGenerator}, de-duplicated by exact text and split into training, calibration and
 * held-out rows with a fixed seed.
 */
public final class VerdictData {
  public static final String SMS_RESOURCE = "/data/sms-spam-collection/SMSSpamCollection";
  /** The collection has 5,574 lines; the cap only guards against a wrong file. */
  private static final int MAX_SMS_LINES = 100_000;
  /** Separates the split's random stream from the generator's, which uses the seed as is. */
  private static final long SPLIT_SALT = 0x5EED_5B11_7000_0001L;

  /** The three splits and how the rows were counted on the way. */
  public record Splits(List<LabelledReport> train, List<LabelledReport> calibration,
      List<LabelledReport> test, int smsRows, int generatedRows, int duplicatesDropped) {}

  private VerdictData() {}

  /** The SMS Spam Collection, spam as scam language, in file order, with no evidence. */
  public static List<LabelledReport> sms() {
    try (InputStream in = VerdictData.class.getResourceAsStream(SMS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the SMS Spam Collection is missing: " + SMS_RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<LabelledReport> rows = new ArrayList<>();
      String line = reader.readLine();
      for (int n = 1; line != null && n <= MAX_SMS_LINES; n++, line = reader.readLine()) {
        int tab = line.indexOf('\t');
        String label = tab < 0 ? "" : line.substring(0, tab);
        if (!label.equals("spam") && !label.equals("ham")) {
          throw new IllegalStateException("SMS collection line " + n + ": bad label");
        }
        rows.add(new LabelledReport(LabelledReport.SMS, label, line.substring(tab + 1),
            ReportEvidence.NONE, label.equals("spam")));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generated reports with their recorded (slightly noisy) labels. */
  public static List<LabelledReport> generated(long seed, int count) {
    List<LabelledReport> rows = new ArrayList<>(count);
    for (GeneratedReport report : ReportGenerator.generate(seed, count)) {
      rows.add(new LabelledReport(LabelledReport.GENERATED, report.kind().name(), report.text(),
          report.evidence(), report.labelledScam()));
    }
    return rows;
  }

  /** All rows of a configuration, de-duplicated and split. */
  public static Splits splits(TrainingConfig config) {
    List<LabelledReport> sms = sms();
    List<LabelledReport> generated = generated(config.seed(), config.generatedReports());
    List<LabelledReport> all = new ArrayList<>(sms);
    all.addAll(generated);
    List<LabelledReport> unique = distinctTexts(all);
    shuffle(unique, new SplittableRandom(config.seed() ^ SPLIT_SALT));
    int test = (int) Math.round(unique.size() * config.testShare());
    int calibration = (int) Math.round(unique.size() * config.calibrationShare());
    return new Splits(List.copyOf(unique.subList(test + calibration, unique.size())),
        List.copyOf(unique.subList(test, test + calibration)), List.copyOf(unique.subList(0, test)),
        sms.size(), generated.size(), all.size() - unique.size());
  }

  /**
   * Keeps the first row of each exact text, so that no text is both trained on and held out
   * (the SMS collection repeats 414 texts).
   */
  static List<LabelledReport> distinctTexts(List<LabelledReport> rows) {
    Map<String, LabelledReport> first = new LinkedHashMap<>();
    for (LabelledReport row : rows) {
      first.putIfAbsent(row.text(), row);
    }
    return new ArrayList<>(first.values());
  }

  /** Fisher-Yates with the given stream, so the order depends only on the seed. */
  static void shuffle(List<LabelledReport> rows, SplittableRandom random) {
    for (int i = rows.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      LabelledReport swap = rows.get(i);
      rows.set(i, rows.get(j));
      rows.set(j, swap);
    }
  }
}
