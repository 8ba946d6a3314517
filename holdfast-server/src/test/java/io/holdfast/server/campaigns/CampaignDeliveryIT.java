package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.prevention.campaign.DeliveryPolicy;
import io.holdfast.server.support.Api;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A daily campaign over three rounds, by a driven clock: opt-outs and the weekly alert cap are
 * respected, nobody gets more than the campaign's cap, the holdout is recorded and never sent,
 * a done round is not sent again, the window's end ends the campaign, and the numbers compare
 * warned and holdout customers.
 */
class CampaignDeliveryIT extends CampaignFixtures {
  static final int HOLDOUT_PERCENT = 30;

  @Autowired
  TransactionTemplate tx;

  CampaignDelivery at(Instant instant) {
    return new CampaignDelivery(jdbc, tx, Clock.fixed(instant, ZoneOffset.UTC),
        DeliveryPolicy.defaults(), 4, "delivery-test");
  }

  @Test
  void capsOptOutsAndHoldoutsHoldOverRounds() {
    Instant t0 = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
    Api creator = person("ANALYST");
    String cid = createAndActivate(creator, body("daily", Map.of("countries", List.of("XD")),
        t0, t0.plus(Duration.ofDays(3)), "daily", 2, HOLDOUT_PERCENT));
    String optedOut = id("dl-opt");
    String capped = id("dl-cap");
    account(optedOut, "XD", List.of(), null, null);
    account(capped, "XD", List.of(), null, null);
    assertThat(platform().put("/v1/accounts/" + optedOut + "/alert-opt-outs",
        "{\"channels\":[\"in_app\"]}").status()).isEqualTo(200);
    alert(capped, t0.minus(Duration.ofDays(1)));
    alert(capped, t0.minus(Duration.ofDays(2)));
    List<String> warned = new ArrayList<>();
    List<String> holdout = new ArrayList<>();
    for (int i = 0; i < 60 && (warned.size() < 3 || holdout.size() < 2); i++) {
      String a = id("dl-m");
      account(a, "XD", List.of(), null, null);
      (DeliveryPolicy.heldOut(cid, a, HOLDOUT_PERCENT * 100) ? holdout : warned).add(a);
    }
    String lapsed = warned.get(0);
    alert(lapsed, t0.minus(Duration.ofDays(8)));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    jdbc.update("INSERT INTO assessment_runs (run_date, state, as_of, cursor_account, chunks,"
        + " accounts_assessed, exposures_recorded, messages_sent, messages_cooling,"
        + " messages_opted_out, tasks_opened, assessor_version, started_at, finished_at)"
        + " VALUES (?, 'DONE', CURRENT_TIMESTAMP, '', 0, 0, 0, 0, 0, 0, 0, 'fixture',"
        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING", Date.valueOf(today));
    String romantic = warned.get(1);
    jdbc.update("INSERT INTO assessments (account_id, run_date, score_milli, resembles, findings,"
        + " explanation, action, task_opened) VALUES (?, ?, 300, 'ROMANCE', 'x', 'x', 'RECORDED',"
        + " FALSE)", romantic, Date.valueOf(today));

    assertThat(at(t0.minusSeconds(1)).run(cid)).isEqualTo(CampaignDelivery.Result.NOT_DUE);
    assertThat(at(t0.plus(Duration.ofHours(1))).run(cid)).isEqualTo(CampaignDelivery.Result.DONE);
    for (String a : warned) {
      assertThat(campaignMessages(cid, a)).as("warned once in round 1: " + a).hasSize(1);
    }
    assertThat(jdbc.queryForObject("SELECT title FROM prevention_messages WHERE message_id = ?",
        String.class, "campaign:" + cid + ":" + romantic + ":1"))
        .as("the message for the scam the assessment saw").isEqualTo("Romance scams");
    assertThat(campaignMessages(cid, optedOut)).isEmpty();
    assertThat(campaignMessages(cid, capped)).as("two alerts this week already").isEmpty();
    assertHoldouts(cid, holdout);
    JsonNode round1 = creator.get("/v1/campaigns/" + cid).json().path("rounds").get(0);
    assertThat(round1.path("state").asString()).isEqualTo("done");
    assertThat(round1.path("sent").asLong()).isEqualTo(warned.size());
    assertThat(round1.path("held_out").asLong()).isEqualTo(holdout.size());
    assertThat(round1.path("suppressed_opted_out").asLong()).isEqualTo(1);
    assertThat(round1.path("suppressed_capped").asLong()).isEqualTo(1);
    assertThat(round1.path("matched").asLong()).isEqualTo(warned.size() + holdout.size() + 2);

    assertThat(at(t0.plus(Duration.ofHours(25))).run(cid))
        .isEqualTo(CampaignDelivery.Result.DONE);
    assertThat(at(t0.plus(Duration.ofHours(49))).run(cid))
        .isEqualTo(CampaignDelivery.Result.DONE);
    assertThat(at(t0.plus(Duration.ofHours(50))).run(cid))
        .as("a round is sent once").isEqualTo(CampaignDelivery.Result.ALREADY_DONE);
    for (String a : warned) {
      assertThat(campaignMessages(cid, a)).as("the cap of 2 per customer")
          .containsExactly("campaign:" + cid + ":" + a + ":1", "campaign:" + cid + ":" + a
              + ":2");
    }
    assertThat(campaignMessages(cid, capped)).isEmpty();
    assertHoldouts(cid, holdout);

    assertThat(at(t0.plus(Duration.ofDays(3))).run(cid))
        .isEqualTo(CampaignDelivery.Result.ENDED_BY_SCHEDULE);
    assertThat(creator.get("/v1/campaigns/" + cid).json().path("state").asString())
        .isEqualTo("ended");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND"
        + " action = 'campaign.ended' AND actor = 'system:schedule'", Long.class, cid))
        .isEqualTo(1);

