package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every input that carries a time, in a JSON body or a query parameter, fed times far outside
 * the range Holdfast accepts (before 1970, after 2200, and the extremes java.time can parse):
 * the answer is 400 invalid-field naming the field, and nothing is written. A time the JDK
 * parses but PostgreSQL cannot store used to be written as another year entirely.
 */
class TimestampBoundsIT extends PostgresServerTest {
  private static final String ACCOUNT = "acct-bounds";
  private static final String FAR_PAST = "-999999999-01-01T00:00:00Z";
  private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

  @Autowired
  JdbcClient jdbc;

  record Case(String name, boolean asAdmin, String method, String path, String body,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  void anAccountExists() {
    account(ACCOUNT, java.time.Instant.parse("2020-01-01T00:00:00Z"));
  }

  static Stream<Arguments> cases() {
    String transfer = "{\"transfer_id\":\"t-bounds-%s\",\"sender_account\":\"s-bounds\","
        + "\"recipient_account\":\"r-bounds\",\"amount_minor\":100,\"currency\":\"USD\","
        + "\"channel\":\"p2p\",\"created_at\":\"%s\"}";
    String campaign = "{\"name\":\"c\",\"scam_type\":\"investment\",\"channel\":\"in_app\","
        + "\"segment\":{\"countries\":[\"XZ\"]},\"messages\":[{\"scam_type\":\"investment\","
        + "\"language\":\"en\",\"title\":\"t\",\"body\":\"b\"}],\"schedule\":{\"starts_at\":"
        + "\"%s\",\"ends_at\":\"%s\",\"cadence\":\"once\"},\"cap_per_user\":1}";
    return Stream.of(
        c("account created_at far past", false, "PUT", "/v1/accounts/acct-bounds-new",
            "{\"created_at\":\"" + FAR_PAST + "\"}", "created_at"),
        c("account created_at before 1970", false, "PUT", "/v1/accounts/acct-bounds-new",
            "{\"created_at\":\"1969-12-31T23:59:59Z\"}", "created_at"),
        c("account created_at far future", false, "PUT", "/v1/accounts/acct-bounds-new",
            "{\"created_at\":\"" + FAR_FUTURE + "\"}", "created_at"),
        c("transfer created_at far past", false, "POST", "/v1/transfers/screen",
            transfer.formatted("1", FAR_PAST), "created_at"),
        c("transfer created_at year 1", false, "POST", "/v1/transfers/screen",
            transfer.formatted("2", "0001-01-01T00:00:00Z"), "created_at"),
        c("event occurred_at far past", false, "POST", "/v1/accounts/" + ACCOUNT + "/events",
            "{\"event_id\":\"e-bounds-1\",\"type\":\"password_reset\",\"occurred_at\":\""
                + FAR_PAST + "\"}", "occurred_at"),
        c("event occurred_at in the future", false, "POST",
            "/v1/accounts/" + ACCOUNT + "/events", "{\"event_id\":\"e-bounds-2\","
                + "\"type\":\"password_reset\",\"occurred_at\":\"2199-01-01T00:00:00Z\"}",
            "occurred_at"),
        c("hold stats since far past", true, "GET", "/v1/stats/holds?since=" + FAR_PAST, null,
            "since"),
        c("recovery stats since far past", true, "GET", "/v1/stats/recovery?since=" + FAR_PAST,
            null, "since"),
        c("outreach stats since far future", true, "GET",
            "/v1/stats/outreach?since=%2B999999999-12-31T23:59:59Z", null, "since"),
        c("call task due far past", true, "POST", "/v1/call-tasks",
            "{\"account_id\":\"" + ACCOUNT + "\",\"reason\":\"r\",\"due_at\":\"" + FAR_PAST
                + "\"}", "due_at"),
        c("campaign ends far future", true, "POST", "/v1/campaigns",
            campaign.formatted("2199-01-01T00:00:00Z", FAR_FUTURE), "schedule.ends_at"),
        c("campaign starts before 1970", true, "POST", "/v1/campaigns",
            campaign.formatted("1960-01-01T00:00:00Z", "2199-01-02T00:00:00Z"),
            "schedule.starts_at"),
        c("campaign after 2200", true, "POST", "/v1/campaigns",
            campaign.formatted("2999-01-01T00:00:00Z", "2999-01-02T00:00:00Z"),
            "schedule.starts_at"),
        c("assessment of year 1", true, "POST", "/v1/assessments/runs",
            "{\"date\":\"0001-01-01\"}", "date"));
  }

  private static Arguments c(String name, boolean asAdmin, String method, String path,
      String body, String field) {
    return Arguments.of(new Case(name, asAdmin, method, path, body, field));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aTimeOutOfRangeIsRefusedByNameAndWritesNothing(Case c) {
    Map<String, Long> before = counts();
    Api api = c.asAdmin() ? admin() : platform();
    Api.Response r = api.send(c.method(), c.path(), c.body(), "application/json", Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.problemType()).isEqualTo("https://holdfast.dev/problems/invalid-field");
    assertThat(r.json().path("field").asString()).as(r.body()).isEqualTo(c.field());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anExtensionOutOfRangeIsRefusedByName() {
    String holdId = screenHeld(id("s"), id("r"), 12_050, "TEST_BOUNDS").path("hold")
        .path("hold_id").asString();
    Api.Response r = admin().post("/v1/holds/" + holdId + "/extend",
        "{\"release_at\":\"" + FAR_FUTURE + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asString()).isEqualTo("release_at");
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    String accountId = id("acct");
    Api.Response r = platform().put("/v1/accounts/" + accountId,
        "{\"created_at\":\"1970-01-01T00:00:00Z\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT created_at FROM accounts WHERE account_id = :a")
        .param("a", accountId).query(java.sql.Timestamp.class).single().toInstant())
        .isEqualTo(java.time.Instant.EPOCH);
    Api.Response stats = admin().get("/v1/stats/holds?since=1970-01-01T00:00:00Z");
    assertThat(stats.status()).as(stats.body()).isEqualTo(200);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : List.of("transfers", "decisions", "accounts", "account_events",
        "idempotency_keys", "audit_log", "holds", "call_tasks", "campaigns",
        "assessment_runs")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }
}
