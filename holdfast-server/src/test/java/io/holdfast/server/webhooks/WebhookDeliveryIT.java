package io.holdfast.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.server.holds.HoldsController;
import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhook delivery against a real local receiver over real HTTP: failures are retried with
 * backoff until each instruction has arrived exactly once with a valid signature; a receiver
 * that never answers 2xx sends the delivery to the dead letter, from which an administrator
 * revives it; a dispatcher dying mid-call loses nothing. The dispatcher under test is built
 * here with a clock the test moves, so no test waits for real time.
 */
class WebhookDeliveryIT extends PostgresServerTest {
  static final String SECRET = "whsec_it_0123456789";

  @Autowired
  WebhookDeliveries deliveries;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  InstructionSequencer sequencer;
  @Autowired
  JdbcClient jdbc;

  /** A clock that moves only when the test says. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** One request the receiver saw, and what it answered. */
  record Received(String instructionId, String body, boolean signatureValid, int answered) {}

  HttpServer receiver;
  final List<Received> received = new ArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();
  volatile boolean alwaysFail;
  TestClock clock;

  @BeforeEach
  void startReceiver() throws IOException {
    clock = new TestClock(Clock.systemUTC().instant());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      boolean valid = WebhookSignature.verify(SECRET, signature, body,
          clock.instant().getEpochSecond(), 300);
      int status = alwaysFail || failuresLeft.getAndDecrement() > 0 ? 500 : 200;
      synchronized (received) {
        received.add(new Received(exchange.getRequestHeaders()
            .getFirst(WebhookDispatcher.ID_HEADER), body, valid, status));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private WebhookDispatcher dispatcher(int attemptsMax) {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    WebhookSettings settings = new WebhookSettings(url, SECRET, attemptsMax,
        Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(30),
        Duration.ofSeconds(5), 50);
    return new WebhookDispatcher(deliveries, tx, settings, clock);
  }

  /** Delivers whatever other tests left due, so this test's receiver sees its own work. */
  private void drain(WebhookDispatcher dispatcher) {
    for (int round = 0; round < 1_000 && dispatcher.runOnce() > 0; round++) {
      clock.advance(Duration.ofSeconds(1));
    }
    synchronized (received) {
      received.clear();
    }
  }

  /** Screens a transfer from {@code sender} that a rule holds; returns the hold id. */
  private String held(String sender) {
    return screenHeld(sender, id("r"), 12_345, "TEST_HOLD").path("hold").path("hold_id")
        .asString();
  }

  private List<Received> receivedFor(String instructionId) {
    synchronized (received) {
      return received.stream().filter(r -> instructionId.equals(r.instructionId())).toList();
    }
  }

  private String state(String instructionId) {
    return deliveries.state(instructionId).orElse("NONE");
  }

  @Test
  void failedDeliveriesAreRetriedUntilEachArrivesExactlyOnce() {
    WebhookDispatcher dispatcher = dispatcher(12);
    drain(dispatcher);
    String sender = id("s");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String holdId = held(sender);
      ids.add(holdId + ":hold_funds");
      if (i == 0) {
        assertThat(platform().post("/v1/holds/" + holdId + "/cancel", "{}",
            Map.of(HoldsController.ACCOUNT_HEADER, sender)).status()).isEqualTo(200);
        ids.add(holdId + ":return");
      }
    }
    sequencer.run();
    failuresLeft.set(7);

    dispatcher.runOnce();
    List<String> failedFirst = received.stream().filter(r -> r.answered() == 500)
        .map(Received::instructionId).toList();
    assertThat(failedFirst).as("all five were sent once and all failed").hasSize(5)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(dispatcher.runOnce()).as("nothing is due before the backoff ends").isZero();

    for (int round = 0; round < 200 && !ids.stream().allMatch(
        id -> state(id).equals("DELIVERED")); round++) {
      clock.advance(Duration.ofMillis(700));
      dispatcher.runOnce();
    }
    for (String id : ids) {
      assertThat(state(id)).as(id).isEqualTo("DELIVERED");
      List<Received> got = receivedFor(id);
      assertThat(got.stream().filter(r -> r.answered() == 200)).as(id).hasSize(1);
      assertThat(got).as("failed, then retried").hasSizeGreaterThan(1);
      assertThat(got.get(0).body()).contains("\"instruction_id\":\"" + id + "\"");
    }
    List<String> succeeded = received.stream().filter(r -> r.answered() == 200)
        .map(Received::instructionId).toList();
    assertThat(succeeded).as("no instruction is delivered twice").doesNotHaveDuplicates();
    assertThat(received).allMatch(Received::signatureValid);
    assertThat(received.stream().filter(r -> r.answered() == 500)).hasSize(7);
    String in = "('" + String.join("','", ids) + "')";
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook.delivered'"
        + " AND entity_id IN " + in).query(Long.class).single()).isEqualTo(ids.size());
    assertThat(jdbc.sql("SELECT MIN(attempts) FROM webhook_deliveries WHERE instruction_id IN "
        + in).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aReceiverThatAlwaysFailsLeadsToTheDeadLetterAndRetryRevivesIt() {
    WebhookDispatcher dispatcher = dispatcher(3);
    drain(dispatcher);
    String id = held(id("s")) + ":hold_funds";
    sequencer.run();
    alwaysFail = true;
    for (int round = 0; round < 50 && !state(id).equals("DEAD"); round++) {
      dispatcher.runOnce();
      clock.advance(Duration.ofMinutes(10));
    }
    assertThat(state(id)).isEqualTo("DEAD");
    assertThat(receivedFor(id)).as("attempts-max attempts, no more").hasSize(3);
    dispatcher.runOnce();
    assertThat(receivedFor(id)).as("a dead letter is not sent").hasSize(3);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook.dead'"
        + " AND entity_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);

    JsonNode dead = admin().get("/v1/webhooks/deliveries?state=DEAD&limit=1000").json();
    List<String> deadIds = new ArrayList<>();
    dead.path("deliveries").forEach(d -> deadIds.add(d.path("instruction_id").asString()));
    assertThat(deadIds).contains(id);
    assertThat(admin().get("/v1/webhooks/deliveries?state=LOST").status()).isEqualTo(400);
    assertThat(platform().get("/v1/webhooks/deliveries").status()).isEqualTo(403);

    String retry = "/v1/webhooks/deliveries/" + id + "/retry";
    assertThat(platform().post(retry, null).status()).isEqualTo(403);
    Api.Response revived = admin().post(retry, null);
    assertThat(revived.status()).as(revived.body()).isEqualTo(200);
    assertThat(admin().post(retry, null).status()).as("no longer dead").isEqualTo(409);
    assertThat(admin().post("/v1/webhooks/deliveries/nope/retry", null).status())
        .isEqualTo(404);

    alwaysFail = false;
    clock.advance(Duration.ofSeconds(1));
    for (int round = 0; round < 50 && !state(id).equals("DELIVERED"); round++) {
      dispatcher.runOnce();
    }
    assertThat(state(id)).isEqualTo("DELIVERED");
    assertThat(receivedFor(id).stream().filter(r -> r.answered() == 200)).hasSize(1);
  }

  @Test
  void aDispatcherThatDiesMidCallLeavesTheDeliveryDueAfterItsLease() {
    WebhookDispatcher dispatcher = dispatcher(12);
    drain(dispatcher);
    String id = held(id("s")) + ":hold_funds";
    sequencer.run();
    Instant now = clock.instant();
    tx.execute(s -> deliveries.enqueueNew(now, 1_000));
    List<WebhookDeliveries.Claim> claimed = tx.execute(s -> deliveries.claimDue(now,
        now.plus(Duration.ofSeconds(30)), 12, 1_000));
    assertThat(claimed).extracting(WebhookDeliveries.Claim::instructionId).contains(id);

    assertThat(dispatcher.runOnce()).as("the lease keeps it from others").isZero();
    clock.advance(Duration.ofSeconds(31));
    dispatcher.runOnce();
    assertThat(state(id)).isEqualTo("DELIVERED");
    assertThat(receivedFor(id)).hasSize(1);
    WebhookDeliveries.Claim stale = claimed.stream().filter(c -> c.instructionId().equals(id))
        .findFirst().orElseThrow();
    Boolean late = tx.execute(s -> deliveries.delivered(stale, 200, now));
    assertThat(late).as("the dead dispatcher's late answer changes nothing").isFalse();
  }
}
