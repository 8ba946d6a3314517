package io.holdfast.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A platform's history made through the real API with past dates: accounts, payments (a held
 * one is released by an analyst, so the money left), account events, and people with roles.
 */
public abstract class PlatformFixtures extends PostgresServerTest {
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected PasswordEncoder encoder;

  protected void account(String accountId, String country, List<String> flags,
      String dateOfBirth, String ageBand) {
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

  /** Screens a payment dated {@code at} to an account, or to an address on {@code network}. */
  protected void pay(String sender, String recipientAccount, String address, String network,
      long usdMinor, Instant at) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("created_at", at.toString());
    t.put("sender_account", sender);
    if (address == null) {
      t.put("recipient_account", recipientAccount);
    } else {
      t.put("recipient_address", address);
      t.put("network", network);
    }
    t.put("amount_minor", usdMinor);
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

  /** An account event; {@code usdMinor} only for deposits. */
  protected void event(String accountId, String type, Instant at, Long usdMinor) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event_id", id("e"));
    e.put("type", type);
    e.put("occurred_at", at.toString());
    if (usdMinor != null) {
      e.put("amount_minor", usdMinor);
      e.put("currency", "USD");
    }
    Api.Response r = platform().post("/v1/accounts/" + accountId + "/events", Api.json(e));
    assertThat(r.status()).as(r.body()).isIn(200, 201, 202);
  }

  /** A person with the given roles (comma-separated). */
  protected Api person(String roles) {
    String name = id("person");
    jdbc.update("INSERT INTO users (username, password_hash, roles, created_at)"
        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)", name, encoder.encode("pw-" + name), roles);
    return Api.withUser(port(), name, "pw-" + name);
  }
}
