package io.holdfast.server.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.HoldfastServer;
import io.holdfast.server.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-set-up path: with no database configured the server keeps everything in an
 * embedded H2 file store, migrated by the same Flyway scripts, and screens over HTTP. A
 * restart on the same directory finds what was written before.
 */
class EmbeddedStoreSmokeTest {
  static Path dataDir;

  @BeforeAll
  static void directory() throws Exception {
    dataDir = Files.createTempDirectory("holdfast-smoke");
  }

  @AfterAll
  static void clean() throws Exception {
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static ConfigurableApplicationContext start() {
    return HoldfastServer.start("--server.port=0", "--holdfast.api-key=smoke-key",
        "--holdfast.admin-password=smoke-pw", "--HOLDFAST_DATA_DIR=" + dataDir);
  }

  @Test
  void screensOnTheEmbeddedStoreAndKeepsItAcrossARestart() {
    String body = "{\"transfer_id\":\"smoke-1\",\"sender_account\":\"a-1\","
        + "\"recipient_address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\","
        + "\"network\":\"ETH\",\"amount_minor\":150000000,\"currency\":\"USDT\","
        + "\"channel\":\"withdrawal\"}";
    String first;
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
          .startsWith("jdbc:h2:file:" + dataDir);
      Api api = Api.withKey(port(context), "smoke-key");
      Api.Response r = api.post("/v1/transfers/screen", body);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      first = r.body();
      assertThat(r.json().path("ruleset_version").asInt()).isEqualTo(1);
      // The shipped risk model answers beside the rules and every decision names its version.
      assertThat(r.json().path("risk_model").path("version").asString()).startsWith("risk-1.0-");
      assertThat(r.json().path("risk_model").path("probability").asDouble()).isBetween(0.0, 1.0);
      assertThat(Api.withUser(port(context), "admin", "smoke-pw").get("/v1/rules").status())
          .isEqualTo(200);
    }
    try (ConfigurableApplicationContext context = start()) {
      Api api = Api.withKey(port(context), "smoke-key");
      assertThat(api.get("/v1/transfers/smoke-1/decision").body()).isEqualTo(first);
      Api.Response again = api.post("/v1/transfers/screen", body);
      assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
      Api.Response next = api.post("/v1/transfers/screen", body.replace("smoke-1", "smoke-2"));
      assertThat(next.json().path("features").path("first_transfer_to_recipient").asBoolean())
          .as("the restart rebuilt the feature state from the store").isFalse();
    }
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
