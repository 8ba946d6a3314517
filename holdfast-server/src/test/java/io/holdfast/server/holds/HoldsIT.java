package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The safety net over HTTP and PostgreSQL: a HOLD decision places a hold with its instruction;
 * the sender sees and cancels only their own; concurrent resolutions have one winner; two
 * sweepers resolve each due hold once; instructions are pulled in order and acknowledged.
 */
class HoldsIT extends PostgresServerTest {
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
  InstructionSequencer sequencer;
  @Autowired
  io.holdfast.core.ladder.LadderPolicy ladder;
  @Autowired
  LadderMessages messages;
  @Autowired
  HoldAnswers answers;
  @Autowired
  HoldInvestigation investigation;
  @Autowired
  io.holdfast.core.feature.FeatureStore features;

  /** Makes every transfer from {@code sender} a HOLD, through a rule, and screens one. */
  private JsonNode held(String sender) {
    return held(sender, id("r"));
  }

  private JsonNode held(String sender, String recipient) {
    return screenHeld(sender, recipient, 25_000, "TEST_HOLD").path("hold");
  }

  private Api.Response asSender(String method, String path, String sender) {
    return platform().send(method, path, method.equals("GET") ? null : "{}", "application/json",
        Map.of(HoldsController.ACCOUNT_HEADER, sender));
  }

