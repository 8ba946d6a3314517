package io.holdfast.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.support.ManualClock;
import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.security.KeyPepper;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Platforms' keys over the API: made with a secret shown once and kept as a keyed hash, listed
 * without secrets, limited to their scopes, two live at once for a rotation, revoked at once
 * (no cache keeps a revoked key alive, on this instance or, within the poll, another), refused
 * after they expire, and audited.
 */
class ApiKeysIT extends PostgresServerTest {
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ApiKeys apiKeys;
  @Autowired
  KeyPepper pepper;

  private JsonNode newKey(String name, List<String> scopes) {
    Api.Response r = admin().post("/v1/api-keys", Api.json(Map.of("name", name,
        "scopes", scopes)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private Api withSecret(JsonNode key) {
    return Api.withKey(port(), key.path("secret").asString());
  }

  private static String transfer(String id) {
    return "{\"transfer_id\":\"" + id + "\",\"sender_account\":\"k-s\",\"recipient_account\":"
        + "\"k-r\",\"amount_minor\":1000,\"currency\":\"USD\",\"channel\":\"p2p\"}";
  }

  @Test
  void aKeyIsShownOnceStoredHashedAndLimitedToItsScopes() {
    JsonNode key = newKey("acme screening", List.of("screen"));
    String secret = key.path("secret").asString();
    assertThat(secret).startsWith("hf_").hasSizeGreaterThan(40);
    assertThat(key.path("scopes").toString()).isEqualTo("[\"screen\"]");
    assertThat(withSecret(key).post("/v1/transfers/screen", transfer(id("k"))).status())
        .isEqualTo(200);
    assertThat(withSecret(key).put("/v1/accounts/" + id("a"), "{}").status())
        .as("no ingest scope").isEqualTo(403);

    String stored = jdbc.queryForObject("SELECT key_hash FROM api_keys WHERE key_id = ?",
        String.class, key.path("id").asString());
    assertThat(stored).isEqualTo(pepper.hmac(secret)).doesNotContain(secret);
    JsonNode listed = admin().get("/v1/api-keys").json().path("keys");
    assertThat(listed.toString()).contains(key.path("id").asString()).doesNotContain(secret)
        .doesNotContain(stored).doesNotContain("\"secret\"");
    JsonNode one = admin().get("/v1/api-keys/" + key.path("id").asString()).json();
    assertThat(one.path("state").asString()).isEqualTo("active");
    assertThat(one.path("created_by").asString()).isEqualTo("user:admin");
  }

  @Test
  void twoKeysLiveAtOnceAndARevokedOneIsRefusedAtOnce() {
    JsonNode old = newKey("acme 2026-11", List.of("screen"));
    JsonNode next = newKey("acme 2026-12", List.of("screen"));
    assertThat(withSecret(old).post("/v1/transfers/screen", transfer(id("k"))).status())
        .as("used, so now cached").isEqualTo(200);
    assertThat(withSecret(next).post("/v1/transfers/screen", transfer(id("k"))).status())
        .isEqualTo(200);

    Api.Response revoked = admin().delete("/v1/api-keys/" + old.path("id").asString());
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("state").asString()).isEqualTo("revoked");
    assertThat(revoked.json().path("revoked_by").asString()).isEqualTo("user:admin");
    assertThat(withSecret(old).post("/v1/transfers/screen", transfer(id("k"))).status())
        .isEqualTo(401);
    assertThat(withSecret(next).post("/v1/transfers/screen", transfer(id("k"))).status())
        .isEqualTo(200);
    assertThat(admin().delete("/v1/api-keys/" + old.path("id").asString()).status())
        .as("revoking again changes nothing").isEqualTo(200);
    assertThat(admin().delete("/v1/api-keys/key_none").status()).isEqualTo(404);
  }

  @Test
  void aKeyRevokedByAnotherInstanceStopsWorkingAtTheNextPoll() {
    JsonNode key = newKey("acme other instance", List.of("screen"));
    assertThat(withSecret(key).post("/v1/transfers/screen", transfer(id("k"))).status())
        .isEqualTo(200);
    // Another instance revokes it: only the table changes, not this instance's cache.
    jdbc.update("UPDATE api_keys SET revoked_at = NOW() WHERE key_id = ?",
        key.path("id").asString());
    assertThat(withSecret(key).post("/v1/transfers/screen", transfer(id("k"))).status())
        .as("still cached here until the poll").isEqualTo(200);
    apiKeys.refreshRevocations();
    assertThat(withSecret(key).post("/v1/transfers/screen", transfer(id("k"))).status())
        .isEqualTo(401);
  }

  @Test
  void anExpiredKeyIsRefusedEvenFromTheCache() {
    ManualClock clock = new ManualClock(Instant.now());
    ApiKeys keys = new ApiKeys(JdbcClient.create(jdbc.getDataSource()), clock, pepper);
    String secret = "hf_expiry-test-" + id("s");
    keys.create(id("key"), "expires soon", secret, List.of("screen"),
        clock.instant().plus(Duration.ofMinutes(10)), "test");
    assertThat(keys.resolve(secret)).as("live, and now cached").isPresent();
    clock.set(clock.instant().plus(Duration.ofMinutes(11)));
    assertThat(keys.resolve(secret)).isEmpty();

    Api.Response r = admin().post("/v1/api-keys", Api.json(Map.of("name", "expiring",
        "scopes", List.of("screen"), "expires_at", Instant.now().plus(Duration.ofDays(30))
            .toString())));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("expires_at").asString()).isNotEmpty();
  }

  @Test
  void badRequestsAreRefusedAndMakeNoKey() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM api_keys", Long.class);
    expectInvalid(Map.of("name", "x", "scopes", List.of("root")), "scopes");
    expectInvalid(Map.of("name", "x", "scopes", List.of()), "scopes");
    expectInvalid(Map.of("name", "", "scopes", List.of("screen")), "name");
    expectInvalid(Map.of("name", "x", "scopes", List.of("screen"), "expires_at",
        "2020-01-01T00:00:00Z"), "expires_at");
    expectInvalid(Map.of("name", "x", "scopes", List.of("screen"), "expires_at",
        "not a time"), "expires_at");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_keys", Long.class))
        .isEqualTo(before);
    assertThat(platform().post("/v1/api-keys", Api.json(Map.of("name", "x",
        "scopes", List.of("screen")))).status()).as("keys cannot make keys").isEqualTo(403);
  }

