package io.holdfast.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What operators and integrators rely on: Prometheus metrics of decisions and latency, the
 * OpenAPI document, health, and the fail-safe (a rule that errors holds the transfer).
 */
class OperationsIT extends PostgresServerTest {

  private Api.Response screen(String sender) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("sender_account", sender);
    t.put("recipient_account", id("r"));
    t.put("amount_minor", 1_000);
    t.put("currency", "EUR");
    t.put("channel", "p2p");
    return platform().post("/v1/transfers/screen", Api.json(t));
  }

  @Test
  void prometheusCountsDecisionsByOutcomeAndTimesThem() {
    screen(id("s"));
    Api.Response metrics = admin().get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("holdfast_decisions_total{outcome=\"ALLOW\"")
        .contains("holdfast_screening_latency_seconds_bucket");
    assertThat(platform().get("/actuator/prometheus").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    Api.Response docs = platform().get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().path("paths");
    assertThat(paths.has("/v1/transfers/screen")).isTrue();
    assertThat(paths.has("/v1/rules")).isTrue();
    assertThat(paths.has("/v1/accounts/{accountId}/events")).isTrue();
    assertThat(docs.json().path("components").path("schemas").has("TransferBody")).isTrue();
  }

  @Test
  void aRuleThatFailsAtRunTimeHoldsTheTransferAndSaysSo() {
    String sender = id("failsafe");
    String name = "broken_" + sender.replace("-", "_").toLowerCase();
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", name);
    rule.put("expression", "transfer.sender_account == '" + sender
        + "' && transfer.amount_minor / 0 > 1");
    rule.put("score", 0.1);
    rule.put("reason_code", "BROKEN");
    rule.put("description", "A rule that divides by zero.");
    assertThat(admin().post("/v1/rules", Api.json(rule)).status()).isEqualTo(201);
    JsonNode d = screen(sender).json();
    assertThat(d.path("outcome").asString()).isEqualTo("HOLD");
    assertThat(d.path("degraded").asBoolean()).isTrue();
    assertThat(d.path("failures").get(0).path("component").asString()).isEqualTo("rule:" + name);
    assertThat(screen(id("other")).json().path("degraded").asBoolean()).isFalse();
  }
}
