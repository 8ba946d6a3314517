package io.holdfast.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Rules change at run time without a restart: a new rule decides the next screening, a shadow
 * rule is recorded without changing it, every change bumps the versions and is audited, and a
 * rule POST is executed once per Idempotency-Key.
 */
class RulesIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  static Map<String, Object> rule(String name, String expression, String outcome,
      String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("expression", expression);
    if (outcome != null) {
      body.put("outcome", outcome);
    }
    body.put("score", 0.1);
    body.put("reason_code", "TEST_" + name.toUpperCase());
    body.put("description", "A test rule.");
    body.put("status", status);
    return body;
  }

  private JsonNode screen(String sender, long amount) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("sender_account", sender);
    t.put("recipient_account", id("r"));
    t.put("amount_minor", amount);
    t.put("currency", "USD");
    t.put("channel", "p2p");
    return platform().post("/v1/transfers/screen", Api.json(t)).json();
  }

  @Test
  void aNewRuleDecidesTheNextScreeningWithoutARestart() {
    String sender = id("rule-sender");
    String name = "hold_" + sender.replace("-", "_").toLowerCase();
    assertThat(screen(sender, 1_00).path("outcome").asString()).isEqualTo("ALLOW");
    int before = admin().get("/v1/rules").json().path("ruleset_version").asInt();
    Api.Response created = admin().post("/v1/rules", Api.json(rule(name,
        "transfer.sender_account == '" + sender + "'", "HOLD", "active")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode decision = screen(sender, 1_00);
    assertThat(decision.path("outcome").asString()).isEqualTo("HOLD");
    assertThat(decision.path("ruleset_version").asInt()).isEqualTo(before + 1);
    assertThat(decision.path("reasons").get(0).path("source").asString()).isEqualTo(name);

    Api.Response disabled = admin().put("/v1/rules/" + name, Api.json(rule(name,
        "transfer.sender_account == '" + sender + "'", "HOLD", "disabled")));
    assertThat(disabled.json().path("version").asInt()).isEqualTo(2);
    assertThat(screen(sender, 1_00).path("outcome").asString()).isEqualTo("ALLOW");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'rule'"
        + " AND entity_id = :n").param("n", name).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aShadowRuleIsRecordedButNeverDecides() {
    String sender = id("shadow-sender");
    String name = "shadow_" + sender.replace("-", "_").toLowerCase();
    admin().post("/v1/rules", Api.json(rule(name,
        "transfer.sender_account == '" + sender + "'", "BLOCK", "shadow")));
    JsonNode decision = screen(sender, 1_00);
    assertThat(decision.path("outcome").asString()).isEqualTo("ALLOW");
    JsonNode hit = decision.path("rule_hits").get(0);
    assertThat(hit.path("rule").asString()).isEqualTo(name);
    assertThat(hit.path("shadow").asBoolean()).isTrue();
    assertThat(hit.path("contribution").asDouble()).isZero();
  }

  @Test
  void aShadowRuleThatCannotBeEvaluatedIsRecordedAndNeverDecides() {
    String sender = id("shadow-error-sender");
    String name = "divides_" + sender.replace("-", "_").toLowerCase();
    // The first conjunct keeps the rule to this test's sender; for it, CEL reaches the division.
    Api.Response created = admin().post("/v1/rules", Api.json(rule(name,
        "transfer.sender_account == '" + sender + "'"
            + " && 1 / (transfer.amount_minor - transfer.amount_minor) == 0", "BLOCK", "shadow")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode decision = screen(sender, 1_00);
    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("ALLOW");
    assertThat(decision.path("degraded").asBoolean()).isFalse();
    assertThat(decision.path("failures").isEmpty()).isTrue();
    JsonNode hit = decision.path("rule_hits").get(0);
    assertThat(hit.path("rule").asString()).isEqualTo(name);
    assertThat(hit.path("shadow").asBoolean()).isTrue();
    assertThat(hit.path("contribution").asDouble()).isZero();
    assertThat(hit.path("error").asString()).contains("by zero");
    assertThat(meters.counter("holdfast.rules.shadow_errors").count()).isPositive();
  }

  /** {@code depth} comprehensions over [0, ..., width - 1], for this test's sender only. */
  private static String nested(String sender, int depth, int width) {
    String list = java.util.stream.IntStream.range(0, width).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    String expression = "transfer.amount_minor >= 0";
    for (int d = depth - 1; d >= 0; d--) {
      expression = list + ".all(v" + d + ", v" + d + " >= 0 && " + expression + ")";
    }
    return "transfer.sender_account == '" + sender + "' && " + expression;
  }

  @Test
  void aRuleThatCouldIterateMillionsOfTimesIsRefusedWith422() {
    String sender = id("costly-sender");
    String name = "costly_" + sender.replace("-", "_").toLowerCase();
    Api.Response refused = admin().post("/v1/rules", Api.json(rule(name, nested(sender, 5, 30),
        "HOLD", "active")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.problemType()).endsWith("/rule-too-costly");
    assertThat(refused.json().path("field").asString()).isEqualTo("expression");
    assertThat(refused.json().path("detail").asString())
        .contains("25,137,930 comprehension iterations", "at most 1,000");
    assertThat(admin().get("/v1/rules/" + name).status()).isEqualTo(404);

    Api.Response under = admin().post("/v1/rules", Api.json(rule(name, nested(sender, 2, 31),
        "HOLD", "active")));
    assertThat(under.status()).as(under.body()).isEqualTo(201);
    assertThat(screen(sender, 1_00).path("outcome").asString()).isEqualTo("HOLD");
    Api.Response changed = admin().put("/v1/rules/" + name, Api.json(rule(name,
        nested(sender, 2, 32), "HOLD", "active")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(422);
    assertThat(changed.json().path("detail").asString()).contains("1,056 comprehension iterations");
    assertThat(admin().get("/v1/rules/" + name).json().path("version").asInt()).isEqualTo(1);
  }

  @Test
  void aRuleNameIsTakenOnceAndUnknownRulesAre404() {
    String name = "dup_" + id("x").replace("-", "_").toLowerCase();
    String body = Api.json(rule(name, "features.amount_usd_minor > 1.0", null, "shadow"));
    assertThat(admin().post("/v1/rules", body).status()).isEqualTo(201);
    Api.Response again = admin().post("/v1/rules", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(admin().get("/v1/rules/no_such_rule_here").status()).isEqualTo(404);
    assertThat(admin().get("/v1/rules/" + name).json().path("expression").asString())
        .isEqualTo("features.amount_usd_minor > 1.0");
  }

  @Test
  void oneIdempotencyKeyCreatesOneRuleUnderConcurrency() throws Exception {
    String name = "idem_" + id("x").replace("-", "_").toLowerCase();
    String body = Api.json(rule(name, "features.amount_usd_minor > 2.0", null, "shadow"));
    Map<String, String> key = Map.of("Idempotency-Key", id("key"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return admin().post("/v1/rules", body, key);
      }));
    }
    start.countDown();
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> f : futures) {
      responses.add(f.get());
    }
    pool.shutdown();
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
    assertThat(responses.stream().filter(r -> "true".equals(r.header("Idempotency-Hit"))))
        .hasSize(7);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = :n")
        .param("n", name).query(Long.class).single()).isEqualTo(1);

    String other = Api.json(rule(name + "_b", "features.amount_usd_minor > 2.0", null, "shadow"));
    Api.Response reused = admin().post("/v1/rules", other, key);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.problemType()).endsWith("/idempotency-key-reused");
  }
}
