package io.holdfast.app;

import io.holdfast.core.verdict.ScamVerdictModel;
import io.holdfast.core.verdict.VerdictModels;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Judges victim reports in bulk with the Scam Verdict Model. */
@Command(name = "verdict", mixinStandardHelpOptions = true,
    description = {"Judge victim reports with the Scam Verdict Model.",
        "Each input line: {\"id\": \"r-1\", \"text\": \"...\"} plus optional evidence fields in"
            + " snake_case (null or absent = unknown): other_reporters, recipient_fan_in_30d,"
            + " recipient_age_days, mule_turnaround_hours, reporter_paid_recipient,"
            + " hours_since_transfer, amount_usd_minor, recipient_on_intel_list,"
            + " reporter_confirmed_reports, reporter_rejected_reports.",
        "Each output line: {\"id\", \"verdict\": SCAM|NOT_SCAM|NEEDS_REVIEW, \"probability\","
            + " \"reasons\", \"model_version\"}. Bad lines are reported on stderr with their"
            + " line number and skipped.",
        "Exit codes: 0 every line judged, 3 some lines bad (the rest judged), 2 unreadable input"
            + " or model."})
public class VerdictCommand implements Callable<Integer> {
  public static final int EXIT_BAD_LINES = 3;
  public static final int EXIT_BAD_FILE = 2;
  /** Longer lines are refused; the tokenizer reads at most 20,000 characters of text anyway. */
  static final int MAX_LINE_CHARS = 1 << 20;
  /** At most this many bad lines are listed; the count covers the rest. */
  static final int MAX_LISTED = 100;

  @Option(names = "--in", required = true, description = "reports, one JSON object a line")
  Path in;

  @Option(names = "--out", required = true, description = "where to write the verdicts")
  Path out;

  @Option(names = "--model", description = "a model file (default: the shipped model)")
  Path model;

  @Override
  public Integer call() {
    ScamVerdictModel judge;
    try {
      judge = model == null ? VerdictModels.loadDefault() : readModel(model);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      System.err.println("holdfast: cannot load the model: " + e.getMessage());
      return EXIT_BAD_FILE;
    }
    try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
         Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      VerdictBatch.Summary summary = new VerdictBatch(judge, MAX_LINE_CHARS, MAX_LISTED)
          .run(reader, writer, System.err);
      System.err.printf("judged %,d reports with %s; %,d bad lines%n", summary.judged(),
          judge.version(), summary.bad());
      return summary.bad() == 0 ? 0 : EXIT_BAD_LINES;
    } catch (IOException | UncheckedIOException e) {
      System.err.println("holdfast: " + e.getMessage());
      return EXIT_BAD_FILE;
    }
  }

  private static ScamVerdictModel readModel(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return VerdictModels.read(reader);
    }
  }
}
