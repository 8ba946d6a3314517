package io.holdfast.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Accounts and events reach the features of the next screening, are audited, and are recorded
 * once however often the platform retries.
 */
class AccountsIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;

  @Test
  void aProfileIsCreatedThenUpdatedAndAudited() {
    String account = id("acc");
    Api.Response created = platform().put("/v1/accounts/" + account,
        "{\"created_at\":\"2020-01-01T00:00:00Z\",\"country\":\"GB\",\"age_band\":\"65+\","
            + "\"kyc_level\":2,\"vulnerability_flags\":[\"bereavement\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("age_band").asString()).isEqualTo("65+");
    Api.Response same = platform().put("/v1/accounts/" + account,
        "{\"created_at\":\"2020-01-01T00:00:00Z\",\"country\":\"GB\",\"age_band\":\"65+\","
            + "\"kyc_level\":2,\"vulnerability_flags\":[\"bereavement\"]}");
    assertThat(same.status()).isEqualTo(200);
    Api.Response changed = platform().put("/v1/accounts/" + account,
        "{\"created_at\":\"2020-01-01T00:00:00Z\",\"kyc_level\":3}");
    assertThat(changed.json().path("kyc_level").asInt()).isEqualTo(3);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = :id")
        .param("id", account).query(Long.class).single()).isEqualTo(2);
    assertThat(admin().get("/v1/accounts/" + account).json().path("kyc_level").asInt())
        .isEqualTo(3);
  }

  @Test
  void eventsAndProfilesShapeTheNextDecision() {
    String account = id("acc");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    platform().put("/v1/accounts/" + account, "{\"created_at\":\"2015-01-01T00:00:00Z\","
        + "\"date_of_birth\":\"1940-05-05\",\"kyc_level\":3}");
    Api.Response event = platform().post("/v1/accounts/" + account + "/events",
        "{\"event_id\":\"" + id("e") + "\",\"type\":\"password_reset\",\"occurred_at\":\""
            + now.minusSeconds(300) + "\",\"device_id\":\"d-9\",\"ip\":\"203.0.113.9\"}");
    assertThat(event.status()).as(event.body()).isEqualTo(201);
    platform().post("/v1/accounts/" + account + "/events", "{\"event_id\":\"" + id("e")
        + "\",\"type\":\"deposit\",\"amount_minor\":500000,\"currency\":\"USD\","
        + "\"occurred_at\":\"" + now.minusSeconds(3600) + "\"}");
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("sender_account", account);
    t.put("recipient_address", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    t.put("network", "BTC");
    t.put("amount_minor", 4_000_000L);
    t.put("currency", "BTC");
    t.put("channel", "withdrawal");
    t.put("created_at", now.toString());
    JsonNode d = platform().post("/v1/transfers/screen", Api.json(t)).json();
    JsonNode f = d.path("features");
    assertThat(f.path("seconds_since_password_reset").asDouble()).isEqualTo(300.0);
    assertThat(f.path("deposit_usd_minor_24h").asDouble()).isEqualTo(500000.0);
    assertThat(f.path("sender_is_senior").asBoolean()).isTrue();
    assertThat(f.path("sender_kyc_level").asDouble()).isEqualTo(3.0);
    assertThat(d.path("outcome").asString()).isIn("HOLD", "BLOCK");
  }

  @Test
  void anEventIsRecordedOnceAndAChangedRetryIsRefused() {
    String account = id("acc");
    String eventId = id("e");
    String body = "{\"event_id\":\"" + eventId + "\",\"type\":\"new_device_login\","
        + "\"occurred_at\":\"2026-11-01T00:00:00Z\"}";
    assertThat(platform().post("/v1/accounts/" + account + "/events", body).status())
        .isEqualTo(201);
    Api.Response again = platform().post("/v1/accounts/" + account + "/events", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("recorded").asBoolean()).isFalse();
    Api.Response changed = platform().post("/v1/accounts/" + account + "/events",
        body.replace("new_device_login", "two_fa_change"));
    assertThat(changed.status()).isEqualTo(422);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account_events WHERE event_id = :id")
        .param("id", eventId).query(Long.class).single()).isEqualTo(1);
  }
}
