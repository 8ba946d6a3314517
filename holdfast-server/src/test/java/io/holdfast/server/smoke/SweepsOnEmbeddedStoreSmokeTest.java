package io.holdfast.server.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.HoldfastServer;
import io.holdfast.server.outreach.OutreachService;
import io.holdfast.server.outreach.OutreachSweeper;
import io.holdfast.server.support.Api;
import io.holdfast.server.sweeps.SweepRunner;
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
import tools.jackson.databind.JsonNode;

/**
 * Silent sufferers on the embedded store: the server claims and runs a sweep, writes victims,
 * outreach and claims, traces the money, and runs a reminder.
 */
class SweepsOnEmbeddedStoreSmokeTest {
  static Path dataDir;

  @BeforeAll
  static void directory() throws Exception {
    dataDir = Files.createTempDirectory("holdfast-sweeps-smoke");
  }

  @AfterAll
  static void clean() throws Exception {
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void sweepsTracesAndRemindsOnTheEmbeddedStore() {
    try (ConfigurableApplicationContext context = HoldfastServer.start("--server.port=0",
        "--holdfast.api-key=smoke-platform-key-0123", "--holdfast.admin-password=amber-falcon-ridge-93",
        "--HOLDFAST_DATA_DIR=" + dataDir, "--holdfast.sweeps.worker=false")) {
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      Instant t = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
      insert(jdbc, "h1", "victim-1", "scam-1", 5_000, t);
      insert(jdbc, "e1", "scam-1", "mule-1", 4_000, t.plusSeconds(60));
      insert(jdbc, "h3", "mule-1", "keeper-1", 3_000, t.plusSeconds(120));
      insert(jdbc, "h4", "victim-2", "mule-1", 700, t.plusSeconds(30));
      Api admin = Api.withUser(port, "admin", "amber-falcon-ridge-93");
      Api.Response declared = admin.post("/v1/scammers", "{\"recipient_account\":\"scam-1\"}");
      assertThat(declared.status()).as(declared.body()).isEqualTo(202);
      String scammerId = declared.json().path("scammer_id").asString();
      assertThat(context.getBean(SweepRunner.class).runPending(5)).isEqualTo(1);
      JsonNode view = admin.get("/v1/scammers/" + scammerId).json();
      assertThat(view.path("sweep").path("state").asString()).as(view.toString())
          .isEqualTo("done");
      JsonNode victims = admin.get("/v1/scammers/" + scammerId + "/victims").json()
          .path("victims");
      assertThat(victims.size()).isEqualTo(2);
      JsonNode trace = admin.get("/v1/scammers/" + scammerId + "/trace").json();
      assertThat(trace.path("candidates").size()).as(trace.toString()).isEqualTo(3);
      String outreachId = victims.get(0).path("outreach_id").asString();
      OutreachSweeper.remindAll(context.getBean(OutreachService.class).withClock(
          Clock.offset(Clock.systemUTC(), Duration.ofDays(4))));
      Api.Response conversation = Api.withKey(port, "smoke-platform-key-0123").send("GET", "/v1/outreach/"
          + outreachId, null, "application/json", Map.of("Holdfast-Account", "victim-1"));
      assertThat(conversation.json().path("messages").size()).as(conversation.body())
          .isEqualTo(2);
      assertThat(admin.get("/v1/cases/" + view.path("case_id").asString() + "/evidence")
          .status()).isEqualTo(200);
    }
  }

  private static void insert(JdbcTemplate jdbc, String id, String from, String to, long amount,
      Instant at) {
    jdbc.update("INSERT INTO transfers (transfer_id, created_at, sender_account,"
        + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
        + " VALUES (?, ?, ?, ?, ?, 'USD', ?, 'p2p', 'import')", id, Timestamp.from(at), from, to,
        amount, amount);
  }
}