  private void expectInvalid(Map<String, Object> body, String field) {
    Api.Response r = admin().post("/v1/api-keys", Api.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asString()).isEqualTo(field);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyMakesNoSecondKeyAndNeverReplaysTheSecret() {
    String body = Api.json(Map.of("name", "retried", "scopes", List.of("screen")));
    Map<String, String> idempotent = Map.of("Idempotency-Key", id("idem"));
    Api.Response first = admin().post("/v1/api-keys", body, idempotent);
    Api.Response again = admin().post("/v1/api-keys", body, idempotent);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("idempotency-hit")).isEqualTo("true");
    assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    assertThat(again.json().has("secret")).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE response_body"
        + " LIKE ?", Long.class, "%" + first.json().path("secret").asString() + "%")).isZero();
  }

  @Test
  void makingAndRevokingAreAuditedWithoutTheSecret() {
    JsonNode key = newKey("audited", List.of("screen", "ingest"));
    admin().delete("/v1/api-keys/" + key.path("id").asString());
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT actor, action, after_state"
        + " FROM audit_log WHERE entity_type = 'api_key' AND entity_id = ? ORDER BY audit_id",
        key.path("id").asString());
    assertThat(rows).extracting(r -> r.get("action"))
        .containsExactly("api_key.created", "api_key.revoked");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("user:admin"));
    assertThat(rows.get(0).get("after_state").toString()).contains("ingest")
        .doesNotContain(key.path("secret").asString());
  }

  @Test
  void whenAKeyWasLastUsedIsWrittenByTheFlush() {
    JsonNode key = newKey("last used", List.of("screen"));
    assertThat(admin().get("/v1/api-keys/" + key.path("id").asString()).json()
        .path("last_used_at").isMissingNode()).isTrue();
    withSecret(key).post("/v1/transfers/screen", transfer(id("k")));
    apiKeys.flushLastUsed();
    assertThat(admin().get("/v1/api-keys/" + key.path("id").asString()).json()
        .path("last_used_at").asString()).isNotEmpty();
  }
}
