package io.holdfast.server.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.support.ManualClock;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in throttling over real HTTP Basic. The server runs on a manual clock, which the tests
 * move instead of waiting, and trusts the loopback address as a proxy, so each request names
 * the client address it comes from in X-Forwarded-For.
 */
@TestPropertySource(properties = {
    "holdfast.clock=manual",
    "holdfast.clock-start=2026-10-01T00:00:00Z",
    "holdfast.security.trusted-proxies=127.0.0.1, ::1"})
class SignInThrottleIT extends PostgresServerTest {
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired
  Clock clock;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PasswordEncoder encoder;
  @Autowired
  MeterRegistry meters;

  @BeforeEach
  void aMinuteLater() {
    // Each test starts in a minute of its own, with the audit's per-minute budget unspent.
    advance(Duration.ofMinutes(2));
  }

  private void advance(Duration d) {
    ManualClock manual = (ManualClock) clock;
    manual.set(manual.instant().plus(d));
  }

  /** A client address no other test uses. */
  private static String address() {
    int n = ADDRESSES.incrementAndGet();
    return "100.64." + (n / 250) + "." + (n % 250 + 1);
  }

  private String user(String roles) {
    String name = id("person");
    jdbc.update("INSERT INTO users (username, password_hash, roles, created_at)"
        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)", name, encoder.encode(password(name)), roles);
    return name;
  }

  private static String password(String user) {
    return "right-" + user;
  }

  private Api.Response signIn(String user, String password, String from) {
    return Api.withUser(port(), user, password).send("GET", "/v1/rules", null,
        "application/json", Map.of("X-Forwarded-For", from));
  }

  private double signIns(String outcome) {
    return meters.get("holdfast.sign_in").tag("outcome", outcome).counter().count();
  }

  private JsonNode audit(String query) {
    String auditor = user("AUDITOR");
    Api.Response r = Api.withUser(port(), auditor, password(auditor)).get("/v1/audit?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void repeatedWrongPasswordsAreThrottledAndTheRightOneIsRefusedUnseenUntilTheWaitEnds() {
    String user = user("ANALYST");
    String from = address();
    double throttledBefore = signIns("throttled");
    for (int i = 1; i <= 5; i++) {
      assertThat(signIn(user, "wrong-" + i, from).status()).as("failure %d", i).isEqualTo(401);
    }
    Api.Response right = signIn(user, password(user), from);
    Api.Response wrong = signIn(user, "wrong-6", from);
    for (Api.Response r : new Api.Response[] {right, wrong}) {
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.problemType()).isEqualTo("https://holdfast.dev/problems/too-many-sign-ins");
    }
    assertThat(right.body()).as("the right password looks like any other").isEqualTo(wrong.body());
    for (int i = 0; i < 20; i++) {
      assertThat(signIn(user, "wrong-again-" + i, from).status()).isEqualTo(429);
    }
    assertThat(signIns("throttled") - throttledBefore).isEqualTo(22);

    advance(Duration.ofMillis(999));
    assertThat(signIn(user, password(user), from).status()).isEqualTo(429);
    advance(Duration.ofMillis(1));
    assertThat(signIn(user, password(user), from).status()).isEqualTo(200);

    JsonNode entries = audit("entity_type=user&entity_id=" + user + "&action=auth.").path("items");
    assertThat(entries).as("26 failed attempts, 5 rows").hasSize(5);
    assertThat(entries.findValuesAsString("action")).containsExactly("auth.sign_in_failed",
        "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.throttled");
    JsonNode throttled = entries.get(4);
    assertThat(throttled.path("actor").asString()).isEqualTo("address:" + from);
    assertThat(throttled.path("after").path("username").asString()).isEqualTo(user);
    assertThat(throttled.path("after").path("address").asString()).isEqualTo(from);
    assertThat(throttled.path("after").path("scope").asString()).isEqualTo("pair");
    assertThat(throttled.path("after").path("retry_after_seconds").asLong()).isEqualTo(1);
    assertThat(entries.toString()).doesNotContain("wrong-");
  }

  @Test
  void anotherAddressOfTheSameUserIsNotThrottledByThatPair() {
    String user = user("ANALYST");
    String from = address();
    for (int i = 0; i < 5; i++) {
      signIn(user, "wrong", from);
    }
    assertThat(signIn(user, password(user), from).status()).isEqualTo(429);
    String elsewhere = address();
    assertThat(signIn(user, "wrong", elsewhere).status()).isEqualTo(401);
    assertThat(signIn(user, password(user), elsewhere).status()).isEqualTo(200);
  }

  @Test
  void sprayingManyUsernamesFromOneAddressThrottlesTheAddressButNotItsKnownUsers() {
    String from = address();
    String regular = user("ANALYST");
    assertThat(signIn(regular, password(regular), from).status()).isEqualTo(200);
    String newcomer = user("ANALYST");
    for (int i = 0; i < 30; i++) {
      assertThat(signIn(id("sprayed"), "Password1!", from).status()).as("username %d", i)
          .isEqualTo(401);
    }
    Api.Response refused = signIn(newcomer, password(newcomer), from);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(signIn(regular, password(regular), from).status()).as("signed in from there")
        .isEqualTo(200);
    assertThat(signIn(newcomer, password(newcomer), address()).status()).isEqualTo(200);
    JsonNode throttled = audit("entity_type=address&entity_id=" + from).path("items");
    assertThat(throttled).hasSize(1);
    assertThat(throttled.get(0).path("action").asString()).isEqualTo("auth.throttled");
    assertThat(throttled.get(0).path("after").path("scope").asString()).isEqualTo("address");
  }

  @Test
  void aHundredFailuresFromManyAddressesThrottleNewAddressesButNotOneTheUserSignedInFrom() {
    String user = user("ANALYST");
    String home = address();
    assertThat(signIn(user, password(user), home).status()).isEqualTo(200);
    advance(Duration.ofDays(29));
    String from = address();
    for (int i = 0; i < 100; i++) {
      if (i % 4 == 0) {
        from = address();
      }
      assertThat(signIn(user, "guess-" + i, from).status()).as("guess %d", i).isEqualTo(401);
    }
    Api.Response elsewhere = signIn(user, password(user), address());
    assertThat(elsewhere.status()).isEqualTo(429);
    assertThat(elsewhere.problemType()).endsWith("/too-many-sign-ins");
    assertThat(signIn(user, password(user), home).status()).as("home, 29 days ago")
        .isEqualTo(200);

    advance(Duration.ofSeconds(1));
    assertThat(signIn(user, password(user), address()).status()).as("the wait ends")
        .isEqualTo(200);
    JsonNode rows = audit("entity_type=user&entity_id=" + user + "&action=auth.throttled")
        .path("items");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("after").path("scope").asString()).isEqualTo("username");
    assertThat(rows.get(0).path("after").path("failures").asInt()).isEqualTo(100);
  }
}
