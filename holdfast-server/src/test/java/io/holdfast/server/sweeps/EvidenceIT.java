package io.holdfast.server.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Law-enforcement requests sweep the accounts they name and land in a case; the case's evidence
 * bundle, as JSON and HTML, carries the transfers, victims, devices, freezes and timeline, and
 * only analysts and supervisors may read it. The numbers count what happened.
 */
class EvidenceIT extends SweepTestSupport {
  @Test
  void aLawEnforcementRequestSweepsItsAccountsAndTheEvidenceExportsTheCluster() {
    String scammer = id("scam");
    String victim = id("v");
    Instant t = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
    transfer(victim, scammer, 25_000, t);
    usedDevice(scammer, "dev-" + scammer, "203.0.113.7");
    Api supervisor = person("SUPERVISOR");
    Map<String, Object> body = Map.of("agency", "Metropolitan Police", "reference",
        id("ref"), "accounts", List.of(scammer), "requested_action", "freeze",
        "note", "<script>alert(1)</script> fraud ring");
    assertThat(person("ANALYST").post("/v1/le-requests", Api.json(body)).status())
        .as("an analyst cannot record a law-enforcement request").isEqualTo(403);
    Api.Response created = supervisor.post("/v1/le-requests", Api.json(body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode request = created.json();
    String caseId = request.path("case_id").asString();
    JsonNode subject = request.path("subjects").get(0);
    assertThat(subject.path("subject").asString()).isEqualTo("a:" + scammer);
    JsonNode swept = finish(subject.path("scammer_id").asString(),
        subject.path("sweep_id").asString());
    assertThat(swept.path("sweep").path("trigger").asString()).isEqualTo("law_enforcement");
    Api.Response duplicate = supervisor.post("/v1/le-requests", Api.json(body));
    assertThat(duplicate.status()).isEqualTo(409);

    jdbc.sql("INSERT INTO prevention_messages (message_id, account_id, source, source_ref,"
        + " scam_type, channel, language, template_version, title, body, created_at, shown_at)"
        + " VALUES (:id, :account, 'CAMPAIGN', 'cmp_evidence', 'INVESTMENT', 'IN_APP', 'en', 1,"
        + " 'Investment scams are rising', 'b', :at, :shown)")
        .param("id", "campaign:cmp_evidence:" + victim + ":1").param("account", victim)
        .param("at", java.sql.Timestamp.from(t.minus(Duration.ofDays(2))))
        .param("shown", java.sql.Timestamp.from(t.minus(Duration.ofDays(1)))).update();
    Api.Response evidence = admin().get("/v1/cases/" + caseId + "/evidence");
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
    JsonNode e = evidence.json();
    assertThat(e.path("victims").get(0).path("victim_account").asString()).isEqualTo(victim);
    assertThat(e.path("transfers").size()).isEqualTo(1);
    assertThat(e.path("devices_and_ips").get(0).path("ip").asString()).isEqualTo("203.0.113.7");
    assertThat(e.path("law_enforcement_requests").size()).isEqualTo(1);
    assertThat(e.path("amounts").path("lost_minor").path("USD").asLong()).isEqualTo(25_000);
    assertThat(e.path("timeline").size()).isGreaterThanOrEqualTo(3);
    JsonNode warning = e.path("warnings").get(0);
    assertThat(warning.path("account_id").asString()).isEqualTo(victim);
    assertThat(warning.path("source").asString()).isEqualTo("campaign");
    assertThat(warning.path("shown_at").asString())
        .isEqualTo(t.minus(Duration.ofDays(1)).toString());
    assertThat(e.path("timeline").toString()).contains("warning (campaign) to " + victim);

    Api.Response html = admin().send("GET", "/v1/cases/" + caseId + "/evidence.html", null,
        "application/json", Map.of("Accept", "text/html"));
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).contains("<h2>Victims (1)</h2>").contains(victim)
        .doesNotContain("<script>");
    assertThat(platform().get("/v1/cases/" + caseId + "/evidence").status()).isEqualTo(403);
  }

  @Test
  void theNumbersCountSweepsVictimsAndReplies() {
    String scammer = id("scam");
    String victim = id("v");
    transfer(victim, scammer, 3_000, Instant.now().minus(Duration.ofDays(1))
        .truncatedTo(ChronoUnit.SECONDS));
    JsonNode before = admin().get("/v1/stats/outreach").json();
    JsonNode view = declareAndFinish(scammer, null);
    String outreachId = victims(view.path("scammer_id").asString()).get(0).path("outreach_id")
        .asString();
    platform().send("POST", "/v1/outreach/" + outreachId + "/replies",
        "{\"intent\":\"message\",\"text\":\"who is this?\"}", "application/json",
        Map.of("Holdfast-Account", victim));
    JsonNode after = admin().get("/v1/stats/outreach").json();
    assertThat(after.path("sweeps_by_state").path("done").asLong())
        .isEqualTo(before.path("sweeps_by_state").path("done").asLong() + 1);
    assertThat(after.path("victims_found").asLong())
        .isEqualTo(before.path("victims_found").asLong() + 1);
    assertThat(after.path("silent_victims_reached").asLong())
        .isEqualTo(before.path("silent_victims_reached").asLong() + 1);
    assertThat(after.path("replies_by_intent").path("message").asLong())
        .isEqualTo(before.path("replies_by_intent").path("message").asLong() + 1);
    assertThat(after.path("traced_held_minor").path("USD").asLong())
        .isGreaterThanOrEqualTo(3_000);
  }
}
