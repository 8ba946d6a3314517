package io.holdfast.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.prevention.PreventionSequencer;
import io.holdfast.server.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The daily assessment over the real record: each pattern is found and explained, the top
 * exposures get one message a week and the gravest an agent's call, opt-outs hold.
 */
class DailyAssessmentsIT extends AssessmentFixtures {
  @Autowired
  DailyAssessments daily;
  @Autowired
  PreventionSequencer sequencer;

  static LocalDate daysAgo(int days) {
    return LocalDate.now(ZoneOffset.UTC).minusDays(days);
  }

  @Test
  void patternsAreFoundExplainedMessagedAndCalled() {
    LocalDate day = daysAgo(10);
    Instant asOf = AssessmentBatch.asOf(day);
    String flaggedPayer = id("as-a");
    String depositor = id("as-b");
    String quiet = id("as-c");
    String optedOut = id("as-d");
    String recipient = id("as-r");
    account(flaggedPayer, "GB", List.of("bereavement"), null);
    account(depositor, "GB", List.of(), "1950-04-01");
    account(quiet, "GB", List.of("cognitive"), null);
    account(optedOut, "GB", List.of("bereavement"), null);
    account(recipient, "GB", List.of(), null);
    paidAFlaggedRecipient(flaggedPayer, recipient, asOf);
    pay(optedOut, recipient, null, 9_000, asOf.minus(Duration.ofDays(2)));
    pay(quiet, recipient.replace("as-r", "as-friend"), null, 2_000, asOf.minus(Duration.ofDays(2)));
    event(depositor, "deposit", asOf.minus(Duration.ofDays(5)), 300_000L);
    event(depositor, "password_reset", asOf.minus(Duration.ofHours(100)), null);
    pay(depositor, null, "TLyqzVGLV1srkB7dToTAEqgDSfPtXRJZYH", 200_000,
        asOf.minus(Duration.ofHours(90)));
    assertThat(platform().put("/v1/accounts/" + optedOut + "/alert-opt-outs",
        "{\"channels\":[\"in_app\"]}").status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action ="
        + " 'alerts.opt_outs' AND entity_id = ?", String.class, optedOut)).isEqualTo("[in_app]");

    assertThat(daily.runNow(day)).isEqualTo(AssessmentBatch.Result.DONE);

    JsonNode a = assessments(flaggedPayer).get(0);
    assertThat(a.path("date").asString()).isEqualTo(day.toString());
    assertThat(a.path("score").asDouble()).isEqualTo(0.775);
    assertThat(a.path("action").asString()).isEqualTo("messaged");
    assertThat(a.path("task_opened").asBoolean()).isFalse();
    assertThat(a.path("explanation").asString()).contains("paid_flagged_recipient", "$150",
        "vulnerable");
    JsonNode b = assessments(depositor).get(0);
    assertThat(b.path("findings").toString()).contains("security_change_then_large_payment",
        "deposit_then_new_address", "senior");
    assertThat(b.path("resembles").asString()).isEqualTo("impersonation");
    assertThat(b.path("task_opened").asBoolean()).isTrue();
    assertThat(assessments(quiet).size()).isZero();
    assertThat(assessments(optedOut).get(0).path("action").asString()).isEqualTo("opted_out");

