package io.holdfast.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A retry is the same request when it parses to the same values: whitespace and the order of
 * the keys do not matter, any changed value does. This holds for a transfer_id on screening
 * (on the fast path and the generic pipeline), for an Idempotency-Key on screening and on any
 * other endpoint, and for a transfer screened before the comparison changed (its stored hash is
 * of the request's bytes, which a byte-identical retry still matches).
 */
class RetryComparisonIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;

  private static String compact(String id, String sender, long amount) {
    return "{\"transfer_id\":\"" + id + "\",\"sender_account\":\"" + sender + "\","
        + "\"recipient_account\":\"r-retry\",\"amount_minor\":" + amount + ","
        + "\"currency\":\"USD\",\"channel\":\"p2p\",\"created_at\":\"2026-11-20T10:00:00Z\"}";
  }

  /** The same fields, pretty-printed, in another order. */
  private static String reformatted(String id, String sender, long amount) {
    return "{\n  \"channel\" : \"p2p\",\n  \"amount_minor\" : " + amount + ",\n"
        + "  \"created_at\":\"2026-11-20T10:00:00Z\",\t\"currency\": \"USD\",\n"
        + "  \"recipient_account\" : \"r-retry\",\r\n  \"sender_account\" : \"" + sender
        + "\",\n  \"transfer_id\" : \"" + id + "\"\n}\n";
  }

  @Test
  void aReformattedRetryOfATransferReplaysAndAChangedOneIsRefused() {
    String id = id("t");
    String sender = id("s");
    Api.Response first = platform().post("/v1/transfers/screen", compact(id, sender, 700));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Api.Response again = platform().post("/v1/transfers/screen", reformatted(id, sender, 700));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    Api.Response changed = platform().post("/v1/transfers/screen", reformatted(id, sender, 701));
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.problemType()).endsWith("/transfer-id-reused");
    Api.Response otherSender = platform().post("/v1/transfers/screen",
        compact(id, sender + "x", 700));
    assertThat(otherSender.status()).isEqualTo(422);
  }

  @Test
  void aReformattedRetryWithTheSameIdempotencyKeyReplays() {
    Map<String, String> key = Map.of("Idempotency-Key", id("k"));
    String id = id("t");
    String sender = id("s");
    Api.Response first = platform().post("/v1/transfers/screen", compact(id, sender, 300), key);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Api.Response again = platform().post("/v1/transfers/screen", reformatted(id, sender, 300),
        key);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    Api.Response changed = platform().post("/v1/transfers/screen",
        reformatted(id, sender, 301), key);
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.problemType()).endsWith("/idempotency-key-reused");
  }

  @Test
  void theIdempotencyKeyLayerComparesParsedJsonToo() {
    Map<String, String> key = Map.of("Idempotency-Key", id("k"));
    String account = id("mule");
    Api.Response first = admin().post("/v1/freezes", "{\"recipient_account\":\"" + account
        + "\",\"basis\":\"analyst\",\"reason\":\"mule\"}", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Api.Response again = admin().post("/v1/freezes", "{ \"reason\" : \"mule\",\n"
        + "  \"basis\": \"analyst\", \"recipient_account\" : \"" + account + "\" }", key);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    Api.Response changed = admin().post("/v1/freezes", "{\"recipient_account\":\"" + account
        + "\",\"basis\":\"analyst\",\"reason\":\"mule!\"}", key);
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.problemType()).endsWith("/idempotency-key-reused");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM freezes WHERE subject_key = :k")
        .param("k", "a:" + account).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aTransferStoredWithTheHashOfItsBytesStillReplaysAByteIdenticalRetry() {
    String id = id("t");
    String sender = id("s");
    String body = compact(id, sender, 900);
    Api.Response first = platform().post("/v1/transfers/screen", body);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    // What versions before the parsed comparison stored: SHA-256 of method, path and bytes.
    jdbc.sql("UPDATE transfers SET request_hash = :h WHERE transfer_id = :id")
        .param("h", bytesHash("POST /v1/transfers/screen\n", body)).param("id", id).update();
    Api.Response again = platform().post("/v1/transfers/screen", body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    Api.Response changed = platform().post("/v1/transfers/screen", compact(id, sender, 901));
    assertThat(changed.status()).isEqualTo(422);
  }

  private static String bytesHash(String prefix, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prefix.getBytes(StandardCharsets.UTF_8));
      sha.update(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
