package io.holdfast.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
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
 * Screening over real HTTP against PostgreSQL: the decision is durable before the answer,
 * explained, retrievable, replayed on retry, refused on a changed retry, and executed once
 * under concurrent retries.
 */
class ScreeningIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;

  static Map<String, Object> transfer(String id, String sender, String recipient, long amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transfer_id", id);
    body.put("sender_account", sender);
    body.put("recipient_account", recipient);
    body.put("amount_minor", amount);
    body.put("currency", "USD");
    body.put("channel", "p2p");
    body.put("created_at", "2026-11-20T10:00:00Z");
    return body;
  }

  @Test
  void anOrdinaryTransferIsAllowedStoredAndAudited() {
    String id = id("t");
    Api.Response r = platform().post("/v1/transfers/screen",
        Api.json(transfer(id, id("s"), id("r"), 2_500)));
    assertThat(r.status()).isEqualTo(200);
    JsonNode decision = r.json();
    assertThat(decision.path("outcome").asString()).isEqualTo("ALLOW");
    assertThat(decision.path("ruleset_version").asInt()).isPositive();
    assertThat(decision.path("features").path("amount_usd_minor").asDouble()).isEqualTo(2_500);
    assertThat(count("SELECT COUNT(*) FROM transfers WHERE transfer_id = :id", id)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM decisions WHERE transfer_id = :id", id)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE entity_id = :id"
        + " AND action = 'transfer.screened'", id)).isEqualTo(1);
    Api.Response later = platform().get("/v1/transfers/" + id + "/decision");
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.body()).isEqualTo(r.body());
  }

  @Test
  void aLargeFirstPaymentFromANewAccountIsExplained() {
    Api.Response r = platform().post("/v1/transfers/screen",
        Api.json(transfer(id("t"), id("s"), id("r"), 900_000_00)));
    JsonNode d = r.json();
    assertThat(d.path("outcome").asString()).isIn("WARN", "HOLD", "BLOCK");
    assertThat(d.path("reasons").size()).isPositive();
    assertThat(d.path("reasons").get(0).path("explanation").asString()).isNotBlank();
    assertThat(d.path("rule_hits").size()).isPositive();
    assertThat(d.path("risk_score").asDouble()).isGreaterThan(0.0);
  }

  @Test
  void historyChangesTheNextDecision() {
    String sender = id("s");
    String recipient = id("r");
    platform().post("/v1/transfers/screen", Api.json(transfer(id("t"), sender, recipient, 100)));
    JsonNode second = platform().post("/v1/transfers/screen",
        Api.json(transfer(id("t"), sender, recipient, 100))).json();
    assertThat(second.path("features").path("first_transfer_to_recipient").asBoolean()).isFalse();
    assertThat(second.path("features").path("sender_count_24h").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aRetryReplaysAndAChangedRetryIsRefused() {
    String id = id("t");
    String body = Api.json(transfer(id, id("s"), id("r"), 700));
    Api.Response first = platform().post("/v1/transfers/screen", body);
    Api.Response again = platform().post("/v1/transfers/screen", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    Map<String, Object> changed = transfer(id, id("s"), id("r"), 701);
    Api.Response refused = platform().post("/v1/transfers/screen", Api.json(changed));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemType()).endsWith("/transfer-id-reused");
    assertThat(count("SELECT COUNT(*) FROM transfers WHERE transfer_id = :id", id)).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyIsBoundToItsBody() {
    String key = id("k");
    Map<String, String> headers = Map.of("Idempotency-Key", key);
    Api.Response first = platform().post("/v1/transfers/screen",
        Api.json(transfer(id("t"), id("s"), id("r"), 300)), headers);
    assertThat(first.status()).isEqualTo(200);
    Api.Response other = platform().post("/v1/transfers/screen",
        Api.json(transfer(id("t"), id("s"), id("r"), 300)), headers);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.problemType()).endsWith("/idempotency-key-reused");
  }

  @Test
  void concurrentRetriesOfOneTransferExecuteOnce() throws Exception {
    String id = id("t");
    String body = Api.json(transfer(id, id("s"), id("r"), 1_234));
    int clients = 12;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> futures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return platform().post("/v1/transfers/screen", body);
      }));
    }
    start.countDown();
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> f : futures) {
      responses.add(f.get());
    }
    pool.shutdown();
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(responses).extracting(Api.Response::body).containsOnly(responses.get(0).body());
    assertThat(responses.stream().filter(r -> r.header("Idempotency-Hit") == null).count())
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM transfers WHERE transfer_id = :id", id)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE entity_id = :id", id)).isEqualTo(1);
  }

  @Test
  void anUnknownTransferHasNoDecision() {
    Api.Response r = platform().get("/v1/transfers/" + id("nope") + "/decision");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
  }

  private long count(String sql, String id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }
}
