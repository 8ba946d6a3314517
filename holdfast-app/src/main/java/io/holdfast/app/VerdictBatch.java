package io.holdfast.app;

import io.holdfast.app.verdict.BoundedLines;
import io.holdfast.app.verdict.ReportJson;
import io.holdfast.core.verdict.ScamVerdict;
import io.holdfast.core.verdict.ScamVerdictModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;

/**
 * Judges a JSON-lines stream: one verdict line for each good report line, in input order; a bad
 * line is named on the error stream and skipped, and the batch carries on.
 */
final class VerdictBatch {
  /** How many lines were judged and how many were bad. */
  record Summary(long judged, long bad) {}

  private final ScamVerdictModel model;
  private final int maxLineChars;
  private final int maxListed;
  private final ReportJson json = new ReportJson();

  VerdictBatch(ScamVerdictModel model, int maxLineChars, int maxListed) {
    this.model = model;
    this.maxLineChars = maxLineChars;
    this.maxListed = maxListed;
  }

  Summary run(Reader input, Writer output, PrintStream errors) throws IOException {
    BoundedLines lines = new BoundedLines(input, maxLineChars);
    long number = 0;
    long judged = 0;
    long bad = 0;
    // Each iteration consumes one line of the input, so the loop ends with the input.
    for (String line = lines.next(); line != null; line = lines.next()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        if (lines.wasOverlong()) {
          throw new ReportJson.BadLine("longer than " + maxLineChars + " characters");
        }
        ReportJson.Report report = json.parse(line);
        ScamVerdict verdict = model.judge(report.text(), report.evidence());
        output.write(json.write(report.id(), verdict));
        output.write('\n');
        judged++;
      } catch (ReportJson.BadLine e) {
        if (bad < maxListed) {
          errors.println("line " + number + ": " + e.getMessage());
        }
        bad++;
      }
    }
    if (bad > maxListed) {
      errors.println("... and " + (bad - maxListed) + " more bad lines");
    }
    return new Summary(judged, bad);
  }
}
