package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The investigation's checks re-run during a hold's window, over real HTTP and PostgreSQL, by
 * clocks the test fixes (never by sleeping): a clean hold stays held and its re-check moves on
 * by the interval; a recipient put on an intel list after the hold was placed escalates the hold
 * at its next re-check (under investigation, extended, audited once, the sender's view and
 * ladder changed) and a second run changes nothing; the last re-check before the deadline is
 * left to the sweep; two re-checks at once escalate a hold once; and a hold the sender's answers
 * shortened is still re-checked until its new deadline.
 */
class HoldRecheckIT extends PostgresServerTest {
  static final String REASON = "RECHECK_TEST_HOLD";
  static final Duration INTERVAL = Duration.ofMinutes(15);

  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;

  /** The hold service reading a clock stopped at {@code instant}. */
  private HoldService at(Instant instant) {
    return holdService.withClock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** Re-checks everything due by the service's clock; returns the holds escalated. */
  private static int recheckAll(HoldService service) {
    int escalated = 0;
    for (int i = 0; i < 1_000; i++) {
      HoldService.Rechecked done = service.recheckDue(500, HoldRechecker.ACTOR);
      escalated += done.escalated();
      if (done.checked() < 500) {
        return escalated;
      }
    }
    throw new AssertionError("the re-checks never ran out");
  }

  /**
   * An elevated (24-hour) hold from {@code sender} to the platform account {@code recipient},
   * opened long ago (a first payment to a young one would be held 72 hours).
   */
  private String hold(String sender, String recipient) {
    established(recipient);
    JsonNode hold = screenHeld(sender, recipient, 7_500, REASON).path("hold");
    assertThat(hold.path("tier").asString()).as(hold.toString()).isEqualTo("ELEVATED");
    return hold.path("hold_id").asString();
  }

  /** Puts {@code account} on a new intel list through the API; returns the list's name. */
  private String listed(String account) {
    String list = id("mules");
    Api.Response created = admin().put("/v1/intel/lists/" + list,
        Api.json(Map.of("action", "HOLD", "description", "mule accounts reported to us")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response added = admin().send("POST", "/v1/intel/lists/" + list + "/entries",
        Api.json(Map.of("entries", List.of(Map.of("account", account)))), "application/json",
        Map.of());
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().path("added").asLong()).isOne();
    return list;
  }

  private Map<String, Object> row(String holdId) {
    return jdbc.sql("SELECT state, release_at, created_at, recheck_at, ladder_next_at, finding,"
        + " version FROM holds WHERE hold_id = :id").param("id", holdId).query().singleRow();
  }

  private static Instant instant(Object timestamp) {
    return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
  }

  private Instant createdAt(String holdId) {
    return instant(row(holdId).get("created_at"));
  }

  private List<String> audit(String holdId, String action) {
    return jdbc.sql("SELECT reason FROM audit_log WHERE entity_type = 'hold'"
        + " AND entity_id = :id AND action = :a ORDER BY audit_id").param("id", holdId)
        .param("a", action).query(String.class).list();
  }

  private JsonNode senderView(String holdId, String sender) {
    Api.Response r = platform().send("GET", "/v1/holds/" + holdId, null, "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aCleanHoldStaysHeldAndItsReCheckMovesOnByTheInterval() {
    String sender = id("s");
    String holdId = hold(sender, id("r"));
    Instant created = createdAt(holdId);
    Map<String, Object> placed = row(holdId);
    assertThat(instant(placed.get("release_at"))).isEqualTo(created.plus(Duration.ofHours(24)));
    assertThat(instant(placed.get("recheck_at"))).as("placement schedules the first re-check")
        .isEqualTo(created.plus(INTERVAL));

    recheckAll(at(created.plus(INTERVAL).minusSeconds(1)));
    assertThat(row(holdId)).as("not re-checked before it is due").isEqualTo(placed);

    recheckAll(at(created.plus(INTERVAL)));
    Map<String, Object> after = row(holdId);
    assertThat(after.get("state")).isEqualTo("HELD");
    assertThat(instant(after.get("recheck_at"))).isEqualTo(created.plus(INTERVAL.multipliedBy(2)));
    assertThat(after.get("version")).as("a clean re-check changes the schedule, not the hold")
        .isEqualTo(placed.get("version"));
    assertThat(after.get("release_at")).isEqualTo(placed.get("release_at"));
    assertThat(audit(holdId, "hold.escalated")).isEmpty();
    assertThat(senderView(holdId, sender).path("state").asString()).isEqualTo("held");
  }

  @Test
  void aRecipientListedDuringTheHoldEscalatesItAtTheNextReCheckOnce() {
    String sender = id("s");
    String recipient = id("r");
    String holdId = hold(sender, recipient);
    Instant created = createdAt(holdId);
    assertThat(instant(row(holdId).get("ladder_next_at")))
        .as("the ladder wakes an hour in, where it passes over the call for this sender")
        .isEqualTo(created.plusSeconds(3_600));
    String list = listed(recipient);
    assertThat(row(holdId).get("state")).as("listing alone does not touch the hold")
        .isEqualTo("HELD");

    Instant recheck = created.plus(INTERVAL);
    assertThat(recheckAll(at(recheck))).isPositive();
    Map<String, Object> escalated = row(holdId);
    Instant extended = recheck.plus(Duration.ofHours(24));
    assertThat(escalated.get("state")).isEqualTo("UNDER_INVESTIGATION");
    assertThat((String) escalated.get("finding")).isEqualTo("recipient is now on intel list " + list);
    assertThat(instant(escalated.get("release_at"))).as("extended as a report would extend it")
        .isEqualTo(extended);
    assertThat(escalated.get("recheck_at")).as("a hold under investigation is not re-checked")
        .isNull();
    assertThat(audit(holdId, "hold.escalated")).singleElement().asString()
        .contains("recipient is now on intel list " + list).contains("release_at " + extended);

    assertThat(recheckAll(at(recheck))).as("nothing is due a second time").isZero();
    recheckAll(at(recheck.plus(INTERVAL.multipliedBy(3))));
    assertThat(row(holdId)).as("running the re-check again changes nothing")
        .isEqualTo(escalated);
    assertThat(audit(holdId, "hold.escalated")).hasSize(1);

    JsonNode view = senderView(holdId, sender);
    assertThat(view.path("state").asString()).isEqualTo("under_investigation");
    assertThat(view.path("finding").asString()).isEqualTo("recipient is now on intel list " + list);
    assertThat(view.path("next_step").asString()).startsWith("Our team is checking this payment")
        .contains(extended.toString());
    assertThat(Instant.parse(view.path("release_at").asString())).isEqualTo(extended);
    reminderNamesTheNewDeadline(holdId, sender, created, extended);
  }

  /**
   * The escalated hold's ladder goes on: the twelve-hour reminder tells the sender the new
   * date in the wording for a payment under investigation.
   */
  private void reminderNamesTheNewDeadline(String holdId, String sender, Instant created,
      Instant extended) {
    assertThat(instant(row(holdId).get("ladder_next_at"))).isEqualTo(created.plusSeconds(3_600));
    HoldService later = at(created.plus(Duration.ofHours(13)));
    for (int i = 0; i < 1_000 && later.runLadder(500) == 500; i++) {
      assertThat(i).isLessThan(999);
    }
    List<String> kinds = new ArrayList<>();
    String reminder = null;
    String reminderTitle = null;
    JsonNode messages = platform().send("GET", "/v1/holds/" + holdId + "/messages", null,
        "application/json", Map.of(HoldsController.ACCOUNT_HEADER, sender)).json()
        .path("messages");
    for (JsonNode m : messages) {
      kinds.add(m.path("kind").asString());
      if (m.path("kind").asString().equals("REMINDER")) {
        reminder = m.path("body").asString();
        reminderTitle = m.path("title").asString();
      }
    }
    assertThat(kinds).containsExactly("WARNING", "QUESTIONNAIRE", "REMINDER");
    assertThat(reminder).contains(extended.toString());
    // Under investigation the payment does not simply "go soon": the reminder says it is
    // being checked and that a scam comes back to the sender.
    assertThat(reminderTitle).isEqualTo("We are still checking your paused payment");
    assertThat(reminder).contains("comes back to you").doesNotContain("continues at");
  }

  @Test
  void theLastReCheckBeforeTheDeadlineIsLeftToTheSweep() {
    String holdId = hold(id("s"), id("r"));
    Instant created = createdAt(holdId);
    Instant releaseAt = instant(row(holdId).get("release_at"));
    recheckAll(at(created.plus(INTERVAL)));
    assertThat(instant(row(holdId).get("recheck_at")))
        .isEqualTo(created.plus(INTERVAL.multipliedBy(2)));
    Instant late = releaseAt.minus(INTERVAL).minus(Duration.ofMinutes(5));
    recheckAll(at(late));
    assertThat(instant(row(holdId).get("recheck_at")))
        .as("a late run re-checks once, then an interval later").isEqualTo(late.plus(INTERVAL));
    recheckAll(at(late.plus(INTERVAL)));
    Map<String, Object> last = row(holdId);
    assertThat(late.plus(INTERVAL.multipliedBy(2))).as("the next would be past the deadline")
        .isAfter(releaseAt);
    assertThat(last.get("recheck_at")).isNull();
    assertThat(last.get("state")).isEqualTo("HELD");

    for (int i = 0; i < 1_000 && at(releaseAt).sweepDue(500, "sweeper") == 500; i++) {
      assertThat(i).isLessThan(999);
    }
    assertThat(row(holdId).get("state")).as("the deadline's sweep still ends it")
        .isEqualTo("RELEASED");
  }

  @Test
  void twoReChecksAtOnceEscalateEachHoldOnce() throws Exception {
    String sender = id("s");
    String recipient = id("r");
    List<String> suspicious = new ArrayList<>();
    List<String> clean = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // One sender paying often may be held at a higher tier; every tier lasts past a re-check.
      suspicious.add(screenHeld(sender, recipient, 7_500, REASON).path("hold").path("hold_id")
          .asString());
      clean.add(screenHeld(sender, id("r"), 7_500, REASON).path("hold").path("hold_id")
          .asString());
    }
    listed(recipient);
    Map<String, Map<String, Object>> before = new LinkedHashMap<>();
    Instant latest = Instant.EPOCH;
    for (String holdId : clean) {
      before.put(holdId, row(holdId));
    }
    for (String holdId : clean) {
      // Each clean hold follows its suspicious sibling, so the last one is placed last.
      Instant created = createdAt(holdId);
      latest = created.isAfter(latest) ? created : latest;
    }
    HoldService future = at(latest.plus(INTERVAL));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      runs.add(pool.submit(() -> {
        start.await();
        int escalated = 0;
        for (int batch = 0; batch < 1_000; batch++) {
          HoldService.Rechecked done = future.recheckDue(2, HoldRechecker.ACTOR);
          escalated += done.escalated();
          if (done.checked() == 0) {
            break;
          }
        }
        return escalated;
      }));
    }
    start.countDown();
    int escalated = runs.get(0).get() + runs.get(1).get();
    pool.shutdown();

    assertThat(escalated).isGreaterThanOrEqualTo(suspicious.size());
    for (String holdId : suspicious) {
      assertThat(row(holdId).get("state")).isEqualTo("UNDER_INVESTIGATION");
      assertThat(audit(holdId, "hold.escalated")).as("escalated once").hasSize(1);
    }
    for (String holdId : clean) {
      Map<String, Object> after = row(holdId);
      assertThat(after.get("state")).isEqualTo("HELD");
      assertThat(after.get("version")).isEqualTo(before.get(holdId).get("version"));
      assertThat(instant(after.get("recheck_at"))).as("moved on once, by one interval")
          .isEqualTo(instant(before.get(holdId).get("recheck_at")).plus(INTERVAL));
      assertThat(audit(holdId, "hold.escalated")).isEmpty();
    }
  }

  @Test
  void aHoldTheSendersAnswersShortenedIsStillReCheckedUntilItsNewDeadline() {
    String sender = id("s");
    String recipient = id("r");
    String holdId = hold(sender, recipient);
    Instant created = createdAt(holdId);
    Map<String, Boolean> allNo = new LinkedHashMap<>();
    for (String q : List.of("met_online_asked_to_move_money", "promised_a_return",
        "told_to_hurry_or_keep_secret", "contacted_by_support_or_authority")) {
      allNo.put(q, false);
    }
    Api.Response answered = platform().send("POST", "/v1/holds/" + holdId + "/answers",
        Api.json(Map.of("answers", allNo)), "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.json().path("shortened").asBoolean()).as(answered.body()).isTrue();
    Map<String, Object> shortened = row(holdId);
    assertThat(instant(shortened.get("release_at"))).isEqualTo(created.plusSeconds(3_600));
    assertThat(instant(shortened.get("recheck_at"))).as("the re-check before the new deadline stays")
        .isEqualTo(created.plus(INTERVAL));

    String list = listed(recipient);
    recheckAll(at(created.plus(INTERVAL)));
    Map<String, Object> escalated = row(holdId);
    assertThat(escalated.get("state")).isEqualTo("UNDER_INVESTIGATION");
    assertThat((String) escalated.get("finding")).contains(list);
    assertThat(instant(escalated.get("release_at"))).as("the de-escalation no longer stands")
        .isEqualTo(created.plus(INTERVAL).plus(Duration.ofHours(24)));
    assertThat(audit(holdId, "hold.shortened")).hasSize(1);
    assertThat(audit(holdId, "hold.escalated")).singleElement().asString().contains(list);
  }
}
