package io.holdfast.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Helpers for the prevention suites: accounts, payments, people with roles, held payments. */
public abstract class PreventionTestSupport extends PostgresServerTest {
  @Autowired
  protected JdbcClient jdbc;
  @Autowired
  PasswordEncoder encoder;

  /** Registers an established account, with the platform's consented flags if any. */
  protected void account(String accountId, String... flags) {
    Instant created = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    StringBuilder body = new StringBuilder("{\"created_at\":\"" + created + "\",\"kyc_level\":2,"
        + "\"country\":\"GB\",\"vulnerability_flags\":[");
    for (int i = 0; i < flags.length; i++) {
      body.append(i == 0 ? "" : ",").append('"').append(flags[i]).append('"');
    }
    Api.Response r = platform().put("/v1/accounts/" + accountId, body.append("]}").toString());
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  /** Screens a payment between accounts; returns the decision. */
  protected JsonNode screen(String sender, String recipient, long amountMinor) {
    return screenPayment(id("t"), sender, recipient, amountMinor);
  }

  /** A person with the given roles (comma-separated). */
  protected Api person(String roles) {
    String name = id("person");
    jdbc.sql("INSERT INTO users (username, password_hash, roles, created_at)"
            + " VALUES (:u, :p, :r, CURRENT_TIMESTAMP)")
        .param("u", name).param("p", encoder.encode("pw-" + name)).param("r", roles).update();
    return Api.withUser(port(), name, "pw-" + name);
  }

  /** The hold's risk tier: a vulnerable sender's is one up (no shortening, a call). */
  protected String holdTier(String holdId) {
    return jdbc.sql("SELECT tier FROM holds WHERE hold_id = :h").param("h", holdId)
        .query(String.class).single();
  }

  protected long audited(String action, String entityId) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND entity_id = :e")
        .param("a", action).param("e", entityId).query(Long.class).single();
  }
}
