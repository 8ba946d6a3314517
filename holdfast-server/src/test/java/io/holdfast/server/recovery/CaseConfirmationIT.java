package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Confirming a case labels its reports, confirms its freezes and claims, and starts a sweep of
 * the scammer's victims, so it takes two people: one asks, a second approves, and a person
 * never approves their own request, whatever their roles. Rejecting stays one analyst's call.
 */
class CaseConfirmationIT extends RecoveryTestSupport {
  private static final String CONFIRM = "{\"decision\":\"confirm\",\"note\":\"same script\"}";

  @Test
  void oneAnalystAloneCannotConfirmACase() {
    String caseId = reportedCase();
    Api ann = person("ANALYST");
    Api.Response asked = ann.post("/v1/cases/" + caseId + "/decision", CONFIRM);
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(asked.json().path("state").asString()).as("not yet in effect").isEqualTo("open");
    assertThat(asked.json().path("confirmation_requested_by").asString())
        .startsWith("user:person");
    assertThat(labels(caseId)).containsOnlyNulls();
    assertThat(audited("case.confirmed", caseId)).isZero();

    Api.Response own = ann.post("/v1/cases/" + caseId + "/decision/approve", null);
    assertThat(own.status()).as(own.body()).isEqualTo(403);
    assertThat(own.problemType()).endsWith("/second-person-required");
    Api.Response again = ann.post("/v1/cases/" + caseId + "/decision", CONFIRM);
    assertThat(again.status()).as("asking twice is not approving").isEqualTo(409);

    Api bob = person("ANALYST");
    Api.Response approved = bob.post("/v1/cases/" + caseId + "/decision/approve", null);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    JsonNode confirmed = approved.json();
    assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
    assertThat(confirmed.path("decided_by").asString())
        .isNotEqualTo(asked.json().path("confirmation_requested_by").asString());
    assertThat(labels(caseId)).containsOnly("CONFIRMED");
    assertThat(audited("case.confirmation_requested", caseId)).isOne();
    assertThat(audited("case.confirmed", caseId)).isOne();
    assertThat(bob.post("/v1/cases/" + caseId + "/decision/approve", null).problemType())
        .endsWith("/case-already-decided");
  }

  @Test
  void aSupervisorToo() {
    String caseId = reportedCase();
    Api sue = person("SUPERVISOR");
    Api.Response nothingAsked = sue.post("/v1/cases/" + caseId + "/decision/approve", null);
    assertThat(nothingAsked.status()).as(nothingAsked.body()).isEqualTo(409);
    assertThat(sue.post("/v1/cases/" + caseId + "/decision", CONFIRM).status()).isEqualTo(200);
    Api.Response own = sue.post("/v1/cases/" + caseId + "/decision/approve", null);
    assertThat(own.status()).as(own.body()).isEqualTo(403);
    assertThat(own.problemType()).endsWith("/second-person-required");
    assertThat(admin().post("/v1/cases/" + caseId + "/decision/approve", null).status())
        .isEqualTo(200);
  }

  @Test
  void oneAnalystRejectsEvenAPendingConfirmation() {
    String caseId = reportedCase();
    assertThat(person("ANALYST").post("/v1/cases/" + caseId + "/decision", CONFIRM).status())
        .isEqualTo(200);
    Api.Response rejected = person("ANALYST").post("/v1/cases/" + caseId + "/decision",
        "{\"decision\":\"reject\",\"note\":\"the shop delivered\"}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().path("state").asString()).isEqualTo("rejected");
    assertThat(labels(caseId)).containsOnly("REJECTED");
  }

  /** A case opened by a paying victim's report; returns its id. */
  private String reportedCase() {
    String scammer = id("scam");
    account(scammer, 5, 0);
    String victim = id("victim");
    account(victim, 2000, 2);
    Api.Response r = report(victim, List.of(pay(victim, scammer, 50_000)), SCAM_STORY);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("case_id").asString();
  }

  private List<String> labels(String caseId) {
    return jdbc.sql("SELECT label FROM reports WHERE case_id = :c").param("c", caseId)
        .query(String.class).list();
  }
}
