package io.holdfast.server.reports;

import java.util.List;

/**
 * A validated report: who reports, what they name (transfers, or a recipient key), and what
 * they say. Built by {@link ReportsController} from the body.
 */
record ReportRequest(String reporterAccount, List<String> transferIds, String recipientKey,
    String scamType, String narrative, List<String> scammerMessages, String contactChannel) {

  /** The text the model reads: the narrative, then each message the scammer sent. */
  String text() {
    StringBuilder text = new StringBuilder(narrative);
    for (String message : scammerMessages) {
      text.append('\n').append(message);
    }
    return text.toString();
  }
}
