package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Accounts, payments and events through the real API, people with roles, and campaigns. Tests
 * use countries of their own from the user-assigned codes (XA to XZ), so a segment of one test
 * never reaches another's accounts.
 */
abstract class CampaignFixtures extends PostgresServerTest {
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PasswordEncoder encoder;

  void account(String accountId, String country, List<String> flags, String dateOfBirth,
      String ageBand) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("created_at", "2024-01-01T00:00:00Z");
    body.put("country", country);
    body.put("kyc_level", 2);
    body.put("vulnerability_flags", flags);
    if (dateOfBirth != null) {
      body.put("date_of_birth", dateOfBirth);
    }
    if (ageBand != null) {
      body.put("age_band", ageBand);
    }
    Api.Response r = platform().put("/v1/accounts/" + accountId, Api.json(body));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  static String newAddress() {
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      sb.append("0123456789abcdef".charAt(ThreadLocalRandom.current().nextInt(16)));
    }
    return sb.toString();
  }

  /** Screens a payment dated {@code at} to an account or an ETH address; holds are released. */
  void pay(String sender, String recipientAccount, String address, Instant at) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("created_at", at.toString());
    t.put("sender_account", sender);
    if (address == null) {
      t.put("recipient_account", recipientAccount);
    } else {
      t.put("recipient_address", address);
      t.put("network", "ETH");
    }
    t.put("amount_minor", 2_000);
    t.put("currency", "USD");
    t.put("channel", address == null ? "p2p" : "withdrawal");
    JsonNode decision = platform().post("/v1/transfers/screen", Api.json(t)).json();
    assertThat(decision.path("outcome").asString()).as(decision.toString())
        .isIn("ALLOW", "WARN", "HOLD");
    if (decision.path("outcome").asString().equals("HOLD")) {
      String holdId = decision.path("hold").path("hold_id").asString();
      assertThat(admin().post("/v1/holds/" + holdId + "/release", "{\"note\":\"fixture\"}")
          .status()).isEqualTo(200);
    }
  }

  void deposit(String accountId, Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event_id", id("e"));
    e.put("type", "deposit");
    e.put("occurred_at", at.toString());
    e.put("amount_minor", 50_000);
    e.put("currency", "USD");
    Api.Response r = platform().post("/v1/accounts/" + accountId + "/events", Api.json(e));
    assertThat(r.status()).as(r.body()).isIn(200, 201, 202);
  }

  Api person(String roles) {
    String name = id("person");
    jdbc.update("INSERT INTO users (username, password_hash, roles, created_at)"
        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)", name, encoder.encode("pw-" + name), roles);
    return Api.withUser(port(), name, "pw-" + name);
  }

  static Map<String, Object> body(String name, Map<String, Object> segment, Instant startsAt,
      Instant endsAt, String cadence, int capPerUser, int holdoutPercent) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", name);
    b.put("scam_type", "investment");
    b.put("channel", "in_app");
    b.put("segment", segment);
    b.put("messages", List.of(
        Map.of("scam_type", "investment", "language", "en", "title", "Investment scams",
            "body", "Nobody can promise you returns."),
        Map.of("scam_type", "investment", "language", "es", "title", "Estafas de inversion",
            "body", "Nadie puede prometerte ganancias."),
        Map.of("scam_type", "romance", "language", "en", "title", "Romance scams",
            "body", "Never send money to someone you have not met.")));
    b.put("schedule", Map.of("starts_at", startsAt.toString(), "ends_at", endsAt.toString(),
        "cadence", cadence));
    b.put("cap_per_user", capPerUser);
    b.put("holdout_percent", holdoutPercent);
    return b;
  }

  /** Creates a campaign as {@code creator} and activates it as a second analyst. */
  String createAndActivate(Api creator, Map<String, Object> body) {
    Api.Response created = creator.post("/v1/campaigns", Api.json(body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("campaign_id").asString();
    Api.Response activated = person("ANALYST").post("/v1/campaigns/" + id + "/activate", null);
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    return id;
  }

  List<String> campaignMessages(String campaignId, String accountId) {
    return jdbc.queryForList("SELECT message_id FROM prevention_messages WHERE source ="
        + " 'CAMPAIGN' AND source_ref = ? AND account_id = ? ORDER BY message_id", String.class,
        campaignId, accountId);
  }

  void alert(String accountId, Instant at) {
    jdbc.update("INSERT INTO prevention_messages (message_id, account_id, source, source_ref,"
        + " scam_type, channel, language, template_version, title, body, created_at)"
        + " VALUES (?, ?, 'ASSESSMENT', 'fixture', 'GENERAL', 'IN_APP', 'en', 1, 't', 'b', ?)",
        id("assessment:fixture"), accountId, Timestamp.from(at));
  }
}
