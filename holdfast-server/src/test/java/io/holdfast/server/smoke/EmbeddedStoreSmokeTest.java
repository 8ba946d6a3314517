package io.holdfast.server.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.HoldfastServer;
import io.holdfast.server.store.EmbeddedPostgres;
import io.holdfast.server.store.StoreLocation;
import io.holdfast.server.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-set-up path: with no database configured the server keeps everything in an
 * embedded PostgreSQL under the data directory, started and stopped with it and migrated by the
 * same Flyway scripts, and screens over HTTP. A restart on the same directory finds what was
 * written before.
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
    return HoldfastServer.start("--server.port=0", "--holdfast.api-key=smoke-platform-key-0123",
        "--holdfast.admin-password=amber-falcon-ridge-93", "--HOLDFAST_DATA_DIR=" + dataDir);
  }

  /** Every segment criterion's SQL, a campaign's round and the numbers run on the embedded store too. */
  private static void campaignOnTheEmbeddedStore(ConfigurableApplicationContext context) {
    Api admin = Api.withUser(port(context), "admin", "amber-falcon-ridge-93");
    String segment = "{\"countries\":[\"GB\"],\"age_bands\":[\"65+\",\"18-24\"],"
        + "\"vulnerable\":false,\"paid_new_address_within_days\":7,\"deposit_within_days\":7,"
        + "\"open_hold\":false,\"exposure_min\":0.1,\"exposure_max\":0.9}";
    Api.Response preview = admin.post("/v1/campaigns/preview", segment);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    String ends = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();
    Api.Response created = admin.post("/v1/campaigns", "{\"name\":\"smoke\",\"scam_type\":"
        + "\"investment\",\"channel\":\"push\",\"segment\":" + segment + ",\"messages\":[{"
        + "\"scam_type\":\"investment\",\"language\":\"en\",\"title\":\"t\",\"body\":"
        + "\"b\"}],\"schedule\":{\"ends_at\":\"" + ends + "\",\"cadence\":\"once\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("campaign_id").asString();
    // A campaign is activated by someone other than its creator (four eyes).
    String hash = context.getBean(org.springframework.security.crypto.password.PasswordEncoder
        .class).encode("smoke-second-analyst");
    context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update("INSERT INTO users"
        + " (username, password_hash, roles, created_at) VALUES ('second', ?, 'SUPERVISOR',"
        + " CURRENT_TIMESTAMP)", hash);
    Api second = Api.withUser(port(context), "second", "smoke-second-analyst");
    assertThat(admin.post("/v1/campaigns/" + id + "/activate", null).status()).isEqualTo(403);
    assertThat(second.post("/v1/campaigns/" + id + "/activate", null).status()).isEqualTo(200);
    assertThat(context.getBean(io.holdfast.server.campaigns.Campaigns.class).deliver(id))
        .isEqualTo(io.holdfast.server.campaigns.CampaignDelivery.Result.DONE);
    assertThat(admin.post("/v1/campaigns/surges", null).status()).isEqualTo(200);
    assertThat(admin.get("/v1/stats/prevention").status()).isEqualTo(200);
  }

  @Test
  void screensOnTheEmbeddedStoreAndKeepsItAcrossARestart() {
    String body = "{\"transfer_id\":\"smoke-1\",\"sender_account\":\"a-1\","
        + "\"recipient_address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\","
        + "\"network\":\"ETH\",\"amount_minor\":150000000,\"currency\":\"USDT\","
        + "\"channel\":\"withdrawal\"}";
    String first;
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(StoreLocation.class).embedded()).isTrue();
      assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
      Api api = Api.withKey(port(context), "smoke-platform-key-0123");
      Api.Response r = api.post("/v1/transfers/screen", body);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      first = r.body();
      assertThat(r.json().path("ruleset_version").asInt()).isEqualTo(1);
      // The shipped risk model answers beside the rules and every decision names its version.
      assertThat(r.json().path("risk_model").path("version").asString()).startsWith("risk-1.0-");
      assertThat(r.json().path("risk_model").path("probability").asDouble()).isBetween(0.0, 1.0);
      assertThat(Api.withUser(port(context), "admin", "amber-falcon-ridge-93").get("/v1/rules").status())
          .isEqualTo(200);
      campaignOnTheEmbeddedStore(context);
    }
    try (ConfigurableApplicationContext context = start()) {
      Api api = Api.withKey(port(context), "smoke-platform-key-0123");
      assertThat(api.get("/v1/transfers/smoke-1/decision").body()).isEqualTo(first);
      Api.Response again = api.post("/v1/transfers/screen", body);
      assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
      Api.Response next = api.post("/v1/transfers/screen", body.replace("smoke-1", "smoke-2"));
      assertThat(next.json().path("features").path("first_transfer_to_recipient").asBoolean())
          .as("the restart rebuilt the feature state from the store").isFalse();
    }
    assertThat(EmbeddedPostgres.running(dataDir)).as("the server stopped its store").isFalse();
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
