package io.holdfast.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Accounts, payments and events dated before an assessment day, through the real API. */
abstract class AssessmentFixtures extends PostgresServerTest {

  void account(String accountId, String country, List<String> flags, String dateOfBirth) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("created_at", "2024-01-01T00:00:00Z");
    body.put("country", country);
    body.put("kyc_level", 2);
    body.put("vulnerability_flags", flags);
    if (dateOfBirth != null) {
      body.put("date_of_birth", dateOfBirth);
    }
    Api.Response r = platform().put("/v1/accounts/" + accountId, Api.json(body));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  /** Screens a payment dated {@code at}; a held one is released by an analyst. */
  void pay(String sender, String recipientAccount, String address, long usdMinor, Instant at) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("created_at", at.toString());
    t.put("sender_account", sender);
    if (address == null) {
      t.put("recipient_account", recipientAccount);
    } else {
      t.put("recipient_address", address);
      t.put("network", "TRON");
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

  void event(String accountId, String type, Instant at, Long usdMinor) {
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

  /** Puts the account on a new intel list, as if reported after it was paid. */
  void flag(String accountId) {
    String list = id("scams");
    assertThat(admin().put("/v1/intel/lists/" + list, Api.json(Map.of("action", "HOLD")))
        .status()).isEqualTo(201);
    Api.Response r = admin().post("/v1/intel/lists/" + list + "/entries",
        Api.json(Map.of("entries", List.of(Map.of("account", accountId)))));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** Someone who paid a recipient that was flagged afterwards. */
  void paidAFlaggedRecipient(String sender, String recipient, Instant asOf) {
    pay(sender, recipient, null, 15_000, asOf.minus(Duration.ofDays(3)));
    flag(recipient);
  }

  JsonNode assessments(String accountId) {
    Api.Response r = admin().get("/v1/accounts/" + accountId + "/assessments");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("assessments");
  }
}
