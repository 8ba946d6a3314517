package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint that takes input, fed each kind of bad input: the answer is a 4xx
 * {@code application/problem+json} with the expected stable type, never a 500, and nothing is
 * written (no table grows).
 */
class BadInputIT extends PostgresServerTest {
  private static final String OK_TRANSFER = """
      {"transfer_id":"%s","sender_account":"s-1","recipient_account":"r-1","amount_minor":100,
       "currency":"USD","channel":"p2p"}""";

  private static final String CAMPAIGN = "{\"name\":\"c\",\"scam_type\":\"investment\","
      + "\"channel\":\"in_app\",\"segment\":{\"countries\":[\"XZ\"]},\"messages\":[{"
      + "\"scam_type\":\"investment\",\"language\":\"en\",\"title\":\"t\",\"body\":\"b\"}],"
      + "\"schedule\":{\"starts_at\":\"2999-01-01T00:00:00Z\",\"ends_at\":"
      + "\"2999-01-02T00:00:00Z\",\"cadence\":\"once\"},\"cap_per_user\":1}";

  @Autowired
  JdbcClient jdbc;

  record Case(String name, String method, String path, String body, int status, String type) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    String big = "{\"transfer_id\":\"t\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
    String addr = "\"recipient_address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"";
    return Stream.of(
        c("malformed json", "POST", "/v1/transfers/screen", "{\"transfer_id\":", 400,
            "malformed-json"),
        c("empty body", "POST", "/v1/transfers/screen", "", 400, "malformed-json"),
        c("json array", "POST", "/v1/transfers/screen", "[1,2]", 400, "wrong-type"),
        c("unknown field", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-unknown").replace("}", ",\"colour\":\"red\"}"), 400,
            "unknown-field"),
        c("amount as string", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-type").replace("100", "\"100\""), 400, "wrong-type"),
        c("amount as fraction", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-frac").replace("100", "1.5"), 400, "wrong-type"),
        c("zero amount", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-zero").replace("100", "0"), 400, "invalid-field"),
        c("negative amount", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-neg").replace("100", "-5"), 400, "invalid-field"),
        c("huge amount", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-huge").replace("100", "99999999999999999999"), 400,
            "wrong-type"),
        c("unknown currency", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-cur").replace("USD", "XYZ"), 400, "invalid-field"),
        c("bad transfer id", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad id with spaces"), 400, "invalid-field"),
        c("missing recipient", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-norecip").replace("\"recipient_account\":\"r-1\",", ""),
            400, "invalid-field"),
        c("bad checksum address", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-addr").replace("\"recipient_account\":\"r-1\"",
                addr + ",\"network\":\"ETH\""), 400, "invalid-address"),
        c("bad created_at", "POST", "/v1/transfers/screen",
            OK_TRANSFER.formatted("bad-time").replace("}", ",\"created_at\":\"yesterday\"}"),
            400, "invalid-field"),
        c("oversized body", "POST", "/v1/transfers/screen", big, 413, "body-too-large"),
        c("bad id in path", "GET", "/v1/transfers/%20bad%20/decision", null, 400, "invalid-id"),
        c("account bad id", "PUT", "/v1/accounts/has%20space",
            "{\"created_at\":\"2025-01-01T00:00:00Z\"}", 400, "invalid-id"),
        c("account missing created_at", "PUT", "/v1/accounts/acc-bad-1", "{}", 400,
            "invalid-field"),
        c("account bad flag", "PUT", "/v1/accounts/acc-bad-2",
            "{\"created_at\":\"2025-01-01T00:00:00Z\",\"vulnerability_flags\":[\"rich\"]}", 400,
            "invalid-field"),
        c("account bad band", "PUT", "/v1/accounts/acc-bad-3",
            "{\"created_at\":\"2025-01-01T00:00:00Z\",\"age_band\":\"old\"}", 400,
            "invalid-field"),
        c("account unknown field", "PUT", "/v1/accounts/acc-bad-4",
            "{\"created_at\":\"2025-01-01T00:00:00Z\",\"balance\":5}", 400, "unknown-field"),
        c("event bad type", "POST", "/v1/accounts/acc-1/events",
            "{\"event_id\":\"e-bad-1\",\"type\":\"hack\"}", 400, "invalid-field"),
        c("deposit without amount", "POST", "/v1/accounts/acc-1/events",
            "{\"event_id\":\"e-bad-2\",\"type\":\"deposit\",\"currency\":\"USD\"}", 400,
            "invalid-field"),
        c("deposit negative", "POST", "/v1/accounts/acc-1/events",
            "{\"event_id\":\"e-bad-3\",\"type\":\"deposit\",\"amount_minor\":-1,"
                + "\"currency\":\"USD\"}", 400, "invalid-field"),
        c("rule bad expression", "POST", "/v1/rules", rule("bad_rule_1",
            "features.no_such_feature > 1"), 400, "invalid-rule"),
        c("rule not boolean", "POST", "/v1/rules", rule("bad_rule_2",
            "features.amount_usd_minor + 1.0"), 400, "invalid-rule"),
        c("rule syntax", "POST", "/v1/rules", rule("bad_rule_3", "features.(("), 400,
            "invalid-rule"),
        c("rule too long", "POST", "/v1/rules", rule("bad_rule_6",
            "true" + " && true".repeat(500)), 422, "rule-too-costly"),
        c("rule too deep", "POST", "/v1/rules", rule("bad_rule_7",
            "transfer.amount_minor" + " + 1".repeat(31) + " > 0"), 422, "rule-too-costly"),
        c("rule over the iteration bound", "POST", "/v1/rules", rule("bad_rule_8",
            "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b,"
                + " [1,2,3,4,5,6,7,8,9,10].all(c, a + b + c > 0)))"), 422, "rule-too-costly"),
        c("rule bad score", "POST", "/v1/rules", rule("bad_rule_4", "true").replace("0.5", "7"),
            400, "invalid-field"),
        c("rule bad name", "POST", "/v1/rules", rule("Bad Name", "true"), 400, "invalid-field"),
        c("rule unknown field", "POST", "/v1/rules",
            rule("bad_rule_5", "true").replace("}", ",\"priority\":1}"), 400, "unknown-field"),
        c("rule wrong media type", "POST", "/v1/rules", null, 415, "unsupported-media-type"),
        c("intel list bad action", "PUT", "/v1/intel/lists/bad-action",
            "{\"action\":\"ALLOW\"}", 400, "invalid-field"),
        c("intel list unknown field", "PUT", "/v1/intel/lists/bad-field",
            "{\"action\":\"HOLD\",\"colour\":1}", 400, "unknown-field"),
        c("intel list bad name", "PUT", "/v1/intel/lists/has%20space",
            "{\"action\":\"HOLD\"}", 400, "invalid-id"),
        c("intel lookup bad address", "GET",
            "/v1/intel/lookup?network=ETH&address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
            null, 400, "invalid-address"),
        c("hold bad id", "GET", "/v1/holds/bad%20id", null, 400, "invalid-id"),
        c("hold extend bad time", "POST", "/v1/holds/hold_x/extend",
            "{\"release_at\":\"tomorrow\"}", 400, "invalid-field"),
        c("hold extend unknown field", "POST", "/v1/holds/hold_x/extend",
            "{\"release_at\":\"2030-01-01T00:00:00Z\",\"force\":true}", 400,
            "unknown-field"),
        c("hold queue bad state", "GET", "/v1/holds?state=maybe", null, 400, "invalid-field"),
        c("hold queue huge page", "GET", "/v1/holds?limit=100000", null, 400, "invalid-field"),
        c("instructions negative cursor", "GET", "/v1/instructions?after=-1", null, 400,
            "invalid-field"),
        c("instructions bad cursor type", "GET", "/v1/instructions?after=abc", null, 400,
            "invalid-field"),
        c("stats bad since", "GET", "/v1/stats/holds?since=yesterday", null, 400,
            "invalid-field"),
        c("report malformed", "POST", "/v1/reports", "{\"reporter_account\":", 400,
            "malformed-json"),
        c("report unknown field", "POST", "/v1/reports", "{\"reporter_account\":\"r\","
            + "\"recipient_account\":\"x\",\"narrative\":\"n\",\"mood\":1}", 400,
            "unknown-field"),
        c("report without reporter", "POST", "/v1/reports",
            "{\"recipient_account\":\"x\",\"narrative\":\"n\"}", 400, "invalid-field"),
        c("report names both", "POST", "/v1/reports", "{\"reporter_account\":\"r\","
            + "\"recipient_account\":\"x\",\"transfer_ids\":[\"t\"],\"narrative\":\"n\"}",
            400, "invalid-field"),
        c("report on oneself", "POST", "/v1/reports", "{\"reporter_account\":\"r\","
            + "\"recipient_account\":\"r\",\"narrative\":\"n\"}", 400, "invalid-field"),
        c("report bad address", "POST", "/v1/reports", "{\"reporter_account\":\"r\","
            + "\"recipient_address\":\"0x123\",\"network\":\"ETH\",\"narrative\":\"n\"}",
            400, "invalid-address"),
        c("report too many messages", "POST", "/v1/reports", "{\"reporter_account\":\"r\","
            + "\"recipient_account\":\"x\",\"scammer_messages\":["
            + "\"m\",".repeat(21) + "\"m\"]}", 400, "invalid-field"),
        c("report over a megabyte", "POST", "/v1/reports", "{\"narrative\":\""
            + "x".repeat(1_100_000) + "\"}", 413, "body-too-large"),
        c("report bad id", "GET", "/v1/reports/bad%20id", null, 400, "invalid-id"),
        c("freeze without subject", "POST", "/v1/freezes", "{\"reason\":\"r\"}", 400,
            "invalid-field"),
        c("freeze without reason", "POST", "/v1/freezes", "{\"recipient_account\":\"x\"}",
            400, "invalid-field"),
        c("freeze bad basis", "POST", "/v1/freezes", "{\"recipient_account\":\"x\","
            + "\"reason\":\"r\",\"basis\":\"hunch\"}", 400, "invalid-field"),
        c("freeze missing", "POST", "/v1/freezes/frz_missing/confirm", "{}", 404, "not-found"),
        c("case missing", "GET", "/v1/cases/case_missing", null, 404, "not-found"),
        c("case bad decision", "POST", "/v1/cases/case_missing/decision",
            "{\"decision\":\"maybe\"}", 400, "invalid-field"),
        c("case bad state", "GET", "/v1/cases?state=closed", null, 400, "invalid-field"),
        c("call task bad outcome", "POST", "/v1/call-tasks/call_missing/outcome",
            "{\"outcome\":\"maybe\"}", 400, "invalid-field"),
        c("call task missing", "POST", "/v1/call-tasks/call_missing/outcome",
            "{\"outcome\":\"unreachable\"}", 404, "not-found"),
        c("call tasks huge page", "GET", "/v1/call-tasks?limit=100000", null, 400,
            "invalid-field"),
        c("restitution of a missing case", "POST", "/v1/cases/case_missing/restitution", null,
            404, "not-found"),
        c("scammer without subject", "POST", "/v1/scammers", "{\"note\":\"n\"}", 400,
            "invalid-field"),
        c("scammer bad since", "POST", "/v1/scammers",
            "{\"recipient_account\":\"x\",\"since\":\"last week\"}", 400, "invalid-field"),
        c("scammer since in the future", "POST", "/v1/scammers",
            "{\"recipient_account\":\"x\",\"since\":\"2999-01-01\"}", 400, "invalid-field"),
        c("scammer bad address", "POST", "/v1/scammers", "{\"recipient_address\":\"0x123\","
            + "\"network\":\"ETH\"}", 400, "invalid-address"),
        c("scammer unknown field", "POST", "/v1/scammers",
            "{\"recipient_account\":\"x\",\"depth\":9}", 400, "unknown-field"),
        c("scammer missing", "GET", "/v1/scammers/scm_missing", null, 404, "not-found"),
        c("scammer victims huge page", "GET", "/v1/scammers/scm_missing/victims?limit=5000",
            null, 400, "invalid-field"),
        c("scammer trace too deep", "GET", "/v1/scammers/scm_missing/trace?hops=50", null, 400,
            "invalid-field"),
        c("outreach negative cursor", "GET", "/v1/outreach/messages?after=-1", null, 400,
            "invalid-field"),
        c("outreach reply bad intent", "POST", "/v1/outreach/out_missing/replies",
            "{\"intent\":\"maybe\"}", 400, "invalid-field"),
        c("outreach reply without account", "POST", "/v1/outreach/out_missing/replies",
            "{\"intent\":\"decline\"}", 400, "invalid-field"),
        c("outreach shown bad channel", "POST", "/v1/outreach/out_missing/messages/m1/shown",
            "{\"channel\":\"Carrier Pigeon\"}", 400, "invalid-field"),
        c("le request without accounts", "POST", "/v1/le-requests",
            "{\"agency\":\"a\",\"reference\":\"r\",\"requested_action\":\"freeze\"}", 400,
            "invalid-field"),
        c("le request bad action", "POST", "/v1/le-requests", "{\"agency\":\"a\","
            + "\"reference\":\"r\",\"accounts\":[\"x\"],\"requested_action\":\"arrest\"}",
            400, "invalid-field"),
        c("le request into a missing case", "POST", "/v1/le-requests", "{\"agency\":\"a\","
            + "\"reference\":\"r-missing-case\",\"accounts\":[\"x\"],"
            + "\"requested_action\":\"freeze\",\"case_id\":\"case_missing\"}", 404,
            "not-found"),
        c("freeze into a missing case", "POST", "/v1/freezes", "{\"recipient_account\":\"x\","
            + "\"reason\":\"r\",\"case_id\":\"case_missing\"}", 404, "not-found"),
        c("evidence of a missing case", "GET", "/v1/cases/case_missing/evidence", null, 404,
            "not-found"),
        c("outreach stats bad since", "GET", "/v1/stats/outreach?since=yesterday", null, 400,
            "invalid-field"),
        c("register bad action", "POST", "/v1/accounts/a-1/vulnerability",
            "{\"action\":\"toggle\",\"flag\":\"age\",\"reason\":\"r\"}", 400,
            "invalid-field"),
        c("register unknown flag", "POST", "/v1/accounts/a-1/vulnerability",
            "{\"action\":\"add\",\"flag\":\"gullible\",\"reason\":\"r\"}", 400,
            "invalid-field"),
        c("register flag without reason", "POST", "/v1/accounts/a-1/vulnerability",
            "{\"action\":\"add\",\"flag\":\"age\"}", 400, "invalid-field"),
        c("register flag of a missing account", "POST",
            "/v1/accounts/a-missing/vulnerability",
            "{\"action\":\"add\",\"flag\":\"age\",\"reason\":\"r\"}", 404,
            "not-found"),
        c("register unknown field", "POST", "/v1/accounts/a-1/vulnerability",
            "{\"action\":\"add\",\"flag\":\"age\",\"reason\":\"r\",\"x\":1}", 400,
            "unknown-field"),
        c("register of a missing account", "GET", "/v1/accounts/a-missing/vulnerability",
            null, 404, "not-found"),
        c("call task without account", "POST", "/v1/call-tasks", "{\"reason\":\"r\"}", 400,
            "invalid-field"),
        c("call task bad kind", "POST", "/v1/call-tasks",
            "{\"account_id\":\"a-1\",\"kind\":\"fax\",\"reason\":\"r\"}", 400,
            "invalid-field"),
        c("call task without reason", "POST", "/v1/call-tasks", "{\"account_id\":\"a-1\"}",
            400, "invalid-field"),
        c("call task bad priority", "POST", "/v1/call-tasks",
            "{\"account_id\":\"a-1\",\"reason\":\"r\",\"priority\":9}", 400,
            "invalid-field"),
        c("call task bad scam type", "POST", "/v1/call-tasks",
            "{\"account_id\":\"a-1\",\"reason\":\"r\",\"scam_type\":\"lottery\"}", 400,
            "invalid-field"),
        c("call task bad due", "POST", "/v1/call-tasks",
            "{\"account_id\":\"a-1\",\"reason\":\"r\",\"due_at\":\"soon\"}", 400,
            "invalid-field"),
        c("call task due far ahead", "POST", "/v1/call-tasks",
            "{\"account_id\":\"a-1\",\"reason\":\"r\",\"due_at\":\"2999-01-01T00:00:00Z\"}",
            400, "invalid-field"),
        c("call task for a missing account", "POST", "/v1/call-tasks",
            "{\"account_id\":\"a-missing\",\"reason\":\"r\"}", 404, "not-found"),
        c("call task claim missing", "POST", "/v1/call-tasks/call_missing/claim", null, 404,
            "not-found"),
        c("call tasks bad assigned", "GET", "/v1/call-tasks?assigned=them", null, 400,
            "invalid-field"),
        c("call tasks bad kind", "GET", "/v1/call-tasks?kind=fax", null, 400,
            "invalid-field"),
        c("assessment run bad date", "POST", "/v1/assessments/runs", "{\"date\":\"26/11/2026\"}",
            400, "invalid-field"),
        c("assessment run in the future", "POST", "/v1/assessments/runs",
            "{\"date\":\"2999-01-01\"}", 400, "invalid-field"),
        c("assessment run unknown field", "POST", "/v1/assessments/runs",
            "{\"date\":\"2026-01-01\",\"force\":true}", 400, "unknown-field"),
        c("assessment run missing", "GET", "/v1/assessments/runs/1999-01-01", null, 404,
            "not-found"),
        c("assessment run path not a day", "GET", "/v1/assessments/runs/yesterday", null, 400,
            "invalid-field"),
        c("account assessments huge page", "GET", "/v1/accounts/acct-x/assessments?limit=9999",
            null, 400, "invalid-field"),
        c("prevention negative cursor", "GET", "/v1/prevention/messages?after=-1", null, 400,
            "invalid-field"),
        c("prevention shown without account", "POST",
            "/v1/prevention/messages/assessment:x/shown", null, 400, "invalid-field"),
        c("opt-outs unknown channel", "PUT", "/v1/accounts/acct-x/alert-opt-outs",
            "{\"channels\":[\"carrier_pigeon\"]}", 400, "invalid-field"),
        c("opt-outs without list", "PUT", "/v1/accounts/acct-x/alert-opt-outs", "{}", 400,
            "invalid-field"),
        c("opt-outs of a missing account", "PUT", "/v1/accounts/acct-missing/alert-opt-outs",
            "{\"channels\":[]}", 404, "not-found"),
        c("campaign unknown channel", "POST", "/v1/campaigns",
            CAMPAIGN.replace("in_app", "pigeon"), 400, "invalid-field"),
        c("campaign without english", "POST", "/v1/campaigns",
            CAMPAIGN.replace("\"en\"", "\"fr\""), 400, "invalid-field"),
        c("campaign ends before it starts", "POST", "/v1/campaigns",
            CAMPAIGN.replace("2999-01-02", "2998-12-31"), 400, "invalid-field"),
        c("campaign bad country", "POST", "/v1/campaigns",
            CAMPAIGN.replace("\"XZ\"", "\"England\""), 400, "invalid-field"),
        c("campaign cap of zero", "POST", "/v1/campaigns",
            CAMPAIGN.replace("\"cap_per_user\":1", "\"cap_per_user\":0"), 400,
            "invalid-field"),
        c("campaign unknown scam type", "POST", "/v1/campaigns",
            CAMPAIGN.replace("\"scam_type\":\"investment\",\"channel\"",
                "\"scam_type\":\"pyramid\",\"channel\""), 400, "invalid-field"),
        c("campaign unknown field", "POST", "/v1/campaigns",
            CAMPAIGN.replace("{\"name\"", "{\"colour\":\"red\",\"name\""), 400,
            "unknown-field"),
        c("campaign preview bad band", "POST", "/v1/campaigns/preview",
            "{\"age_bands\":[\"ancient\"]}", 400, "invalid-field"),
        c("campaign preview exposure above 1", "POST", "/v1/campaigns/preview",
            "{\"exposure_min\":1.5}", 400, "invalid-field"),
        c("campaigns bad state", "GET", "/v1/campaigns?state=running", null, 400,
            "invalid-field"),
        c("campaign bad id", "GET", "/v1/campaigns/bad%20id", null, 400, "invalid-id"),
        c("campaign missing", "GET", "/v1/campaigns/cmp_missing", null, 404, "not-found"),
        c("activate a missing campaign", "POST", "/v1/campaigns/cmp_missing/activate", null,
            404, "not-found"),
        c("dismiss without why", "POST", "/v1/campaigns/cmp_missing/dismiss", "{}", 400,
            "invalid-field"));
  }

  static String rule(String name, String expression) {
    return Api.json(Map.of("name", name, "expression", expression, "score", 0.5,
        "reason_code", "X", "description", "d"));
  }

  private static Arguments c(String name, String method, String path, String body, int status,
      String type) {
    return Arguments.of(new Case(name, method, path, body, status, type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsRefusedAndWritesNothing(Case c) {
    Map<String, Long> before = counts();
    boolean asAdmin = c.path().startsWith("/v1/rules") || c.path().startsWith("/v1/holds")
        || c.path().startsWith("/v1/stats") || c.path().startsWith("/v1/intel/lists")
        || c.path().startsWith("/v1/freezes") || c.path().startsWith("/v1/cases")
        || c.path().startsWith("/v1/call-tasks") || c.path().startsWith("/v1/scammers")
        || c.path().startsWith("/v1/le-requests") || c.path().startsWith("/v1/assessments")
        || c.path().endsWith("/assessments?limit=9999") || c.path().endsWith("/vulnerability")
        || c.path().startsWith("/v1/campaigns");
    Api api = asAdmin ? admin() : platform();
    Api.Response r = c.body() == null && c.status() == 415
        ? api.send(c.method(), c.path(), "name=x", "application/x-www-form-urlencoded", Map.of())
        : api.send(c.method(), c.path(), c.body(), "application/json", Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(c.status());
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.problemType()).isEqualTo("https://holdfast.dev/problems/" + c.type());
    assertThat(r.json().path("detail").asString()).isNotBlank();
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : List.of("transfers", "decisions", "accounts", "account_events", "rules",
        "idempotency_keys", "audit_log", "holds", "instructions", "intel_lists",
        "intel_entries", "reports", "report_links", "cases", "freezes", "claims", "refunds",
        "case_notes", "frozen_funds", "call_tasks", "scammers", "sweeps", "sweep_cluster",
        "sweep_victims", "trace_holdings", "outreach_cases", "outreach_messages", "outreach_replies",
        "le_requests", "le_request_subjects", "assessment_runs", "assessments",
        "prevention_messages", "alert_opt_outs", "vulnerability_register", "vulnerability_flags",
        "register_cursor", "campaigns", "campaign_messages", "campaign_rounds",
        "campaign_holdouts", "surge_runs")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }
}
