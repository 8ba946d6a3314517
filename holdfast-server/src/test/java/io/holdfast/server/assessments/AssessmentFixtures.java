package io.holdfast.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PlatformFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Accounts, payments and events dated before an assessment day, through the real API. */
abstract class AssessmentFixtures extends PlatformFixtures {

  void account(String accountId, String country, List<String> flags, String dateOfBirth) {
    account(accountId, country, flags, dateOfBirth, null);
  }

  /** A payment of {@code usdMinor} to an account, or to a Tron address. */
  void pay(String sender, String recipientAccount, String address, long usdMinor, Instant at) {
    pay(sender, recipientAccount, address, "TRON", usdMinor, at);
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
