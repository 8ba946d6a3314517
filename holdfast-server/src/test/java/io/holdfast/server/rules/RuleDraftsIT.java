package io.holdfast.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rule changes by people go through drafts: an analyst proposes, a different person publishes
 * and the live ruleset changes, audited; the proposer is refused whatever their roles; a bad
 * rule is refused as the direct API refuses it; a draft can be withdrawn, and one overtaken by
 * a change of its rule is refused; the backtest replays stored screenings and a shadow rule's
 * hits are counted.
 */
class RuleDraftsIT extends PostgresServerTest {
  static final String PASSWORD = "harbour-juniper-copper-61";

  @Autowired
  JdbcClient jdbc;

  private Api person(String... roles) {
    String name = id("p").toLowerCase(Locale.ROOT);
    Api.Response r = admin().post("/v1/users", Api.json(Map.of("username", name,
        "password", PASSWORD, "roles", List.of(roles))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return Api.withUser(port(), name, PASSWORD);
  }

  private static String ruleName(String sender) {
    return "d_" + sender.replace("-", "_").toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> draft(String name, String expression, String outcome,
      String status) {
    Map<String, Object> body = new LinkedHashMap<>(RulesIT.rule(name, expression, outcome,
        status));
    body.put("note", "Seen in three reports this week.");
    return body;
  }

  private String screen(String sender, long amountMinor) {
    return screenPayment(id("t"), sender, id("r"), amountMinor).path("outcome").asString();
  }

  private long audited(String action, String entityId, String actor) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND entity_id = :e"
            + " AND actor = :actor")
        .param("a", action).param("e", entityId).param("actor", actor)
        .query(Long.class).single();
  }

  @Test
  void anAnalystProposesASecondPersonPublishesAndTheLiveRulesetChanges() {
    String sender = id("draft-sender");
    String name = ruleName(sender);
    Api analyst = person("ANALYST");
    Api supervisor = person("SUPERVISOR");
    Api.Response proposed = analyst.post("/v1/rules/drafts", Api.json(draft(name,
        "transfer.sender_account == '" + sender + "'", "HOLD", "active")));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    JsonNode d = proposed.json();
    String draftId = d.path("draft_id").asString();
    assertThat(d.path("state").asString()).isEqualTo("proposed");
    assertThat(d.path("kind").asString()).isEqualTo("new");
    assertThat(d.path("rule").path("version").asInt()).isEqualTo(1);
    assertThat(d.path("proposed_by").asString()).startsWith("user:p-");
    assertThat(admin().get("/v1/rules/" + name).status()).isEqualTo(404);
    assertThat(screen(sender, 1_00)).isEqualTo("ALLOW");
    int before = admin().get("/v1/rules").json().path("ruleset_version").asInt();

    Api.Response published = supervisor.post("/v1/rules/drafts/" + draftId + "/publish", null);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(published.json().path("state").asString()).isEqualTo("published");
    String publisher = published.json().path("published_by").asString();
    assertThat(publisher).startsWith("user:p-").isNotEqualTo(d.path("proposed_by").asString());
    JsonNode live = admin().get("/v1/rules/" + name).json();
    assertThat(live.path("version").asInt()).isEqualTo(1);
    assertThat(live.path("outcome").asString()).isEqualTo("HOLD");
    assertThat(admin().get("/v1/rules").json().path("ruleset_version").asInt())
        .isEqualTo(before + 1);
    assertThat(screen(sender, 1_00)).isEqualTo("HOLD");
    assertThat(audited("rule_draft.proposed", draftId, d.path("proposed_by").asString()))
        .isEqualTo(1);
    assertThat(audited("rule_draft.published", draftId, publisher)).isEqualTo(1);
    assertThat(audited("rule.created", name, publisher)).isEqualTo(1);
    assertThat(analyst.get("/v1/rules/drafts/" + draftId).json().path("live").path("name")
        .asString()).isEqualTo(name);
    assertThat(analyst.get("/v1/rules/drafts?state=published").json().path("drafts")
        .findValuesAsString("draft_id")).contains(draftId);

    Api.Response again = supervisor.post("/v1/rules/drafts/" + draftId + "/publish", null);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(admin().get("/v1/rules/" + name).json().path("version").asInt()).isEqualTo(1);
  }

  @Test
  void theProposerCannotPublishTheirOwnDraftWhateverTheirRoles() {
    String sender = id("own-sender");
    String name = ruleName(sender);
    Api.Response proposed = admin().post("/v1/rules/drafts", Api.json(draft(name,
        "transfer.sender_account == '" + sender + "'", "BLOCK", "active")));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String draftId = proposed.json().path("draft_id").asString();

    Api.Response own = admin().post("/v1/rules/drafts/" + draftId + "/publish", null);
    assertThat(own.status()).as(own.body()).isEqualTo(403);
    assertThat(own.problemType()).endsWith("/second-person-required");
    assertThat(admin().get("/v1/rules/drafts/" + draftId).json().path("state").asString())
        .isEqualTo("proposed");
    assertThat(admin().get("/v1/rules/" + name).status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = :n")
        .param("n", name).query(Long.class).single()).isZero();

    Api.Response analyst = person("ANALYST").post("/v1/rules/drafts/" + draftId + "/publish",
        null);
    assertThat(analyst.status()).as(analyst.body()).isEqualTo(403);
    assertThat(analyst.problemType()).endsWith("/forbidden");
    assertThat(person("AGENT").post("/v1/rules/drafts", Api.json(draft(name, "true", null,
        "shadow"))).status()).isEqualTo(403);
    // The platform's key changes rules directly (the rules scope); drafts are for people.
    assertThat(platform().get("/v1/rules/drafts").status()).isEqualTo(403);
    assertThat(platform().post("/v1/rules/drafts/" + draftId + "/publish", null).status())
        .isEqualTo(403);
  }

  @Test
  void aRuleTheDirectApiWouldRefuseIsRefusedAsADraftWithTheField() {
    Api analyst = person("ANALYST");
    String name = ruleName(id("bad"));
    Api.Response syntax = analyst.post("/v1/rules/drafts", Api.json(draft(name,
        "transfer.amount_minor >", "HOLD", "active")));
    assertThat(syntax.status()).as(syntax.body()).isEqualTo(400);
    assertThat(syntax.problemType()).endsWith("/invalid-rule");
    assertThat(syntax.json().path("field").asString()).isEqualTo("expression");

    String costly = "[" + "0,".repeat(40) + "0].all(a, [" + "0,".repeat(40) + "0].all(b, a == b))";
    Api.Response tooCostly = analyst.post("/v1/rules/drafts", Api.json(draft(name, costly,
        "HOLD", "active")));
    assertThat(tooCostly.status()).as(tooCostly.body()).isEqualTo(422);
    assertThat(tooCostly.problemType()).endsWith("/rule-too-costly");
    assertThat(tooCostly.json().path("field").asString()).isEqualTo("expression");

    Map<String, Object> badScore = draft(name, "true", null, "shadow");
    badScore.put("score", 2.0);
    Api.Response score = analyst.post("/v1/rules/drafts", Api.json(badScore));
    assertThat(score.status()).as(score.body()).isEqualTo(400);
    assertThat(score.json().path("field").asString()).isEqualTo("score");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_drafts WHERE rule_name = :n")
        .param("n", name).query(Long.class).single()).isZero();
  }

