package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.sandbox.SandboxAccounts;
import io.holdfast.server.sandbox.SandboxLedger;
import io.holdfast.server.sandbox.SandboxPlatform;
import io.holdfast.server.support.Api;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The programme's KPIs (GET /v1/stats/programme) count what happened: a blocked payment, a
 * held payment returned and one released, refunds from a restitution round, a freeze after a
 * report and an agent's call all show in the day's numbers, by exactly what the test did; the
 * time from a case's first report to its freeze is the median and 95th percentile of the day's
 * freezes; the window is bounded and read by analysts and the metrics scope only.
 */
class ProgrammeKpisIT extends RecoveryTestSupport {
  @Autowired
  InstructionSequencer sequencer;
  @Autowired
  SandboxPlatform sandbox;
  @Autowired
  SandboxLedger ledger;

  private int heldWhileSettling;

  /**
   * The totals of today and tomorrow (UTC), so a test that runs across midnight still finds
   * everything it did inside the window. The suite shares one database, so the test compares
   * the numbers before and after what it does (tests run one at a time).
   */
  private JsonNode totals() {
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    Api.Response r = admin().get("/v1/stats/programme?days=2&until=" + tomorrow);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("days").size()).isEqualTo(2);
    return r.json().path("totals");
  }

  @Test
  void whatTheApiDidShowsInTheDaysNumbers() {
    JsonNode before = totals();

    String scammer = id("scammer");
    account(scammer, 6, 0);
    List<String> victims = List.of(id("victim"), id("victim"), id("victim"));
    List<String> payments = new ArrayList<>();
    for (String victim : victims) {
      account(victim, 2000, 2);
      payments.add(settle(victim, scammer, 50_000));
    }
    List<String> freezeIds = new ArrayList<>();
    for (int i = 0; i < victims.size(); i++) {
      JsonNode report = report(victims.get(i), List.of(payments.get(i)), SCAM_STORY).json();
      if (froze(report)) {
        freezeIds.add(report.path("freeze_id").asString());
      }
    }
    assertThat(freezeIds).as("one report froze the scammer").hasSize(1);
    String caseId = admin().get("/v1/freezes/" + freezeIds.get(0)).json().path("case_id")
        .asString();
    assertThat(screen(victims.get(0), scammer, 1_000).path("outcome").asString())
        .isEqualTo("BLOCK");
    ledger.deposit(SandboxAccounts.user(scammer), "USD", 60_000, id("dep"));
    sequencer.run();
    sandbox.applyPending(1_000_000);
    assertThat(confirmCase(caseId, "three victims, same script").status()).isEqualTo(200);
    JsonNode round = admin().post("/v1/cases/" + caseId + "/restitution", null).json();
    long repaid = 0;
    for (JsonNode refund : round.path("refunds")) {
      repaid += refund.path("amount_minor").asLong();
    }
    assertThat(round.path("refunds").size()).isEqualTo(3);

    String returned = screenHeld(id("sender"), id("recipient"), 12_500, "KPI_RETURN")
        .path("hold").path("hold_id").asString();
    assertThat(admin().post("/v1/holds/" + returned + "/return",
        "{\"note\":\"the sender was being coached\"}").status()).isEqualTo(200);
    String released = screenHeld(id("sender"), id("recipient"), 7_500, "KPI_RELEASE")
        .path("hold").path("hold_id").asString();
    assertThat(admin().post("/v1/holds/" + released + "/release",
        "{\"note\":\"a known landlord\"}").status()).isEqualTo(200);
    call("reached");

    JsonNode after = totals();
    assertThat(delta(before, after, "blocked", "count")).isEqualTo(1);
    assertThat(delta(before, after, "blocked", "usd_minor")).isEqualTo(1_000);
    assertThat(usd(after.path("blocked")) - usd(before.path("blocked"))).isEqualTo(1_000);
    assertThat(delta(before, after, "returned", "count")).isEqualTo(1);
    assertThat(delta(before, after, "returned", "usd_minor")).isEqualTo(12_500);
    assertThat(delta(before, after, "recovered", "count")).isEqualTo(3);
    assertThat(delta(before, after, "recovered", "usd_minor")).isEqualTo(repaid);
    assertThat(repaid).isPositive();
    assertThat(count(after, "holds_placed") - count(before, "holds_placed"))
        .isEqualTo(2 + heldWhileSettling);
    assertThat(count(after, "holds_released") - count(before, "holds_released"))
        .isEqualTo(1 + heldWhileSettling);
    assertThat(count(after, "freezes") - count(before, "freezes")).isEqualTo(1);
    assertThat(count(after, "freezes_after_reports")
        - count(before, "freezes_after_reports")).isEqualTo(1);
    assertThat(calls(after, "reached") - calls(before, "reached")).isEqualTo(1);
  }

  @Test
  void timeToFreezeIsTheMedianAndP95FromEachCasesFirstReport() {
    Instant day = Instant.parse("2001-02-03T06:00:00Z");
    // Three reported cases frozen 10, 30 and 90 minutes after their first report (the first
    // case's second report, five minutes in, does not restart its clock), and a freeze on a
    // law-enforcement request with no report, counted but not timed.
    String first = reportedCase(day, 10);
    report(first, day.plus(Duration.ofMinutes(5)));
    reportedCase(day.plus(Duration.ofHours(1)), 30);
    String third = reportedCase(day.plus(Duration.ofHours(2)), 90);
    report(third, day.plus(Duration.ofHours(5)));
    freeze(newCase(day), day.plus(Duration.ofHours(3)));

    Api.Response r = admin().get("/v1/stats/programme?days=2&until=2001-02-03");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode kpis = r.json();
    assertThat(kpis.path("from").asString()).isEqualTo("2001-02-02");
    assertThat(kpis.path("day_zone").asString()).isEqualTo("UTC");
    JsonNode quiet = kpis.path("days").get(0);
    assertThat(quiet.path("day").asString()).isEqualTo("2001-02-02");
    assertThat(quiet.path("freezes").asLong()).isZero();
    assertThat(quiet.has("report_to_freeze_median_millis")).isFalse();
    JsonNode busy = kpis.path("days").get(1);
    assertThat(busy.path("day").asString()).isEqualTo("2001-02-03");
    assertThat(busy.path("freezes").asLong()).isEqualTo(4);
    assertThat(busy.path("freezes_after_reports").asLong()).isEqualTo(3);
    assertThat(busy.path("report_to_freeze_median_millis").asLong()).isEqualTo(30 * 60_000);
    assertThat(busy.path("report_to_freeze_p95_millis").asLong()).isEqualTo(90 * 60_000);
    assertThat(kpis.path("totals").path("report_to_freeze_median_millis").asLong())
        .isEqualTo(30 * 60_000);
    assertThat(kpis.path("totals").has("day")).isFalse();
  }

  @Test
  void theWindowIsBoundedAndReadByAnalystsAndTheMetricsScope() {
    for (String bad : List.of("days=0", "days=367", "until=yesterday", "until=1969-12-31")) {
      Api.Response r = admin().get("/v1/stats/programme?" + bad);
      assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().path("field").asString()).isEqualTo(bad.substring(0,
          bad.indexOf('=')));
    }
    assertThat(admin().get("/v1/stats/programme?days=366").json().path("days").size())
        .isEqualTo(366);
    assertThat(withScopes(List.of("metrics")).get("/v1/stats/programme").status())
        .isEqualTo(200);
    assertThat(withScopes(List.of("holds")).get("/v1/stats/programme").status())
        .isEqualTo(403);
    assertThat(person("AGENT").get("/v1/stats/programme").status()).isEqualTo(403);
  }

  private Api withScopes(List<String> scopes) {
    Api.Response key = admin().post("/v1/api-keys", Api.json(Map.of("name", id("kpi"),
        "scopes", scopes)));
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    return Api.withKey(port(), key.json().path("secret").asString());
  }

  /** Pays and makes sure the money left, counting the payments the safety net held. */
  private String settle(String sender, String recipient, long amountMinor) {
    String transferId = id("t");
    JsonNode decision = screenPayment(transferId, sender, recipient, amountMinor);
    if (decision.path("outcome").asString().equals("HOLD")) {
      heldWhileSettling++;
      assertThat(admin().post("/v1/holds/" + decision.path("hold").path("hold_id").asString()
          + "/release", "{\"note\":\"test: settle\"}").status()).isEqualTo(200);
    }
    return transferId;
  }

  private void call(String outcome) {
    String account = id("caller");
    account(account, 400, 1);
    Api.Response task = admin().post("/v1/call-tasks", Api.json(Map.of("account_id", account,
        "reason", "A large deposit sent on to a new address.", "priority", 2)));
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    String taskId = task.json().path("task_id").asString();
    assertThat(admin().post("/v1/call-tasks/" + taskId + "/claim", null).status())
        .isEqualTo(200);
    Api.Response done = admin().post("/v1/call-tasks/" + taskId + "/outcome",
        "{\"outcome\":\"" + outcome + "\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
  }

  private static long delta(JsonNode before, JsonNode after, String money, String field) {
    return after.path(money).path(field).asLong() - before.path(money).path(field).asLong();
  }

  private static long count(JsonNode totals, String field) {
    return totals.path(field).asLong();
  }

  private static long usd(JsonNode amounts) {
    for (JsonNode a : amounts.path("by_currency")) {
      if (a.path("currency").asString().equals("USD")) {
        return a.path("amount_minor").asLong();
      }
    }
    return 0;
  }

  private static long calls(JsonNode totals, String outcome) {
    for (JsonNode o : totals.path("calls_by_outcome")) {
      if (o.path("outcome").asString().equals(outcome)) {
        return o.path("calls").asLong();
      }
    }
    return 0;
  }

  /** A case reported at {@code at} and frozen {@code minutes} later; returns its id. */
  private String reportedCase(Instant at, int minutes) {
    String caseId = newCase(at);
    report(caseId, at);
    freeze(caseId, at.plus(Duration.ofMinutes(minutes)));
    return caseId;
  }

  private String newCase(Instant at) {
    String caseId = id("case");
    jdbc.sql("INSERT INTO cases (case_id, subject_key, state, restitution_round, created_at,"
        + " updated_at, version) VALUES (:c, :s, 'OPEN', 0, :at, :at, 1)").param("c", caseId)
        .param("s", "a:" + id("subject")).param("at", Timestamp.from(at)).update();
    return caseId;
  }

  private void report(String caseId, Instant at) {
    jdbc.sql("INSERT INTO reports (report_id, reporter_account, subject_key, case_id,"
        + " narrative, messages, reporter_paid, loss_usd_minor, verdict, probability, reasons,"
        + " model_version, evidence, freeze_decision, created_at, verdict_at) SELECT :r, :v,"
        + " subject_key, case_id, 'a story', '[]', TRUE, 1000, 'SCAM', 0.9, '[]', 'test', '{}',"
        + " 'not frozen', :at, :at FROM cases WHERE case_id = :c").param("r", id("rep"))
        .param("v", id("victim")).param("at", Timestamp.from(at)).param("c", caseId).update();
  }

  private void freeze(String caseId, Instant at) {
    jdbc.sql("INSERT INTO freezes (freeze_id, case_id, subject_key, basis, reason, kind, state,"
        + " created_at, created_by, version, ended_at, ended_by) SELECT :f, case_id,"
        + " subject_key, 'ANALYST', 'test', 'PRECAUTIONARY', 'EXPIRED', :at, 'test', 1, :at,"
        + " 'test' FROM cases WHERE case_id = :c").param("f", id("frz"))
        .param("at", Timestamp.from(at)).param("c", caseId).update();
  }
}
