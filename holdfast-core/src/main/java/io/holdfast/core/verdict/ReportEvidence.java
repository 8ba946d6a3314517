package io.holdfast.core.verdict;

/**
 * What the platform's own records say about a report, beside its text. Every field is nullable:
 * null means "unknown", which the model treats differently from zero, so that a report judged on
 * its text alone (the batch command) and a report with full evidence use the same model.
 *
 * @param otherReporters distinct reporters, other than this one, who reported the same recipient
 * @param recipientFanIn30d distinct accounts that paid the recipient in the last 30 days
 * @param recipientAgeDays age of the recipient's account in days; null for external addresses
 * @param muleTurnaroundHours median hours between money reaching the recipient and leaving it
 * @param reporterPaidRecipient whether the reporter really sent money to the recipient
 * @param hoursSinceTransfer hours from the reporter's last named transfer to the report
 * @param amountUsdMinor the reported loss in US cents
 * @param recipientOnIntelList whether the recipient is on any intel list
 * @param reporterConfirmedReports earlier reports by this reporter that analysts confirmed
 * @param reporterRejectedReports earlier reports by this reporter that analysts rejected
 */
public record ReportEvidence(
    Integer otherReporters,
    Integer recipientFanIn30d,
    Integer recipientAgeDays,
    Double muleTurnaroundHours,
    Boolean reporterPaidRecipient,
    Double hoursSinceTransfer,
    Long amountUsdMinor,
    Boolean recipientOnIntelList,
    Integer reporterConfirmedReports,
    Integer reporterRejectedReports) {

  /** No evidence at all: the report is judged on its text. */
  public static final ReportEvidence NONE =
      new ReportEvidence(null, null, null, null, null, null, null, null, null, null);
}