  @Test
  void theProposerWithdrawsADraftAndItCanNoLongerBePublished() {
    Api analyst = person("ANALYST");
    String name = ruleName(id("withdrawn"));
    String draftId = analyst.post("/v1/rules/drafts", Api.json(draft(name, "false", "WARN",
        "shadow"))).json().path("draft_id").asString();
    Api.Response other = person("ANALYST").post("/v1/rules/drafts/" + draftId + "/withdraw",
        null);
    assertThat(other.status()).as(other.body()).isEqualTo(403);

    Api.Response withdrawn = analyst.post("/v1/rules/drafts/" + draftId + "/withdraw", null);
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().path("state").asString()).isEqualTo("withdrawn");
    Api.Response publish = person("SUPERVISOR").post("/v1/rules/drafts/" + draftId
        + "/publish", null);
    assertThat(publish.status()).as(publish.body()).isEqualTo(409);
    assertThat(admin().get("/v1/rules/" + name).status()).isEqualTo(404);
    assertThat(analyst.get("/v1/rules/drafts?state=proposed&limit=200").json().path("drafts")
        .findValuesAsString("draft_id")).doesNotContain(draftId);
  }

  @Test
  void aChangeProposedAgainstAVersionSinceChangedIsRefused() {
    String sender = id("overtaken");
    String name = ruleName(sender);
    String expression = "transfer.sender_account == '" + sender + "'";
    assertThat(admin().post("/v1/rules", Api.json(RulesIT.rule(name, expression, "WARN",
        "shadow"))).status()).isEqualTo(201);
    Api.Response proposed = person("ANALYST").post("/v1/rules/drafts", Api.json(draft(name,
        expression, "HOLD", "active")));
    assertThat(proposed.json().path("kind").asString()).isEqualTo("change");
    assertThat(proposed.json().path("base_version").asInt()).isEqualTo(1);
    assertThat(proposed.json().path("rule").path("version").asInt()).isEqualTo(2);
    assertThat(admin().put("/v1/rules/" + name, Api.json(RulesIT.rule(name, expression, "WARN",
        "disabled"))).status()).isEqualTo(200);

    Api.Response publish = person("SUPERVISOR").post("/v1/rules/drafts/"
        + proposed.json().path("draft_id").asString() + "/publish", null);
    assertThat(publish.status()).as(publish.body()).isEqualTo(409);
    assertThat(publish.json().path("detail").asString()).contains("changed after");
    assertThat(admin().get("/v1/rules/" + name).json().path("status").asString())
        .isEqualTo("disabled");
  }

  @Test
  void theBacktestReplaysRecentScreeningsAndAShadowRulesHitsAreCounted() {
    String sender = id("backtest");
    String name = ruleName(sender);
    String mine = "transfer.sender_account == '" + sender + "'";
    assertThat(admin().post("/v1/rules", Api.json(RulesIT.rule(name, mine, "BLOCK",
        "shadow"))).status()).isEqualTo(201);
    screen(sender, 900_00);
    screen(sender, 2_00);
    screen(sender, 3_00);

    Api analyst = person("ANALYST");
    Api.Response proposed = analyst.post("/v1/rules/drafts", Api.json(draft(name,
        mine + " && transfer.amount_minor > 50000", "HOLD", "active")));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    Api.Response r = analyst.get("/v1/rules/drafts/" + proposed.json().path("draft_id")
        .asString() + "/backtest");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode b = r.json();
    assertThat(b.path("read").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(b.path("row_limit").asInt()).isEqualTo(20_000);
    assertThat(b.path("hits").asLong()).as(b.toString()).isEqualTo(1);
    assertThat(b.path("hit_outcomes").get(0).path("outcome").asString()).isEqualTo("HOLD");
    assertThat(b.path("hit_outcomes").get(0).path("transfers").asLong()).isEqualTo(1);
    // Only this test's large payment changes: the live rules warn it at most, the draft holds.
    assertThat(b.path("changes").size()).as(b.toString()).isEqualTo(1);
    assertThat(b.path("changes").get(0).path("to").asString()).isEqualTo("HOLD");
    assertThat(b.path("changes").get(0).path("transfers").asLong()).isEqualTo(1);
    JsonNode shadow = b.path("shadow_hits");
    assertThat(shadow.path("rule").asString()).isEqualTo(name);
    assertThat(shadow.path("days").asInt()).isEqualTo(7);
    assertThat(shadow.path("hits").asLong()).as(b.toString()).isEqualTo(3);
  }
}
