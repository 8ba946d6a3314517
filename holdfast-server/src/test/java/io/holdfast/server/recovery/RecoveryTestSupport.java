package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Helpers for the rapid-recovery suites: accounts, settled payments, reports, people. */
abstract class RecoveryTestSupport extends PostgresServerTest {
  /** Words a victim of an investment scam uses; the model should read them as a scam. */
  static final String SCAM_STORY = "I met him on Telegram, he said he was a crypto trader and"
      + " showed me his profits. He promised guaranteed returns of 30% a week on his investment"
      + " platform. I sent USDT to the account he gave me. Now the platform says I must pay a"
      + " withdrawal fee and tax before I can take my money out, and he stopped answering. I"
      + " think it was a scam and I lost everything.";
  static final List<String> SCAMMER_MESSAGES = List.of(
      "Trust me dear, this platform is 100% safe, guaranteed profit, act now before the"
          + " bonus ends",
      "To unlock your withdrawal you must first pay the 15% tax fee, send it today or your"
          + " account will be frozen");

  @Autowired
  JdbcClient jdbc;
  @Autowired
  PasswordEncoder encoder;

  /** Registers an account created {@code ageDays} ago with a KYC level. */
  void account(String accountId, int ageDays, int kycLevel) {
    Instant created = Instant.now().minus(ageDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Api.Response r = platform().put("/v1/accounts/" + accountId, "{\"created_at\":\"" + created
        + "\",\"kyc_level\":" + kycLevel + "}");
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  /** Screens a payment and makes sure its money left: a held payment is released by an analyst. */
  String pay(String sender, String recipient, long amountMinor) {
    String transferId = id("t");
    JsonNode decision = screenPayment(transferId, sender, recipient, amountMinor);
    String outcome = decision.path("outcome").asString();
    assertThat(outcome).as(decision.toString()).isIn("ALLOW", "WARN", "HOLD");
    if (outcome.equals("HOLD")) {
      String holdId = decision.path("hold").path("hold_id").asString();
      assertThat(admin().post("/v1/holds/" + holdId + "/release", "{\"note\":\"test: settle\"}")
          .status()).isEqualTo(200);
    }
    return transferId;
  }

  JsonNode screen(String sender, String recipient, long amountMinor) {
    return screenPayment(id("t"), sender, recipient, amountMinor);
  }

  /** Files a report naming transfers; returns the response. */
  Api.Response report(String reporter, List<String> transferIds, String narrative) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reporter_account", reporter);
    body.put("transfer_ids", transferIds);
    body.put("scam_type", "investment");
    body.put("narrative", narrative);
    body.put("scammer_messages", SCAMMER_MESSAGES);
    body.put("contact_channel", "telegram");
    return platform().post("/v1/reports", Api.json(body));
  }

  /** Files a report naming only the recipient account. */
  Api.Response reportAccount(String reporter, String recipient, String narrative) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reporter_account", reporter);
    body.put("recipient_account", recipient);
    body.put("narrative", narrative);
    body.put("scammer_messages", SCAMMER_MESSAGES);
    return platform().post("/v1/reports", Api.json(body));
  }

  /** Whether a filed report froze its recipient. */
  static boolean froze(JsonNode report) {
    return report.hasNonNull("freeze_id");
  }

  /** A person with the given roles (comma-separated), for two-person rules. */
  Api person(String roles) {
    String name = id("person");
    jdbc.sql("INSERT INTO users (username, password_hash, roles, created_at)"
            + " VALUES (:u, :p, :r, CURRENT_TIMESTAMP)")
        .param("u", name).param("p", encoder.encode("pw-" + name)).param("r", roles).update();
    return Api.withUser(port(), name, "pw-" + name);
  }

  long audited(String action, String entityId) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND entity_id = :e")
        .param("a", action).param("e", entityId).query(Long.class).single();
  }
}
