package io.holdfast.server.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.core.support.ManualClock;
import io.holdfast.server.HoldfastServer;
import io.holdfast.server.holds.HoldsController;
import io.holdfast.server.sandbox.SandboxAccounts;
import io.holdfast.server.sandbox.SandboxInvariants;
import io.holdfast.server.sandbox.SandboxLedger;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.server.webhooks.WebhookDispatcher;
import io.holdfast.server.webhooks.WebhookSignature;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery and the sandbox ledger on the embedded store, through the server's own
 * scheduled dispatcher, sequencer, sweeper and sandbox: a real local receiver refuses the first
 * delivery (503) and accepts the rest; three holds are cancelled, released by an analyst and
 * released at their deadline; every instruction then reached the receiver exactly once with a
 * valid signature, and the sandbox applied them all and conserves money. The server runs on a
 * manual clock the test moves past the deadline and the retry's backoff, so nothing sleeps.
 */
class WebhooksAndSandboxOnEmbeddedStoreSmokeTest {
  static final String SECRET = "whsec_smoke_0123456789";
  static final String SENDER = "smoke-sender";
  static final long SEED = 100_000;
  static final long AMOUNT = 10_000;
  static final JsonMapper JSON = JsonMapper.builder().build();

  static Path dataDir;

  /** One request the receiver saw, and what it answered. */
  record Received(String instructionId, String body, String signature, boolean signatureValid,
      int answered) {}

  final List<Received> received = new ArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger(1);

  @BeforeAll
  static void directory() throws Exception {
    dataDir = Files.createTempDirectory("holdfast-webhooks-smoke");
  }

  @AfterAll
  static void clean() throws Exception {
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A receiver that answers 503 to the first delivery and 200 to every later one. */
  private HttpServer receiver(AtomicReference<Clock> serverClock) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      boolean valid = WebhookSignature.verify(SECRET, signature, body,
          serverClock.get().instant().getEpochSecond(), 300);
      int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
      synchronized (received) {
        received.add(new Received(exchange.getRequestHeaders()
            .getFirst(WebhookDispatcher.ID_HEADER), body, signature, valid, status));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static ConfigurableApplicationContext start(int receiverPort, Instant clockStart) {
    return HoldfastServer.start("--server.port=0", "--holdfast.api-key=smoke-platform-key-0123",
        "--holdfast.admin-password=amber-falcon-ridge-93", "--HOLDFAST_DATA_DIR=" + dataDir,
        "--holdfast.clock=manual", "--holdfast.clock-start=" + clockStart,
        "--holdfast.sandbox.enabled=true", "--holdfast.sandbox.poll-millis=100",
        "--holdfast.webhook.url=http://127.0.0.1:" + receiverPort + "/hook",
        "--holdfast.webhook.secret=" + SECRET, "--holdfast.webhook.poll-millis=100",
        // The retry waits a second of the server's clock, which the test moves on.
        "--holdfast.webhook.backoff-base=1s", "--holdfast.webhook.backoff-cap=2s",
        "--holdfast.holds.sweep-millis=100", "--holdfast.instructions.sequence-millis=100",
        "--holdfast.sweeps.worker=false", "--holdfast.assessments.daily=false",
        "--holdfast.campaigns.scheduled=false");
  }

  private List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private long accepted() {
    return received().stream().filter(r -> r.answered() == 200).count();
  }

  @Test
  void everyInstructionReachesTheReceiverOnceAfterARetryAndTheLedgerConservesMoneyOnTheEmbeddedStore()
      throws Exception {
    Instant clockStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // The receiver checks signatures against the server's clock, known once the server runs.
    AtomicReference<Clock> serverClock =
        new AtomicReference<>(Clock.fixed(clockStart, ZoneOffset.UTC));
    HttpServer hook = receiver(serverClock);
    try (ConfigurableApplicationContext context = start(hook.getAddress().getPort(),
        clockStart)) {
      ManualClock clock = (ManualClock) context.getBean(Clock.class);
      serverClock.set(clock);
      run(context, clock);
    } finally {
      hook.stop(0);
    }
  }

  private void run(ConfigurableApplicationContext context, ManualClock clock) {
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    Api platform = Api.withKey(port, "smoke-platform-key-0123");
    Api admin = Api.withUser(port, "admin", "amber-falcon-ridge-93");
    SandboxLedger ledger = context.getBean(SandboxLedger.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    assertThat(ledger.deposit(SandboxAccounts.user(SENDER), "USD", SEED, "smoke-seed")).isTrue();
    createHoldRule(admin);
    List<String> holds = List.of(held(platform, "smoke-r1"), held(platform, "smoke-r2"),
        held(platform, "smoke-r3"));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(received()).as("the first delivery was refused")
          .anyMatch(r -> r.answered() == 503);
      assertThat(accepted()).as("the other two HOLD_FUNDS arrived").isEqualTo(2);
    });
    Api.Response cancel = platform.post("/v1/holds/" + holds.get(0) + "/cancel", "{}",
        Map.of(HoldsController.ACCOUNT_HEADER, SENDER));
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    Api.Response release = admin.post("/v1/holds/" + holds.get(1) + "/release",
        "{\"note\":\"checked\"}");
    assertThat(release.status()).as(release.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(accepted()).as("the RETURN and the RELEASE arrived").isEqualTo(4));
    String refused = received().stream().filter(r -> r.answered() == 503).findFirst()
        .orElseThrow().instructionId();
    assertThat(jdbc.queryForObject("SELECT state || ' ' || attempts FROM webhook_deliveries"
        + " WHERE instruction_id = ?", String.class, refused)).isEqualTo("PENDING 1");
    assertThat(jdbc.queryForObject("SELECT next_attempt_at FROM webhook_deliveries"
        + " WHERE instruction_id = ?", java.sql.Timestamp.class, refused).toInstant())
        .as("the refused one waits for its backoff on the server's clock")
        .isAfter(clock.instant());

    recheckOnTheEmbeddedStore(context, clock, jdbc, holds);
    // The re-check moved the clock a quarter of an hour on. If that passed the refused
    // delivery's backoff, its retry is signed on this clock: let it arrive before the clock
    // jumps a day, or the receiver would check the signature's time against the later clock.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(accepted() == 5
        || jdbc.queryForList("SELECT next_attempt_at FROM webhook_deliveries WHERE"
            + " instruction_id = ? AND state = 'PENDING'", java.sql.Timestamp.class, refused)
            .stream().anyMatch(t -> t.toInstant().isAfter(clock.instant())))
        .as("the retry arrived or is not due").isTrue());

