package io.holdfast.app.verdict;

import io.holdfast.core.verdict.ReportEvidence;

/**
 * One training or evaluation row.
 *
 * @param source where the row comes from: {@link #SMS} or {@link #GENERATED}
 * @param kind the SMS label ("spam", "ham") or the generated report's kind
 * @param text the text the model reads
 * @param evidence the evidence, {@link ReportEvidence#NONE} for SMS rows
 * @param scam the recorded label (1 = scam language / a scam)
 */
public record LabelledReport(String source, String kind, String text, ReportEvidence evidence,
    boolean scam) {
  public static final String SMS = "sms";
  public static final String GENERATED = "generated";
  public static final String WEAPONISED = "WEAPONISED_FALSE_REPORT";

  public boolean weaponised() {
    return WEAPONISED.equals(kind);
  }
}
