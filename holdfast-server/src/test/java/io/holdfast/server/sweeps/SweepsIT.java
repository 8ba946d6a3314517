package io.holdfast.server.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sweeps over real PostgreSQL and real HTTP: exactly the payers in the window, mules and shared
 * devices swept too, reporters linked rather than contacted, silent victims reached once however
 * often the sweep runs, and a confirmed case sweeping its scammer by itself.
 */
class SweepsIT extends SweepTestSupport {
  static List<String> accounts(JsonNode victims) {
    List<String> out = new ArrayList<>();
    victims.forEach(v -> out.add(v.path("victim_account").asString()));
    return out;
  }

  @Test
  void aSweepFindsExactlyThePayersInsideItsWindow() {
    String scammer = id("scam");
    Instant since = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    String atSince = id("v-at-since");
    String inside = id("v-inside");
    String before = id("v-before");
    String future = id("v-future");
    transfer(atSince, scammer, 1_000, since);
    transfer(inside, scammer, 2_500, since.plus(Duration.ofDays(3)));
    transfer(inside, scammer, 500, since.plus(Duration.ofDays(4)));
    transfer(inside, scammer, 70, "EUR", since.plus(Duration.ofDays(5)));
    transfer(before, scammer, 9_999, since.minusSeconds(1));
    transfer(future, scammer, 9_999, Instant.now().plus(Duration.ofHours(2)));
    transfer(inside, id("someone-else"), 123, since.plus(Duration.ofDays(3)));

    JsonNode scammerView = declareAndFinish(scammer, since.toString());
    assertThat(scammerView.path("sweep").path("state").asString()).isEqualTo("done");
    assertThat(scammerView.path("sweep").path("victims_found").asInt()).isEqualTo(3);
    JsonNode victims = victims(scammerView.path("scammer_id").asString());
    assertThat(accounts(victims)).containsExactlyInAnyOrder(atSince, inside, inside)
        .doesNotContain(before, future);
    for (JsonNode v : victims) {
      if (v.path("victim_account").asString().equals(inside)
          && v.path("currency").asString().equals("USD")) {
        assertThat(v.path("amount_minor").asLong()).isEqualTo(3_000);
        assertThat(v.path("transfers").asInt()).isEqualTo(2);
        assertThat(Instant.parse(v.path("first_paid_at").asString()))
            .isEqualTo(since.plus(Duration.ofDays(3)));
        assertThat(v.path("hops").asInt()).isZero();
      }
      assertThat(v.path("reported").asBoolean()).isFalse();
      assertThat(v.path("outreach_id").asString()).startsWith("out_");
      assertThat(v.path("claim_state").asString()).isEqualTo("pending");
    }
  }

