package io.holdfast.server.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.HoldfastServer;
import io.holdfast.server.calls.CallTaskSweeper;
import io.holdfast.server.register.ChronicRefresh;
import io.holdfast.server.register.VulnerabilityRegister;
import io.holdfast.server.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register and the intervention queue on the embedded store (the demo's): the server
 * marks a chronic victim, runs the full pass and the service-level sweeper, and after a
 * restart the feature state has the register's mark again.
 */
class PreventionOnEmbeddedStoreSmokeTest {
  static Path dataDir;

  @BeforeAll
  static void directory() throws Exception {
    dataDir = Files.createTempDirectory("holdfast-prevention-smoke");
  }

  @AfterAll
  static void clean() throws Exception {
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static ConfigurableApplicationContext start() {
    return HoldfastServer.start("--server.port=0", "--holdfast.api-key=smoke-platform-key-0123",
        "--holdfast.admin-password=amber-falcon-ridge-93", "--HOLDFAST_DATA_DIR=" + dataDir,
        "--holdfast.sweeps.worker=false", "--holdfast.register.refresh-millis=86400000",
        "--holdfast.interventions.sweep-millis=86400000");
  }

  @Test
  void theRegisterAndTheQueueWorkOnTheEmbeddedStoreAndSurviveARestart() {
    try (ConfigurableApplicationContext context = start()) {
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      Instant t = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
      insert(jdbc, "p1", "victim-1", "scam-1", t);
      insert(jdbc, "p2", "victim-1", "scam-1", t.plusSeconds(60));
      Api admin = Api.withUser(port, "admin", "amber-falcon-ridge-93");
      assertThat(admin.post("/v1/scammers", "{\"recipient_account\":\"scam-1\"}").status())
          .isEqualTo(202);
      ChronicRefresh refresh = context.getBean(ChronicRefresh.class);
      assertThat(refresh.refreshChanged().changed()).isEqualTo(1);
      assertThat(refresh.refreshAll().changed()).as("nothing new").isZero();
      assertThat(context.getBean(VulnerabilityRegister.class).isChronic("victim-1")).isTrue();

      Api.Response account = Api.withKey(port, "smoke-platform-key-0123").put("/v1/accounts/client-1",
          "{\"created_at\":\"2020-01-01T00:00:00Z\"}");
      assertThat(account.status()).as(account.body()).isEqualTo(201);
      Api.Response task = admin.post("/v1/call-tasks", "{\"account_id\":\"client-1\","
          + "\"reason\":\"r\",\"priority\":1}");
      assertThat(task.status()).as(task.body()).isEqualTo(201);
      String taskId = task.json().path("task_id").asString();
      assertThat(admin.post("/v1/call-tasks/" + taskId + "/claim", null).status())
          .isEqualTo(200);
      CallTaskSweeper.Report swept = context.getBean(CallTaskSweeper.class)
          .withClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).sweep();
      assertThat(swept.reassigned()).isEqualTo(1);
      assertThat(admin.post("/v1/call-tasks/" + taskId + "/outcome",
          "{\"outcome\":\"proceeded_anyway\"}", Map.of()).status()).isEqualTo(200);
    }
    try (ConfigurableApplicationContext context = start()) {
      assertThat(vulnerable(context.getBean(FeatureStore.class), "victim-1"))
          .as("rebuilt from the register on start").isTrue();
      assertThat(vulnerable(context.getBean(FeatureStore.class), "victim-2")).isFalse();
    }
  }

  private static boolean vulnerable(FeatureStore store, String sender) {
    Transfer t = new Transfer("t", sender, new Counterparty.PlatformAccount("anyone"),
        new Money(100, CurrencyCatalog.defaults().find("USD").orElseThrow()), "p2p",
        Instant.now());
    return store.compute(t, 100, false, new FeatureVector()).flag(Feature.SENDER_VULNERABLE);
  }

  private static void insert(JdbcTemplate jdbc, String id, String from, String to, Instant at) {
    jdbc.update("INSERT INTO transfers (transfer_id, created_at, sender_account,"
        + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
        + " VALUES (?, ?, ?, ?, 5000, 'USD', 5000, 'p2p', 'import')", id, Timestamp.from(at),
        from, to);
  }
}
