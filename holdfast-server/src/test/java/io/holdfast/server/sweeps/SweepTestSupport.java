package io.holdfast.server.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Helpers for the silent-sufferers suites: history written as imported transfers (so tests
 * choose every timestamp), scammers declared over the API, and sweeps run to the end.
 */
abstract class SweepTestSupport extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;
  @Autowired
  SweepRunner runner;
  @Autowired
  PasswordEncoder encoder;

  /** An imported transfer between two accounts at an exact time. */
  String transfer(String sender, String recipient, long amountMinor, Instant at) {
    return transfer(sender, recipient, amountMinor, "USD", at);
  }

  String transfer(String sender, String recipient, long amountMinor, String currency,
      Instant at) {
    String id = id("t");
    jdbc.sql("INSERT INTO transfers (transfer_id, created_at, sender_account, recipient_account,"
            + " amount_minor, currency, amount_usd_minor, channel, source)"
            + " VALUES (:id, :at, :s, :r, :a, :c, :a, 'p2p', 'import')")
        .param("id", id).param("at", Timestamp.from(at)).param("s", sender)
        .param("r", recipient).param("a", amountMinor).param("c", currency).update();
    return id;
  }

  /** An account the platform registered, with its country. */
  void account(String accountId, String country) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("created_at", "2024-01-01T00:00:00Z");
    body.put("country", country);
    Api.Response r = platform().put("/v1/accounts/" + accountId, Api.json(body));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  /** A device or IP the account used. */
  void usedDevice(String accountId, String device, String ip) {
    jdbc.sql("INSERT INTO account_events (event_id, account_id, event_type, occurred_at,"
            + " device_id, ip, amount_usd_minor, recorded_at) VALUES (:e, :a, 'LOGIN',"
            + " CURRENT_TIMESTAMP, :d, :ip, 0, CURRENT_TIMESTAMP)")
        .param("e", id("ev")).param("a", accountId).param("d", device).param("ip", ip).update();
  }

  /** Declares an account a scammer over the API; returns the answer. */
  JsonNode declare(String account, String since) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("recipient_account", account);
    if (since != null) {
      body.put("since", since);
    }
    body.put("note", "confirmed by a test");
    Api.Response r = admin().post("/v1/scammers", Api.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json();
  }

  /**
   * Runs queued sweeps, oldest first, on this thread until this one has ended (the suite runs
   * with the background worker off, so nothing else takes them).
   */
  JsonNode finish(String scammerId, String sweepId) {
    for (int i = 0; i < 1_000; i++) {
      String state = jdbc.sql("SELECT state FROM sweeps WHERE sweep_id = :id")
          .param("id", sweepId).query(String.class).single();
      if (state.equals("DONE") || state.equals("FAILED")) {
        return admin().get("/v1/scammers/" + scammerId).json();
      }
      assertThat(runner.runPending(5)).as("a queued sweep to run").isPositive();
    }
    throw new AssertionError("sweep " + sweepId + " did not end");
  }

  JsonNode declareAndFinish(String account, String since) {
    JsonNode declared = declare(account, since);
    return finish(declared.path("scammer_id").asString(),
        declared.path("sweep").path("sweep_id").asString());
  }

  JsonNode victims(String scammerId) {
    Api.Response r = admin().get("/v1/scammers/" + scammerId + "/victims?limit=1000");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("victims");
  }

  long count(String sql, Object... args) {
    var spec = jdbc.sql(sql);
    for (int i = 0; i < args.length; i++) {
      spec = spec.param(i + 1, args[i]);
    }
    return spec.query(Long.class).single();
  }

  Api person(String roles) {
    String name = id("person");
    jdbc.sql("INSERT INTO users (username, password_hash, roles, created_at)"
            + " VALUES (:u, :p, :r, CURRENT_TIMESTAMP)")
        .param("u", name).param("p", encoder.encode("pw-" + name)).param("r", roles).update();
    return Api.withUser(port(), name, "pw-" + name);
  }
}