    // Past the third hold's deadline (its recipient is one Holdfast has never seen), and past
    // the refused delivery's backoff.
    clock.set(clock.instant().plus(PostgresServerTest.pastAnUnknownRecipientsHold()));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(jdbc.queryForObject("SELECT resolution FROM holds WHERE hold_id = ?",
          String.class, holds.get(2))).isEqualTo("RELEASED_AT_DEADLINE");
      assertThat(accepted()).as("the deadline's RELEASE and the retried delivery").isEqualTo(6);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM instructions WHERE seq IS NULL"
          + " OR seq > (SELECT last_seq FROM sandbox_cursor WHERE id = 1)", Long.class))
          .as("the sandbox caught up").isZero();
    });
    checkDeliveries(jdbc, holds);
    checkLedger(ledger, admin);
  }

  /**
   * The re-check on the embedded store: ended holds have no re-check (the hold write clears it), and a
   * clean held one re-checked a quarter of an hour in is due again a quarter of an hour later.
   */
  private static void recheckOnTheEmbeddedStore(ConfigurableApplicationContext context, ManualClock clock,
      JdbcTemplate jdbc, List<String> holds) {
    String sql = "SELECT recheck_at FROM holds WHERE hold_id = ?";
    assertThat(jdbc.queryForObject(sql, java.sql.Timestamp.class, holds.get(0))).isNull();
    assertThat(jdbc.queryForObject(sql, java.sql.Timestamp.class, holds.get(1))).isNull();
    Instant created = jdbc.queryForObject("SELECT created_at FROM holds WHERE hold_id = ?",
        java.sql.Timestamp.class, holds.get(2)).toInstant();
    clock.set(created.plus(Duration.ofMinutes(15)));
    context.getBean(io.holdfast.server.holds.HoldRechecker.class).recheckAll();
    assertThat(jdbc.queryForObject(sql, java.sql.Timestamp.class, holds.get(2)).toInstant())
        .isEqualTo(created.plus(Duration.ofMinutes(30)));
    assertThat(jdbc.queryForObject("SELECT state FROM holds WHERE hold_id = ?", String.class,
        holds.get(2))).isEqualTo("HELD");
  }

  /** Each instruction arrived once with 200, signed, with its own id in the body. */
  private void checkDeliveries(JdbcTemplate jdbc, List<String> holds) {
    List<String> ids = jdbc.queryForList("SELECT instruction_id FROM instructions"
        + " ORDER BY seq", String.class);
    assertThat(ids).hasSize(6);
    assertThat(ids).allMatch(id -> holds.stream().anyMatch(id::startsWith));
    List<Received> ok = received().stream().filter(r -> r.answered() == 200).toList();
    assertThat(ok).extracting(Received::instructionId).as("each exactly once")
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ok).allMatch(Received::signatureValid, "signature verifies with the secret");
    for (Received r : received()) {
      assertThat(JSON.readTree(r.body()).path("instruction_id").asString())
          .isEqualTo(r.instructionId());
      assertThat(WebhookSignature.verify("another-secret", r.signature(), r.body(),
          Long.parseLong(r.signature().substring(2, r.signature().indexOf(','))), 300))
          .as("a signature binds the secret").isFalse();
    }
    Received refused = received().stream().filter(r -> r.answered() == 503).findFirst()
        .orElseThrow();
    assertThat(ok).extracting(Received::instructionId).contains(refused.instructionId());
    assertThat(received()).hasSize(7);
    assertThat(jdbc.queryForList("SELECT state FROM webhook_deliveries", String.class))
        .hasSize(6).containsOnly("DELIVERED");
    assertThat(jdbc.queryForObject("SELECT attempts FROM webhook_deliveries"
        + " WHERE instruction_id = ?", Integer.class, refused.instructionId())).isEqualTo(2);
  }

  /** Cancelled money is back, released money is with its recipients, nothing made or lost. */
  private void checkLedger(SandboxLedger ledger, Api admin) {
    SandboxInvariants.Report report = ledger.checkInvariants();
    assertThat(report.violations()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.pendingInstructions()).isZero();
    assertThat(ledger.balance(SandboxAccounts.user(SENDER), "USD")).isEqualTo(SEED - 2 * AMOUNT);
    assertThat(ledger.balance(SandboxAccounts.user("smoke-r1"), "USD")).as("cancelled").isZero();
    assertThat(ledger.balance(SandboxAccounts.user("smoke-r2"), "USD")).isEqualTo(AMOUNT);
    assertThat(ledger.balance(SandboxAccounts.user("smoke-r3"), "USD")).isEqualTo(AMOUNT);
    assertThat(ledger.balance(SandboxAccounts.ESCROW, "USD")).isZero();
    assertThat(ledger.balance(SandboxAccounts.WORLD, "USD")).as("only the seed came in")
        .isEqualTo(-SEED);
    JsonNode view = admin.get("/v1/sandbox/ledger").json();
    assertThat(view.path("invariants").path("ok").asBoolean()).as(view.toString()).isTrue();
  }

  private static void createHoldRule(Api admin) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", "hold_smoke_sender");
    rule.put("expression", "transfer.sender_account == '" + SENDER + "'");
    rule.put("outcome", "HOLD");
    rule.put("score", 0.2);
    rule.put("reason_code", "SMOKE_HOLD");
    rule.put("description", "Held for the smoke test.");
    Api.Response r = admin.post("/v1/rules", Api.json(rule));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** Screens a payment from the sender that the rule holds; returns the hold id. */
  private static String held(Api platform, String recipient) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", "smoke-t-" + recipient);
    t.put("sender_account", SENDER);
    t.put("recipient_account", recipient);
    t.put("amount_minor", AMOUNT);
    t.put("currency", "USD");
    t.put("channel", "p2p");
    Api.Response r = platform.post("/v1/transfers/screen", Api.json(t));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("outcome").asString()).as(r.body()).isEqualTo("HOLD");
    return r.json().path("hold").path("hold_id").asString();
  }
}