    assertThat(messages(flaggedPayer)).hasSize(1);
    assertThat(messages(optedOut)).isEmpty();
    Map<String, Object> letter = messages(flaggedPayer).get(0);
    assertThat((String) letter.get("body")).contains("reported as part of a scam")
        .doesNotContain("{noticed}");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_tasks WHERE account_id = ?"
        + " AND state = 'OPEN'", Long.class, depositor)).isEqualTo(1);
    assertThat(admin().get("/v1/call-tasks?limit=1000").body()).contains(depositor);
    assertThat(jdbc.queryForMap("SELECT source, kind, scam_type, hold_id FROM call_tasks"
        + " WHERE account_id = ?", depositor)).containsEntry("source", "ASSESSMENT")
        .containsEntry("kind", "CALL").containsEntry("scam_type", "IMPERSONATION")
        .containsEntry("hold_id", null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_tasks WHERE account_id = ?",
        Long.class, flaggedPayer)).isZero();

    JsonNode run = admin().get("/v1/assessments/runs/" + day).json();
    assertThat(run.path("state").asString()).isEqualTo("done");
    assertThat(run.path("messages_sent").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(run.path("messages_suppressed_opted_out").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(daily.runNow(day)).isEqualTo(AssessmentBatch.Result.ALREADY_DONE);
    assertThat(messages(flaggedPayer)).as("a day runs once").hasSize(1);

    String holdId = screenHeld(flaggedPayer, recipient.replace("as-r", "as-new"), 5_000,
        "TEST_HOLD").path("hold").path("hold_id").asString();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc
        .queryForList("SELECT body FROM hold_messages WHERE hold_id = ? AND kind = 'WARNING'",
            String.class, holdId).isEmpty());
    assertThat(jdbc.queryForObject("SELECT body FROM hold_messages WHERE hold_id = ? AND kind ="
        + " 'WARNING'", String.class, holdId)).as("the payment's warning recalls the earlier one")
        .contains("we also sent you a warning: \"" + letter.get("title") + "\"");

    daily.runNow(day.plusDays(1));
    assertThat(assessments(flaggedPayer).get(0).path("action").asString())
        .as("one message a week").isEqualTo("cooling_down");
    assertThat(messages(flaggedPayer)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_tasks WHERE account_id = ?",
        Long.class, depositor)).as("no second task while one is open").isEqualTo(1);
  }

  @Test
  void thePlatformPullsMessagesInOrderAndReportsThemShownForItsOwnCustomer() {
    LocalDate day = daysAgo(40);
    String payer = id("as-p");
    String recipient = id("as-r");
    account(payer, "GB", List.of(), null);
    account(recipient, "GB", List.of(), null);
    pay(payer, recipient, null, 15_000, AssessmentBatch.asOf(day).minus(Duration.ofDays(3)));
    pay(payer, recipient, null, 15_000, AssessmentBatch.asOf(day).minus(Duration.ofDays(2)));
    flag(recipient);
    daily.runNow(day);
    sequencer.run();
    String messageId = "assessment:" + day + ":" + payer;
    long cursor = 0;
    boolean found = false;
    for (int pageNo = 0; pageNo < 100 && !found; pageNo++) {
      JsonNode page = platform().get("/v1/prevention/messages?after=" + cursor + "&limit=500")
          .json();
      if (page.path("messages").isEmpty()) {
        break;
      }
      for (JsonNode m : page.path("messages")) {
        assertThat(m.path("seq").asLong()).as("in order, no repeats").isGreaterThan(cursor);
        cursor = m.path("seq").asLong();
        found |= m.path("message_id").asString().equals(messageId);
      }
      assertThat(page.path("next_cursor").asLong()).isEqualTo(cursor);
    }
    assertThat(found).as("the platform pulled the message").isTrue();
    Api.Response other = platform().post("/v1/prevention/messages/" + messageId + "/shown",
        null, Map.of("Holdfast-Account", recipient));
    assertThat(other.status()).isEqualTo(404);
    Api.Response shown = platform().post("/v1/prevention/messages/" + messageId + "/shown",
        null, Map.of("Holdfast-Account", payer));
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().path("first_time").asBoolean()).isTrue();
    assertThat(messages(payer).get(0).get("shown_at")).isNotNull();
    assertThat(messages(payer).get(0).get("scam_type")).isEqualTo("GENERAL");
  }

  @Test
  void onlySupervisorsStartRunsOnlyAnalystsReadAssessmentsAndTheRunFinishesInTheBackground() {
    LocalDate day = daysAgo(80);
    String body = "{\"date\":\"" + day + "\"}";
    Api analyst = person("ANALYST");
    Api supervisor = person("SUPERVISOR");
    assertThat(platform().post("/v1/assessments/runs", body).status()).isEqualTo(403);
    assertThat(analyst.post("/v1/assessments/runs", body).status()).isEqualTo(403);
    assertThat(anonymous().post("/v1/assessments/runs", body).status()).isEqualTo(401);
    assertThat(platform().get("/v1/accounts/x/assessments").status()).isEqualTo(403);
    assertThat(platform().get("/v1/accounts/x/prevention-messages").status()).isEqualTo(403);
    assertThat(analyst.get("/v1/prevention/messages").status()).isEqualTo(403);
    assertThat(analyst.put("/v1/accounts/x/alert-opt-outs", "{\"channels\":[]}").status())
        .isEqualTo(403);
    Api.Response started = supervisor.post("/v1/assessments/runs", body);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
        "done".equals(analyst.get("/v1/assessments/runs/" + day).json().path("state")
            .asString()));
  }

  List<Map<String, Object>> messages(String accountId) {
    return jdbc.queryForList("SELECT message_id, scam_type, title, body, shown_at FROM"
        + " prevention_messages WHERE account_id = ? AND source = 'ASSESSMENT'", accountId);
  }
}
