package io.holdfast.server.support;

import io.holdfast.server.HoldfastServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration suite: the real server on a random port, over a real PostgreSQL
 * database of its own. All subclasses share one application context (and database), so tests
 * use ids of their own and never assume an empty store.
 */
@SpringBootTest(classes = HoldfastServer.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "holdfast.api-key=" + PostgresServerTest.PLATFORM_KEY,
        "holdfast.admin-password=" + PostgresServerTest.ADMIN_PASSWORD,
        "holdfast.key-pepper=" + PostgresServerTest.KEY_PEPPER,
        "holdfast.rules.refresh-millis=600000",
        // The rules are under test here; the learned model (which would add its own warnings)
        // is tested in the core, on the embedded store (smoke) and by the demo.
        "holdfast.risk.model=none",
        // Tests run sweeps on their own thread (SweepRunner.runPending), so none waits on
        // the background worker.
        "holdfast.sweeps.worker=false",
        // Tests run daily assessments on their own thread, for days of their choosing.
        "holdfast.assessments.daily=false",
        // Tests deliver campaigns and run the surge detector themselves, by their own clocks.
        "holdfast.campaigns.scheduled=false",
        // Tests re-check held holds themselves (HoldService.recheckDue), by clocks they move.
        "holdfast.holds.recheck-scheduled=false"
    })
public abstract class PostgresServerTest {
  public static final String PLATFORM_KEY = "test-platform-key-0123456789";
  public static final String ADMIN_PASSWORD = "kestrel-orbit-lantern-42";
  /** The API-key pepper of the suite's database (every context sharing it needs the same). */
  public static final String KEY_PEPPER = "test-key-pepper-0123456789abcdef0123456789";

  @Autowired
  protected Environment environment;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", () -> "");
  }

  protected int port() {
    return environment.getRequiredProperty("local.server.port", Integer.class);
  }

  protected Api platform() {
    return Api.withKey(port(), PLATFORM_KEY);
  }

  protected Api admin() {
    return Api.withUser(port(), "admin", ADMIN_PASSWORD);
  }

  protected Api anonymous() {
    return Api.withKey(port(), null);
  }

  @Autowired
  private org.springframework.jdbc.core.JdbcTemplate baseJdbc;
  @Autowired
  private org.springframework.security.crypto.password.PasswordEncoder baseEncoder;

  /**
   * Confirms a case the two-person way: the admin asks with {@code note}, a second analyst
   * (a user of its own, created for the call) approves. Returns the approval's answer.
   */
  protected Api.Response confirmCase(String caseId, String note) {
    String body = note == null ? "{\"decision\":\"confirm\"}"
        : Api.json(java.util.Map.of("decision", "confirm", "note", note));
    Api.Response asked = admin().post("/v1/cases/" + caseId + "/decision", body);
    org.assertj.core.api.Assertions.assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    String name = id("reviewer");
    baseJdbc.update("INSERT INTO users (username, password_hash, roles, created_at)"
        + " VALUES (?, ?, 'ANALYST', CURRENT_TIMESTAMP)", name, baseEncoder.encode("pw-" + name));
    return Api.withUser(port(), name, "pw-" + name)
        .post("/v1/cases/" + caseId + "/decision/approve", null);
  }

  /**
   * Screens a transfer from {@code sender} that a rule (created on first use) holds, and
   * returns the decision; the hold's id is at {@code hold.hold_id}.
   */
  protected tools.jackson.databind.JsonNode screenHeld(String sender, String recipient,
      long amountMinor, String reasonCode) {
    String rule = "hold_" + sender.replace("-", "_").toLowerCase(java.util.Locale.ROOT);
    if (admin().get("/v1/rules/" + rule).status() == 404) {
      java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
      r.put("name", rule);
      r.put("expression", "transfer.sender_account == '" + sender + "'");
      r.put("outcome", "HOLD");
      r.put("score", 0.2);
      r.put("reason_code", reasonCode);
      r.put("description", "Held for a test.");
      org.assertj.core.api.Assertions.assertThat(admin().post("/v1/rules", Api.json(r)).status())
          .isEqualTo(201);
    }
    tools.jackson.databind.JsonNode decision = screenPayment(id("t"), sender, recipient,
        amountMinor);
    org.assertj.core.api.Assertions.assertThat(decision.path("outcome").asString())
        .as(decision.toString()).isEqualTo("HOLD");
    return decision;
  }

  /**
   * Screens a peer payment in US dollars between platform accounts, at the server's time, and
   * returns the decision; the answer must be 200.
   */
  protected tools.jackson.databind.JsonNode screenPayment(String transferId, String sender,
      String recipient, long amountMinor) {
    java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
    t.put("transfer_id", transferId);
    t.put("sender_account", sender);
    t.put("recipient_account", recipient);
    t.put("amount_minor", amountMinor);
    t.put("currency", "USD");
    t.put("channel", "p2p");
    Api.Response r = platform().post("/v1/transfers/screen", Api.json(t));
    org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /**
   * A 24-hour hold (tier HIGH) of an established sender who is not vulnerable, to an
   * established recipient: the sender's own rule holds with a score between the high and the
   * severe thresholds. Returns the hold id.
   */
  protected String heldAtHighTier(String sender, String recipient, String reasonCode) {
    established(recipient);
    return heldAtHighTierTo(sender, recipient, reasonCode);
  }

  /**
   * A HIGH hold of an established sender to {@code recipient} as it is (unknown to Holdfast
   * unless the test described it), so it lasts 24 h or, for an unknown recipient, 72 h.
   */
  protected String heldAtHighTierTo(String sender, String recipient, String reasonCode) {
    established(sender);
    java.util.Map<String, Object> rule = new java.util.LinkedHashMap<>();
    rule.put("name", "hold_" + sender.replace("-", "_"));
    rule.put("expression", "transfer.sender_account == '" + sender + "'");
    rule.put("outcome", "HOLD");
    rule.put("score", 0.86);
    rule.put("reason_code", reasonCode);
    rule.put("description", "Held at the high tier for a test.");
    org.assertj.core.api.Assertions.assertThat(admin().post("/v1/rules", Api.json(rule))
        .status()).isEqualTo(201);
    tools.jackson.databind.JsonNode hold =
        screenHeld(sender, recipient, 12_050, reasonCode).path("hold");
    org.assertj.core.api.Assertions.assertThat(hold.path("tier").asString())
        .as(hold.toString()).isEqualTo("HIGH");
    return hold.path("hold_id").asString();
  }

  /**
   * Describes account {@code accountId} as opened years ago: an established sender corroborates
   * findings, and a payment to an established recipient is held for its tier's length.
   */
  protected String established(String accountId) {
    return account(accountId, java.time.Instant.parse("2020-01-01T00:00:00Z"));
  }

  /**
   * Just past the longest hold a test places: a first payment to a recipient Holdfast has never
   * seen is held that long in every tier ({@code UnknownRecipientHold}), one hour more.
   */
  public static java.time.Duration pastAnUnknownRecipientsHold() {
    return io.holdfast.core.hold.HoldPolicy.defaults().unknownRecipient().length()
        .plusHours(1);
  }

  /** Describes account {@code accountId} to Holdfast as opened at {@code createdAt} in GB. */
  protected String account(String accountId, java.time.Instant createdAt) {
    Api.Response r = platform().put("/v1/accounts/" + accountId,
        "{\"created_at\":\"" + createdAt + "\",\"country\":\"GB\"}");
    org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isIn(200, 201);
    return accountId;
  }

  /** A unique id for this test's objects, so tests sharing the database never collide. */
  protected static String id(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36)
        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 36);
  }
}
