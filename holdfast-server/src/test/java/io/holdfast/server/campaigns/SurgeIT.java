package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The surge detector proposes a campaign only where confirmed scams of one type really rose in
 * a region; an analyst approves or dismisses the proposal, and the detector does not propose
 * the same surge again while one is open or lately dismissed.
 */
class SurgeIT extends CampaignFixtures {
  @Autowired
  Campaigns campaigns;

  @Test
  void onlyARealRiseIsProposedAndAnAnalystApprovesOrDismisses() {
    Instant now = Instant.now();
    reports("XF", "INVESTMENT", "SCAM", null, 6, now, 1);
    reports("XF", "INVESTMENT", "SCAM", null, 2, now, 20);
    reports("XG", "INVESTMENT", "SCAM", null, 6, now, 2);
    reports("XG", "INVESTMENT", "SCAM", null, 24, now, 15);
    reports("XH", "ROMANCE", "SCAM", null, 4, now, 1);
    reports("XI", "ROMANCE", "NOT_SCAM", null, 6, now, 1);
    reports("XI", "GIVEAWAY", "SCAM", "REJECTED", 6, now, 1);
    reports("XJ", "ROMANCE", "NEEDS_REVIEW", "CONFIRMED", 5, now, 3);
    reports("XK", "MARKETPLACE", "SCAM", null, 6, now, 40);

    Api analyst = person("ANALYST");
    Api.Response run = analyst.post("/v1/campaigns/surges", null);
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    List<String> mine = regions(run.json().path("proposed"));
    assertThat(mine).as("a rise over a baseline, and confirmed labels, only")
        .containsExactlyInAnyOrder("XF:investment", "XJ:romance");
    JsonNode xf = proposal(run.json().path("proposed"), "XF");
    assertThat(xf.path("state").asString()).isEqualTo("proposed");
    assertThat(xf.path("reason").asString()).contains("6 confirmed investment scams", "XF",
        "against 2");
    assertThat(xf.path("messages").get(0).path("body").asString()).contains("XF")
        .doesNotContain("{region}");
    assertThat(xf.path("created_by").asString()).isEqualTo("system:surge");

    assertThat(regions(analyst.post("/v1/campaigns/surges", null).json().path("proposed")))
        .as("an open proposal is not proposed again").isEmpty();
    assertThat(campaigns.detectSurges()).noneMatch(id -> id.contains("_xf_")
        || id.contains("_xj_"));

    String xfId = xf.path("campaign_id").asString();
    Api.Response approved = analyst.post("/v1/campaigns/" + xfId + "/activate", null);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("state").asString()).isEqualTo("active");
    String xjId = proposal(run.json().path("proposed"), "XJ").path("campaign_id").asString();
    assertThat(analyst.post("/v1/campaigns/" + xjId + "/dismiss", "{}").status())
        .as("a dismissal says why").isEqualTo(400);
    Api.Response dismissed = analyst.post("/v1/campaigns/" + xjId + "/dismiss",
        "{\"note\":\"a school fair, not a scam wave\"}");
    assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
    assertThat(dismissed.json().path("state").asString()).isEqualTo("cancelled");
    assertThat(dismissed.json().path("note").asString()).contains("school fair");
    assertThat(campaigns.detectSurges()).as("lately dismissed").noneMatch(id ->
        id.contains("_xj_"));
  }

  private static List<String> regions(JsonNode proposed) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode p : proposed) {
      String country = p.path("segment").path("countries").get(0).asString();
      if (country.startsWith("X")) {
        out.add(country + ":" + p.path("scam_type").asString());
      }
    }
    return out;
  }

  private static JsonNode proposal(JsonNode proposed, String country) {
    for (JsonNode p : proposed) {
      if (p.path("segment").path("countries").get(0).asString().equals(country)) {
        return p;
      }
    }
    throw new AssertionError("no proposal for " + country);
  }

  /** {@code count} reports from accounts of {@code country}, {@code daysAgo} days ago. */
  private void reports(String country, String scamType, String verdict, String label,
      int count, Instant now, int daysAgo) {
    Instant at = now.minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(1));
    for (int i = 0; i < count; i++) {
      String reporter = id("surge-r");
      account(reporter, country, List.of(), null, null);
      String caseId = id("case");
      jdbc.update("INSERT INTO cases (case_id, subject_key, state, restitution_round,"
          + " created_at, updated_at, version) VALUES (?, ?, 'OPEN', 0, ?, ?, 1)", caseId,
          "a:subject-" + caseId, Timestamp.from(at), Timestamp.from(at));
      jdbc.update("INSERT INTO reports (report_id, reporter_account, subject_key, case_id,"
          + " scam_type, narrative, messages, reporter_paid, loss_usd_minor, verdict,"
          + " probability, reasons, model_version, evidence, freeze_decision, label,"
          + " created_at, verdict_at) VALUES (?, ?, ?, ?, ?, 'n', '[]', TRUE, 100, ?, 0.95,"
          + " '[]', 'fixture', '{}', '{}', ?, ?, ?)", id("rep"), reporter, "a:subject-" + caseId,
          caseId, scamType, verdict, label, Timestamp.from(at), Timestamp.from(at));
    }
  }
}
