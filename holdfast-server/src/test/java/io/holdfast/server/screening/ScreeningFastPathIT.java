package io.holdfast.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The screening fast path answers only what the generic pipeline would answer 200, in the same
 * way, and hands everything else on: a platform cannot tell the two apart except by speed.
 */
class ScreeningFastPathIT extends PostgresServerTest {
  private static final Set<String> VARYING = Set.of("date", "content-length", "idempotency-hit",
      "connection", "keep-alive");

  @Autowired
  MeterRegistry meters;
  @Autowired
  ApiKeys apiKeys;
  @Autowired
  TransactionTemplate tx;

  private double count(String path) {
    return meters.get("holdfast.screening.fast_path").tag("path", path).counter().count();
  }

  private static String body(String id) {
    return Api.json(ScreeningIT.transfer(id, "fp-sender", "fp-recipient", 4_200));
  }

  @Test
  void aPlatformsScreeningIsAnsweredByTheFastPathAsTheGenericPipelineWould() {
    double fast = count("fast");
    double generic = count("generic");
    Api.Response quick = platform().post("/v1/transfers/screen", body(id("t")));
    assertThat(count("fast")).isEqualTo(fast + 1);
    // An Idempotency-Key sends the request through the generic pipeline.
    Api.Response slow = platform().post("/v1/transfers/screen", body(id("t")),
        Map.of("Idempotency-Key", id("k")));
    assertThat(count("generic")).isEqualTo(generic + 1);
    assertThat(quick.status()).isEqualTo(200).isEqualTo(slow.status());
    assertThat(headerNames(quick)).isEqualTo(headerNames(slow));
    for (String name : headerNames(quick)) {
      assertThat(quick.header(name)).as(name).isEqualTo(slow.header(name));
    }
    assertThat(fieldNames(quick)).isEqualTo(fieldNames(slow));
  }

  @Test
  void aRetryIsReplayedAndAChangedRetryIsRefusedThroughTheGenericRendering() {
    String id = id("t");
    Api.Response first = platform().post("/v1/transfers/screen", body(id));
    Api.Response again = platform().post("/v1/transfers/screen", body(id));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    double generic = count("generic");
    Api.Response changed = platform().post("/v1/transfers/screen",
        Api.json(ScreeningIT.transfer(id, "fp-sender", "fp-recipient", 4_201)));
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.header("Content-Type")).startsWith("application/problem+json");
    assertThat(changed.problemType()).endsWith("transfer-id-reused");
    assertThat(count("generic")).isEqualTo(generic + 1);
  }

  @Test
  void keysWithoutTheScreenScopeUsersAndBadBodiesAreHandedOn() {
    String secret = "fast-path-ingest-only-" + id("s");
    tx.executeWithoutResult(s -> apiKeys.create(id("key"), "ingest only", secret,
        List.of("ingest")));
    double fast = count("fast");
    Api.Response noScope = Api.withKey(port(), secret).post("/v1/transfers/screen", body(id("t")));
    Api.Response wrongKey = Api.withKey(port(), "no-such-key-0123456789")
        .post("/v1/transfers/screen", body(id("t")));
    Api.Response user = admin().post("/v1/transfers/screen", body(id("t")));
    Api.Response unknownField = platform().post("/v1/transfers/screen",
        body(id("t")).replace("{", "{\"surprise\":1,"));
    Api.Response notJson = platform().send("POST", "/v1/transfers/screen", body(id("t")),
        "text/plain", Map.of());
    assertThat(noScope.status()).isEqualTo(403);
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(user.status()).isEqualTo(403);
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(notJson.status()).isEqualTo(415);
    for (Api.Response r : List.of(noScope, wrongKey, user, unknownField, notJson)) {
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(count("fast")).isEqualTo(fast);
  }

  private static Set<String> headerNames(Api.Response r) {
    Set<String> names = new TreeSet<>(r.headers().keySet());
    names.removeAll(VARYING);
    return names;
  }

  private static Set<String> fieldNames(Api.Response r) {
    Set<String> names = new TreeSet<>();
    r.json().propertyNames().forEach(names::add);
    return names;
  }
}
