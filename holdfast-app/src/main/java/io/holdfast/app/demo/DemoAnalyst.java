package io.holdfast.app.demo;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The platform's analysts, as a rule the demo can follow without ground truth: confirm a case
 * when a reporter who really paid got a SCAM verdict, or when two paying reporters name the same
 * recipient; reject it when nobody who reported ever paid it and three days have passed; leave
 * the rest open. A second analyst approves each confirmation (two people confirm a case). A
 * confirmed case's recipient is frozen if no report froze it, and each day confirmed cases get
 * a restitution round from what is frozen.
 */
final class DemoAnalyst {
  private static final int CASES_PER_REVIEW_MAX = 1_000;
  private final DemoApi api;
  private final Set<String> confirmed = new HashSet<>();
  private int decisions;
  private int analystFreezes;

  DemoAnalyst(DemoApi api) {
    this.api = api;
  }

  void review(Instant now) {
    JsonNode open = api.analyst("GET", "/v1/cases?state=open&limit=" + CASES_PER_REVIEW_MAX,
        null).body().path("cases");
    for (JsonNode summary : open) {
      decide(summary.path("case_id").asString(), now);
    }
    for (String caseId : confirmed) {
      DemoPlatform.expect(api.analyst("POST", "/v1/cases/" + caseId + "/restitution", null),
          200);
    }
  }

  private void decide(String caseId, Instant now) {
    JsonNode c = api.analyst("GET", "/v1/cases/" + caseId, null).body();
    int payingReporters = 0;
    boolean payingScamVerdict = false;
    Instant oldest = now;
    Set<String> reporters = new HashSet<>();
    for (JsonNode summary : c.path("reports")) {
      JsonNode report = api.analyst("GET", "/v1/reports/" + summary.path("report_id").asString(),
          null).body();
      boolean paid = report.path("evidence").path("reporter_paid_recipient").asBoolean(false);
      if (paid && reporters.add(report.path("reporter_account").asString())) {
        payingReporters++;
      }
      payingScamVerdict |= paid
          && report.path("verdict").path("outcome").asString().equals("SCAM");
      Instant at = Instant.parse(report.path("created_at").asString());
      oldest = at.isBefore(oldest) ? at : oldest;
    }
    if (payingScamVerdict || payingReporters >= 2) {
      confirm(caseId, c);
    } else if (payingReporters == 0 && oldest.plus(java.time.Duration.ofDays(3)).isBefore(now)) {
      DemoPlatform.expect(api.analyst("POST", "/v1/cases/" + caseId + "/decision",
          Map.of("decision", "reject", "note", "no reporter ever paid the recipient")), 200);
      decisions++;
    }
  }

  /** One analyst asks to confirm, the second approves: a confirmation takes two people. */
  private void confirm(String caseId, JsonNode c) {
    DemoPlatform.expect(api.analyst("POST", "/v1/cases/" + caseId + "/decision",
        Map.of("decision", "confirm", "note", "paying victims, scam verdict")), 200);
    DemoPlatform.expect(api.reviewer("POST", "/v1/cases/" + caseId + "/decision/approve",
        null), 200);
    decisions++;
    confirmed.add(caseId);
    String subject = c.path("subject").asString();
    boolean frozen = false;
    for (JsonNode f : c.path("freezes")) {
      frozen |= f.path("state").asString().equals("active");
    }
    if (!frozen && subject.startsWith("a:")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("recipient_account", subject.substring(2));
      body.put("reason", "confirmed scam case " + caseId);
      DemoPlatform.expect(api.analyst("POST", "/v1/freezes", body), 201, 409);
      analystFreezes++;
    }
  }

  int decisions() {
    return decisions;
  }

  int analystFreezes() {
    return analystFreezes;
  }
}