  @Test
  void aSecondSweepOpensNoDuplicatesAndAReporterIsLinkedNotContacted() {
    String scammer = id("scam");
    account(scammer, "GB");
    Instant t = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    String silent = id("v-silent");
    String reporter = id("v-reporter");
    account(silent, "ES");
    transfer(silent, scammer, 4_000, t);
    transfer(reporter, scammer, 6_000, t.plusSeconds(60));
    Api.Response report = platform().post("/v1/reports", Api.json(Map.of(
        "reporter_account", reporter, "recipient_account", scammer,
        "narrative", "He promised guaranteed returns on his trading platform and then asked"
            + " for a withdrawal fee; it was a scam and I lost my money.")));
    assertThat(report.status()).as(report.body()).isEqualTo(201);

    JsonNode first = declareAndFinish(scammer, null);
    String scammerId = first.path("scammer_id").asString();
    String caseId = first.path("case_id").asString();
    assertThat(first.path("sweep").path("silent_victims").asInt()).isEqualTo(1);
    assertThat(first.path("sweep").path("reporters_linked").asInt()).isEqualTo(1);
    assertThat(first.path("sweep").path("outreach_opened").asInt()).isEqualTo(1);
    JsonNode victims = victims(scammerId);
    for (JsonNode v : victims) {
      boolean isReporter = v.path("victim_account").asString().equals(reporter);
      assertThat(v.path("reported").asBoolean()).isEqualTo(isReporter);
      assertThat(v.hasNonNull("outreach_id")).isEqualTo(!isReporter);
    }
    assertThat(count("SELECT COUNT(*) FROM outreach_cases WHERE case_id = ?", caseId))
        .isEqualTo(1);
    String message = jdbc.sql("SELECT body FROM outreach_messages m JOIN outreach_cases o"
        + " ON o.outreach_id = m.outreach_id WHERE o.case_id = :c").param("c", caseId)
        .query(String.class).single();
    assertThat(message).as("a Spanish-speaking victim is written to in Spanish")
        .contains("enviaste 40 USD");

    transfer(silent, scammer, 1_000, t.plusSeconds(120));
    JsonNode second = declareAndFinish(scammer, null);
    assertThat(second.path("sweeps").size()).isEqualTo(2);
    assertThat(second.path("sweep").path("outreach_opened").asInt()).isZero();
    assertThat(second.path("sweep").path("claims_opened").asInt()).isZero();
    assertThat(count("SELECT COUNT(*) FROM outreach_cases WHERE case_id = ?", caseId))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM claims WHERE case_id = ? AND victim_account = ?",
        caseId, silent)).isEqualTo(1);
    assertThat(count("SELECT loss_minor FROM claims WHERE case_id = ? AND victim_account = ?",
        caseId, silent)).as("the later payment raises the waiting claim").isEqualTo(5_000);
    assertThat(count("SELECT COUNT(*) FROM sweep_victims WHERE scammer_id = ?", scammerId))
        .isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'sweep.done'"
        + " AND entity_id IN (SELECT sweep_id FROM sweeps WHERE scammer_id = ?)", scammerId))
        .isEqualTo(2);
  }

  @Test
  void mulesAndSharedDevicesAreSweptWithTheirHops() {
    String scammer = id("scam");
    String mule = id("mule");
    String alias = id("alias");
    Instant t = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
    String direct = id("v-direct");
    String ofMule = id("v-mule");
    String ofAlias = id("v-alias");
    transfer(direct, scammer, 1_000, t);
    transfer(scammer, mule, 900, t.plusSeconds(60));
    transfer(mule, id("cashout"), 850, t.plusSeconds(120));
    transfer(ofMule, mule, 300, t.plusSeconds(30));
    usedDevice(scammer, "device-" + scammer, null);
    usedDevice(alias, "device-" + scammer, null);
    transfer(ofAlias, alias, 200, t.plusSeconds(40));
    JsonNode view = declareAndFinish(scammer, null);
    assertThat(view.path("cluster")).extracting(m -> m.path("relation").asString())
        .contains("scammer", "mule", "device");
    JsonNode victims = victims(view.path("scammer_id").asString());
    assertThat(accounts(victims)).containsExactlyInAnyOrder(direct, ofMule, ofAlias);
    for (JsonNode v : victims) {
      assertThat(v.path("hops").asInt()).isEqualTo(
          v.path("victim_account").asString().equals(direct) ? 0 : 1);
    }
  }

  @Test
  void confirmingACaseSweepsItsScammer() {
    String scammer = id("scam");
    Instant t = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    String reporter = id("v-reporter");
    String silent = id("v-silent");
    transfer(reporter, scammer, 6_000, t);
    transfer(silent, scammer, 2_000, t.plusSeconds(5));
    Api.Response report = platform().post("/v1/reports", Api.json(Map.of(
        "reporter_account", reporter, "recipient_account", scammer,
        "narrative", "Fake support agent told me to move my coins to a safe wallet.")));
    String caseId = report.json().path("case_id").asString();
    Api.Response decided = confirmCase(caseId, null);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    String sweepId = jdbc.sql("SELECT s.sweep_id FROM sweeps s JOIN scammers c"
        + " ON c.scammer_id = s.scammer_id WHERE c.subject_key = :k AND s.trigger_kind ="
        + " 'CASE_CONFIRMED'").param("k", "a:" + scammer).query(String.class).single();
    String scammerId = jdbc.sql("SELECT scammer_id FROM scammers WHERE subject_key = :k")
        .param("k", "a:" + scammer).query(String.class).single();
    JsonNode view = finish(scammerId, sweepId);
    assertThat(view.path("basis").asString()).isEqualTo("case_confirmed");
    assertThat(view.path("sweep").path("silent_victims").asInt()).isEqualTo(1);
    JsonNode theCase = admin().get("/v1/cases/" + caseId).json();
    for (JsonNode claim : theCase.path("claims")) {
      boolean silentClaim = claim.path("victim_account").asString().equals(silent);
      assertThat(claim.path("state").asString())
          .as("a silent victim's claim waits for the victim").isEqualTo(silentClaim
              ? "pending" : "confirmed");
      assertThat(claim.path("awaiting_victim").asBoolean()).isEqualTo(silentClaim);
    }
  }

  @Test
  void aSweepWhoseWorkerDiedIsTakenOverWhenItsLeaseRunsOut() {
    String scammer = id("scam");
    String victim = id("v");
    transfer(victim, scammer, 800, Instant.now().minus(Duration.ofDays(1))
        .truncatedTo(ChronoUnit.SECONDS));
    JsonNode declared = declare(scammer, null);
    String sweepId = declared.path("sweep").path("sweep_id").asString();
    // A worker claimed it and died: its lease is moved into the past instead of waiting.
    jdbc.sql("UPDATE sweeps SET state = 'RUNNING', lease_owner = 'worker_dead', attempts = 1,"
        + " lease_until = :past WHERE sweep_id = :id")
        .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
        .param("id", sweepId).update();
    JsonNode view = finish(declared.path("scammer_id").asString(), sweepId);
    assertThat(view.path("sweep").path("state").asString()).isEqualTo("done");
    assertThat(view.path("sweep").path("attempts").asInt()).isEqualTo(2);
    assertThat(accounts(victims(view.path("scammer_id").asString()))).containsExactly(victim);
  }

  @Test
  void analystsDeclareScammersAndNobodyElseDoes() {
    Api.Response platformTry = platform().post("/v1/scammers",
        "{\"recipient_account\":\"x-1\"}");
    assertThat(platformTry.status()).isEqualTo(403);
    Api analyst = person("ANALYST");
    Api.Response ok = analyst.post("/v1/scammers", Api.json(Map.of("recipient_account",
        id("scam"))));
    assertThat(ok.status()).as(ok.body()).isEqualTo(202);
    Api.Response idem = analyst.post("/v1/scammers", "{\"recipient_account\":\"same-1\"}",
        Map.of("Idempotency-Key", id("k")));
    assertThat(idem.status()).isEqualTo(202);
    assertThat(admin().get("/v1/scammers/scm_missing").status()).isEqualTo(404);
  }
}