    Instant later = t0.plus(Duration.ofDays(4));
    victimReport(warned.get(2), "SCAM", later);
    victimReport(holdout.get(0), "NOT_SCAM", later);
    victimReport(holdout.get(1), "SCAM", t0.minus(Duration.ofDays(1)));
    JsonNode stats = creator.get("/v1/stats/prevention").json();
    JsonNode mine = null;
    for (JsonNode row : stats.path("warned_vs_holdout")) {
      mine = row.path("campaign_id").asString().equals(cid) ? row : mine;
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("warned").asLong()).isEqualTo(warned.size());
    assertThat(mine.path("warned_later_victims").asLong()).isEqualTo(1);
    assertThat(mine.path("holdout").asLong()).isEqualTo(holdout.size());
    assertThat(mine.path("holdout_later_victims").asLong())
        .as("a NOT_SCAM report and one before the draw do not count").isZero();
    assertThat(mine.path("warned_victim_rate").asDouble())
        .isEqualTo(Math.round(10_000.0 / warned.size()) / 10_000.0);
    assertThat(stats.path("campaign_alerts").toString()).contains(cid);
  }

  private void assertHoldouts(String cid, List<String> holdout) {
    for (String a : holdout) {
      assertThat(campaignMessages(cid, a)).as("a holdout is never sent").isEmpty();
    }
    assertThat(jdbc.queryForList("SELECT account_id FROM campaign_holdouts WHERE campaign_id = ?",
        String.class, cid)).containsExactlyInAnyOrderElementsOf(holdout);
  }

  void victimReport(String reporter, String verdict, Instant at) {
    String caseId = id("case");
    jdbc.update("INSERT INTO cases (case_id, subject_key, state, restitution_round, created_at,"
        + " updated_at, version) VALUES (?, ?, 'OPEN', 0, ?, ?, 1)", caseId, "a:subject-" + caseId,
        Timestamp.from(at), Timestamp.from(at));
    jdbc.update("INSERT INTO reports (report_id, reporter_account, subject_key, case_id,"
        + " scam_type, narrative, messages, reporter_paid, loss_usd_minor, verdict, probability,"
        + " reasons, model_version, evidence, freeze_decision, created_at, verdict_at) VALUES"
        + " (?, ?, ?, ?, 'INVESTMENT', 'n', '[]', TRUE, 100, ?, 0.95, '[]', 'fixture', '{}', '{}',"
        + " ?, ?)", id("rep"), reporter, "a:subject-" + caseId, caseId, verdict, Timestamp.from(at),
        Timestamp.from(at));
  }
}