  private long count(String sql, String id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  @Test
  void aHoldDecisionPlacesAHoldWithItsInstructionAndAudit() {
    String sender = id("s");
    JsonNode hold = held(sender);
    String holdId = hold.path("hold_id").asString();
    assertThat(holdId).startsWith("hold_");
    assertThat(hold.path("release_at").asString()).isNotBlank();
    assertThat(count("SELECT COUNT(*) FROM holds WHERE hold_id = :id AND state = 'HELD'",
        holdId)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM instructions WHERE hold_id = :id"
        + " AND kind = 'HOLD_FUNDS'", holdId)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE entity_id = :id"
        + " AND action = 'hold.placed'", holdId)).isEqualTo(1);
    JsonNode view = asSender("GET", "/v1/holds/" + holdId, sender).json();
    assertThat(view.path("state").asString()).isEqualTo("held");
    List<String> codes = new ArrayList<>();
    view.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
    assertThat(codes).contains("TEST_HOLD");
    assertThat(view.path("seconds_left").asLong()).isPositive();
  }

  @Test
  void aHighHoldOnAFirstPaymentToARecipientNobodyKnowsLastsSeventyTwoHours() {
    String unknown = heldAtHighTierTo(id("s"), id("r"), "TEST_HOLD");
    String established = heldAtHighTier(id("s"), id("r"), "TEST_HOLD");
    assertThat(heldHours(unknown)).isEqualTo(72);
    assertThat(heldHours(established)).isEqualTo(24);
  }

  private long heldHours(String holdId) {
    return count("SELECT CAST(EXTRACT(EPOCH FROM release_at - created_at) / 3600 AS bigint)"
        + " FROM holds WHERE hold_id = :id", holdId);
  }

  @Test
  void aSenderSeesAndCancelsOnlyTheirOwnHolds() {
    String sender = id("s");
    String holdId = held(sender).path("hold_id").asString();
    Api.Response other = asSender("GET", "/v1/holds/" + holdId, id("intruder"));
    Api.Response missing = asSender("GET", "/v1/holds/hold_missing", sender);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.problemType()).isEqualTo(missing.problemType());
    assertThat(asSender("POST", "/v1/holds/" + holdId + "/cancel", id("intruder")).status())
        .isEqualTo(404);
    assertThat(platform().get("/v1/holds/" + holdId).status()).isEqualTo(400);

    Map<String, String> headers = Map.of(HoldsController.ACCOUNT_HEADER, sender,
        "Idempotency-Key", id("k"));
    Api.Response cancelled = platform().post("/v1/holds/" + holdId + "/cancel", "{}", headers);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().path("state").asString()).isEqualTo("returned");
    assertThat(cancelled.json().path("resolution").asString()).isEqualTo("cancelled_by_sender");
    Api.Response replay = platform().post("/v1/holds/" + holdId + "/cancel", "{}", headers);
    assertThat(replay.header("Idempotency-Hit")).isEqualTo("true");
    Api.Response again = asSender("POST", "/v1/holds/" + holdId + "/cancel", sender);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemType()).endsWith("/hold-already-resolved");
    assertThat(count("SELECT COUNT(*) FROM instructions WHERE hold_id = :id"
        + " AND kind = 'RETURN'", holdId)).isEqualTo(1);
  }

  /**
   * An Idempotency-Key belongs to the caller, the account it acts for and the route: another
   * account sending the owner's key is a request of its own (the normal 404 for a hold that is
   * not theirs), never a replay of the owner's answer.
   */
  @Test
  void anIdempotencyKeyDoesNotReplayAcrossAccounts() {
    String sender = id("s");
    String holdId = held(sender).path("hold_id").asString();
    String key = id("k");
    Api.Response cancelled = platform().post("/v1/holds/" + holdId + "/cancel", "{}",
        Map.of(HoldsController.ACCOUNT_HEADER, sender, "Idempotency-Key", key));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

    Api.Response intruder = platform().post("/v1/holds/" + holdId + "/cancel", "{}",
        Map.of(HoldsController.ACCOUNT_HEADER, id("intruder"), "Idempotency-Key", key));
    assertThat(intruder.header("Idempotency-Hit")).as(intruder.body()).isNull();
    assertThat(intruder.status()).as(intruder.body()).isEqualTo(404);
    assertThat(intruder.body()).doesNotContain(sender);

    Api.Response owner = platform().post("/v1/holds/" + holdId + "/cancel", "{}",
        Map.of(HoldsController.ACCOUNT_HEADER, sender, "Idempotency-Key", key));
    assertThat(owner.header("Idempotency-Hit")).isEqualTo("true");
    assertThat(owner.body()).isEqualTo(cancelled.body());
  }

  @Test
  void concurrentCancelReleaseAndReturnHaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 5; round++) {
      String sender = id("s");
      String holdId = held(sender).path("hold_id").asString();
      List<java.util.concurrent.Callable<Api.Response>> calls = List.of(
          () -> asSender("POST", "/v1/holds/" + holdId + "/cancel", sender),
          () -> admin().post("/v1/holds/" + holdId + "/release", "{\"note\":\"ok\"}"),
          () -> admin().post("/v1/holds/" + holdId + "/return", "{\"note\":\"scam\"}"),
          () -> asSender("POST", "/v1/holds/" + holdId + "/cancel", sender));
      ExecutorService pool = Executors.newFixedThreadPool(calls.size());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Response>> futures = new ArrayList<>();
      for (var call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> f : futures) {
        statuses.add(f.get().status());
      }
      pool.shutdown();
      assertThat(statuses).containsOnly(200, 409);
      assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM instructions WHERE hold_id = :id"
          + " AND kind IN ('RELEASE', 'RETURN')", holdId)).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM audit_log WHERE entity_id = :id"
          + " AND action IN ('hold.released', 'hold.returned')", holdId)).isEqualTo(1);
    }
  }

  @Test
  void twoSweepersResolveEachDueHoldOnceWhenTheClockPassesTheDeadline() throws Exception {
    String sender = id("s");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(held(sender).path("hold_id").asString());
    }
    String investigated = ids.get(0);
    admin().post("/v1/holds/" + investigated + "/escalate", "{\"note\":\"report received\"}");
    Clock later = Clock.offset(Clock.systemUTC(), pastAnUnknownRecipientsHold());
    HoldService future = holdService.withClock(later);
    assertThat(holdService.sweepDue(100, "now")).as("nothing is due yet").isZero();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> sweeps = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      sweeps.add(pool.submit(() -> {
        start.await();
        int total = 0;
        for (int batch = 0; batch < 100; batch++) {
          int n = future.sweepDue(3, "sweeper");
          total += n;
          if (n == 0) {
            break;
          }
        }
        return total;
      }));
    }
    start.countDown();
    int resolved = sweeps.get(0).get() + sweeps.get(1).get();
    pool.shutdown();
    String in = "('" + String.join("','", ids) + "')";
    long released = jdbc.sql("SELECT COUNT(*) FROM instructions WHERE kind = 'RELEASE'"
        + " AND hold_id IN " + in).query(Long.class).single();
    assertThat(released).isEqualTo(39);
    assertThat(jdbc.sql("SELECT state FROM holds WHERE hold_id = :id").param("id", investigated)
        .query(String.class).single()).as("open findings extend instead of releasing")
        .isEqualTo("UNDER_INVESTIGATION");
    assertThat(resolved).isGreaterThanOrEqualTo(40);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'hold.released'"
        + " AND entity_id IN " + in).query(Long.class).single()).isEqualTo(39);
  }

  @Test
  void theDeadlineReChecksTheRecipientAndKeepsHoldsWithFindings() {
    String shared = id("r");
    List<String> fanIn = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fanIn.add(held(id("s"), shared).path("hold_id").asString());
    }
    String reported = id("r");
    String reportedHold = held(id("s"), reported).path("hold_id").asString();
    features.recordReport(new io.holdfast.core.transfer.Counterparty.PlatformAccount(reported),
        id("victim"));
    String clean = held(id("s")).path("hold_id").asString();
    HoldService future =
        holdService.withClock(Clock.offset(Clock.systemUTC(), pastAnUnknownRecipientsHold()));
    for (int i = 0; i < 100 && future.sweepDue(500, "sweeper") > 0; i++) {
      // Sweep until nothing is due; extended holds are due again only 24 h later.
    }
    for (String holdId : fanIn) {
      assertThat(state(holdId)).as("fan-in of held payments is a finding").isIn("HELD",
          "UNDER_INVESTIGATION");
    }
    assertThat(state(reportedHold)).as("a report is a finding").isIn("HELD",
        "UNDER_INVESTIGATION");
    assertThat(state(clean)).isEqualTo("RELEASED");
  }

  @Test
  void statsCountHoldsAndMoneyByResolution() {
    String sender = id("s");
    String a = held(sender).path("hold_id").asString();
    held(sender);
    asSender("POST", "/v1/holds/" + a + "/cancel", sender);
    JsonNode stats = admin().get("/v1/stats/holds").json();
    assertThat(stats.path("holds").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.path("by_resolution").path("cancelled_by_sender").path("holds").asLong())
        .isPositive();
    assertThat(stats.path("amount_returned_usd_minor").asLong()).isGreaterThanOrEqualTo(25_000);
    assertThat(stats.path("amount_held_usd_minor").asLong())
        .isGreaterThanOrEqualTo(stats.path("amount_returned_usd_minor").asLong()
            + stats.path("amount_released_usd_minor").asLong());
    assertThat(platform().get("/v1/stats/holds").status()).isEqualTo(200);
    assertThat(anonymous().get("/v1/stats/holds").status()).isEqualTo(401);
  }

  private String state(String holdId) {
    return jdbc.sql("SELECT state FROM holds WHERE hold_id = :id").param("id", holdId)
        .query(String.class).single();
  }

  @Test
  void instructionsArePulledInOrderAndAcknowledged() {
    String holdId = held(id("s")).path("hold_id").asString();
    sequencer.run();
    long cursor = 0;
    JsonNode found = null;
    for (int page = 0; page < 1_000 && found == null; page++) {
      JsonNode body = platform().get("/v1/instructions?after=" + cursor + "&limit=500").json();
      long previous = cursor;
      for (JsonNode i : body.path("instructions")) {
        assertThat(i.path("seq").asLong()).isGreaterThan(previous);
        previous = i.path("seq").asLong();
        if (i.path("hold_id").asString().equals(holdId)) {
          found = i;
        }
      }
      if (body.path("instructions").isEmpty()) {
        break;
      }
      cursor = body.path("next_cursor").asLong();
    }
    assertThat(found).isNotNull();
    assertThat(found.path("kind").asString()).isEqualTo("HOLD_FUNDS");
    assertThat(found.path("amount_minor").asLong()).isEqualTo(25_000);
    String instructionId = found.path("instruction_id").asString();
    Api.Response ack = platform().post("/v1/instructions/" + instructionId + "/ack", null);
    assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    assertThat(ack.json().path("first_time").asBoolean()).isTrue();
    assertThat(platform().post("/v1/instructions/" + instructionId + "/ack", null).json()
        .path("first_time").asBoolean()).isFalse();
    assertThat(platform().post("/v1/instructions/nope/ack", null).status()).isEqualTo(404);
  }
}
