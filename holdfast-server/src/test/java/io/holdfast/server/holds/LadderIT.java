package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.ladder.LadderPolicy;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The cooling-off ladder, driven by a clock the test moves: the warning for the suspected scam
 * and the questions are there when the hold is placed, a vulnerable sender gets a call task
 * after an hour and a reminder at twelve, answers that match a scam script escalate, and every
 * message shown and answer given is kept as evidence.
 */
class LadderIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;
  @Autowired
  HoldRows rows;
  @Autowired
  Instructions instructions;
  @Autowired
  AuditLog audit;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  HoldPolicy policy;
  @Autowired
  LadderPolicy ladder;
  @Autowired
  LadderMessages messages;
  @Autowired
  HoldAnswers answers;
  @Autowired
  HoldInvestigation investigation;

  private HoldService at(Duration later) {
    return holdService.withClock(Clock.offset(Clock.systemUTC(), later));
  }

  /** A held transfer from a new account to a young recipient, after a password reset. */
  private String holdFor(String sender, String country, boolean vulnerable) {
    String flags = vulnerable ? ",\"vulnerability_flags\":[\"bereavement\"]" : "";
    platform().put("/v1/accounts/" + sender, "{\"created_at\":\"2020-01-01T00:00:00Z\","
        + "\"country\":\"" + country + "\"" + flags + "}");
    return screenHeld(sender, id("r"), 12_050, "ESCALATING_PAYMENTS_YOUNG_RECIPIENT")
        .path("hold").path("hold_id").asString();
  }

  private JsonNode messagesOf(String holdId, String sender) {
    return platform().send("GET", "/v1/holds/" + holdId + "/messages", null, "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender)).json().path("messages");
  }

  @Test
  void theWarningAndQuestionsAreReadyWhenTheHoldIsPlaced() {
    String sender = id("s");
    String holdId = holdFor(sender, "GB", false);
    JsonNode list = messagesOf(holdId, sender);
    assertThat(list.size()).isEqualTo(2);
    assertThat(list.get(0).path("kind").asString()).isEqualTo("WARNING");
    assertThat(list.get(0).path("scam_type").asString()).isEqualTo("INVESTMENT");
    assertThat(list.get(0).path("body").asString()).contains("120.5 USD");
    assertThat(list.get(1).path("kind").asString()).isEqualTo("QUESTIONNAIRE");
    assertThat(list.get(1).path("body").asString()).contains("promised_a_return");
    assertThat(messagesOf(holdId, id("intruder")).isMissingNode()).isTrue();
  }

  @Test
  void aSpanishSpeakerIsWarnedInSpanish() {
    String sender = id("s");
    String holdId = holdFor(sender, "ES", false);
    JsonNode warning = messagesOf(holdId, sender).get(0);
    assertThat(warning.path("language").asString()).isEqualTo("es");
    assertThat(warning.path("title").asString()).contains("ganancias");
  }

  @Test
  void aVulnerableSenderGetsACallAfterAnHourAndAReminderAtTwelve() {
    String sender = id("s");
    String holdId = holdFor(sender, "GB", true);
    assertThat(at(Duration.ofMinutes(30)).runLadder(500)).isZero();
    assertThat(taskCount(holdId)).isZero();
    at(Duration.ofMinutes(61)).runLadder(500);
    assertThat(taskCount(holdId)).isEqualTo(1);
    at(Duration.ofMinutes(62)).runLadder(500);
    assertThat(taskCount(holdId)).as("a step runs once").isEqualTo(1);
    at(Duration.ofHours(13)).runLadder(500);
    List<String> kinds = new ArrayList<>();
    messagesOf(holdId, sender).forEach(m -> kinds.add(m.path("kind").asString()));
    assertThat(kinds).containsExactly("WARNING", "QUESTIONNAIRE", "REMINDER");
  }

  @Test
  void anAnswerThatMatchesAScamScriptEscalatesAndEverythingIsEvidence() {
    String sender = id("s");
    String holdId = holdFor(sender, "GB", false);
    String messageId = messagesOf(holdId, sender).get(0).path("message_id").asString();
    Api.Response shown = platform().send("POST", "/v1/holds/" + holdId + "/messages/"
            + messageId + "/shown", "{\"channel\":\"in_app\"}", "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().path("first_time").asBoolean()).isTrue();
    Api.Response answered = platform().send("POST", "/v1/holds/" + holdId + "/answers",
        "{\"answers\":{\"promised_a_return\":true,\"told_to_hurry_or_keep_secret\":false}}",
        "application/json", Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    JsonNode hold = answered.json().path("hold");
    assertThat(hold.path("state").asString()).isEqualTo("under_investigation");
    assertThat(answered.json().path("matched_scripts").get(0).asString()).contains("return");
    Api.Response again = platform().send("POST", "/v1/holds/" + holdId + "/answers",
        "{\"answers\":{\"promised_a_return\":false}}", "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(again.status()).isEqualTo(409);
    JsonNode evidence = admin().get("/v1/holds/" + holdId + "/evidence").json();
    assertThat(evidence.path("messages").get(0).path("shown_channel").asString())
        .isEqualTo("in_app");
    assertThat(evidence.path("answers").size()).isEqualTo(2);
    List<String> actions = new ArrayList<>();
    evidence.path("trail").forEach(e -> actions.add(e.path("action").asString()));
    assertThat(actions).contains("hold.placed", "hold.message_shown", "hold.answered",
        "hold.escalated");
  }

  @Test
  void anAgentsCallThatEndsInACancelReturnsTheMoneyAndIsRecordedOnce() {
    String sender = id("s");
    String holdId = holdFor(sender, "GB", true);
    at(Duration.ofMinutes(61)).runLadder(500);
    JsonNode queue = admin().get("/v1/call-tasks?limit=1000").json().path("call_tasks");
    String taskId = null;
    for (JsonNode t : queue) {
      if (t.path("hold_id").asString().equals(holdId)) {
        taskId = t.path("task_id").asString();
        assertThat(t.path("script").asString()).isNotBlank();
      }
    }
    assertThat(taskId).as("the vulnerable sender's call is in the queue").isNotNull();
    Api.Response bad = admin().post("/v1/call-tasks/" + taskId + "/outcome",
        "{\"outcome\":\"maybe\"}");
    assertThat(bad.status()).isEqualTo(400);
    Api.Response done = admin().post("/v1/call-tasks/" + taskId + "/outcome",
        "{\"outcome\":\"sender_cancelled\",\"note\":\"she had been told to keep it secret\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().path("hold_returned").asBoolean()).isTrue();
    JsonNode hold = admin().get("/v1/holds/" + holdId).json();
    assertThat(hold.path("state").asString()).isEqualTo("returned");
    assertThat(hold.path("resolution").asString()).isEqualTo("cancelled_by_sender");
    assertThat(admin().post("/v1/call-tasks/" + taskId + "/outcome",
        "{\"outcome\":\"sender_proceeds\"}").status()).as("recorded once").isEqualTo(409);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'call.recorded'"
        + " AND entity_id = :t").param("t", taskId).query(Long.class).single()).isOne();
  }

  @Test
  void unknownQuestionsAreRefused() {
    String sender = id("s");
    String holdId = holdFor(sender, "GB", false);
    Api.Response r = platform().send("POST", "/v1/holds/" + holdId + "/answers",
        "{\"answers\":{\"favourite_colour\":true}}", "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(r.status()).isEqualTo(400);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM hold_answers WHERE hold_id = :id")
        .param("id", holdId).query(Long.class).single()).isZero();
  }

  private long taskCount(String holdId) {
    return jdbc.sql("SELECT COUNT(*) FROM call_tasks WHERE hold_id = :id").param("id", holdId)
        .query(Long.class).single();
  }
}
