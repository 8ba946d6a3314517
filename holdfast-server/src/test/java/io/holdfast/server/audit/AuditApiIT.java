package io.holdfast.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** GET /v1/audit: auditors read typed entries, filtered and paged; others are refused. */
class AuditApiIT extends PostgresServerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PasswordEncoder encoder;

  private Api person(String roles) {
    String name = id("audit-reader");
    jdbc.update("INSERT INTO users (username, password_hash, roles, created_at)"
        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)", name, encoder.encode("pw-" + name), roles);
    return Api.withUser(port(), name, "pw-" + name);
  }

  private void row(Instant at, String actor, String action, String entityId, String before,
      String after) {
    jdbc.update("INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_state,"
        + " after_state, reason) VALUES (?, ?, ?, 'widget', ?, ?, ?, 'a test')",
        Timestamp.from(at), actor, action, entityId, before, after);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(e -> ids.add(e.path("entity_id").asString() + "@"
        + e.path("action").asString()));
    return ids;
  }

  @Test
  void anAuditorReadsTypedEntriesWithStatesParsedWhenTheyAreJson() {
    String widget = id("w");
    String actor = "user:" + id("actor");
    row(T0, actor, "widget.created", widget, null, "{\"size\":3,\"tags\":[\"a\"]}");
    row(T0.plusSeconds(1), actor, "widget.moved", widget, "OPEN", "{not json");
    JsonNode page = person("AUDITOR").get("/v1/audit?entity_type=widget&entity_id=" + widget)
        .json();
    JsonNode created = page.path("items").get(0);
    assertThat(created.path("id").isNumber()).isTrue();
    assertThat(created.path("at").asString()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(created.path("actor").asString()).isEqualTo(actor);
    assertThat(created.path("action").asString()).isEqualTo("widget.created");
    assertThat(created.path("entity_type").asString()).isEqualTo("widget");
    assertThat(created.path("entity_id").asString()).isEqualTo(widget);
    assertThat(created.has("before")).as("no state before").isFalse();
    assertThat(created.path("after").path("size").asInt()).as("parsed").isEqualTo(3);
    assertThat(created.path("after").path("tags").get(0).asString()).isEqualTo("a");
    assertThat(created.path("reason").asString()).isEqualTo("a test");
    JsonNode moved = page.path("items").get(1);
    assertThat(moved.path("before").isString()).isTrue();
    assertThat(moved.path("before").asString()).isEqualTo("OPEN");
    assertThat(moved.path("after").asString()).as("not JSON: the text").isEqualTo("{not json");
    assertThat(page.has("next_after")).as("the last page").isFalse();
  }

  @Test
  void pagesFollowEachOtherOldestFirstAndFiltersNarrowThem() {
    String widget = id("w");
    String actor = "user:" + id("actor");
    for (int i = 0; i < 5; i++) {
      row(T0.plusSeconds(60L * i), i % 2 == 0 ? actor : "system",
          i < 3 ? "widget.turned" : "widgetry.done", widget, null, null);
    }
    Api auditor = person("AUDITOR");
    String base = "/v1/audit?entity_type=widget&entity_id=" + widget;
    JsonNode first = auditor.get(base + "&limit=2").json();
    assertThat(ids(first)).containsExactly(widget + "@widget.turned", widget + "@widget.turned");
    long next = first.path("next_after").asLong();
    assertThat(next).isEqualTo(first.path("items").get(1).path("id").asLong());
    JsonNode second = auditor.get(base + "&limit=2&after=" + next).json();
    assertThat(ids(second)).containsExactly(widget + "@widget.turned", widget + "@widgetry.done");
    assertThat(second.path("items").get(0).path("id").asLong()).isGreaterThan(next);
    JsonNode third = auditor.get(base + "&limit=2&after=" + second.path("next_after").asLong())
        .json();
    assertThat(third.path("items")).hasSize(1);
    assertThat(third.has("next_after")).isFalse();

    assertThat(auditor.get(base + "&action=widget.").json().path("items"))
        .as("a prefix, not a pattern: widgetry is another word").hasSize(3);
    assertThat(auditor.get(base + "&action=widgetry").json().path("items")).hasSize(2);
    assertThat(auditor.get("/v1/audit?actor=" + actor).json().path("items")).hasSize(3);
    assertThat(auditor.get(base + "&since=2026-03-01T10:01:00Z&until=2026-03-01T10:03:00Z")
        .json().path("items")).as("since inclusive, until exclusive").hasSize(2);
    assertThat(auditor.get(base + "&since=2026-03-01T11:01:00%2B01:00").json().path("items"))
        .as("an offset").hasSize(4);
  }

  @Test
  void aSearchByTimePagesInTimeOrderAndMissesNoEntryWrittenOutOfIdOrder() {
    String widget = id("w");
    // Ids and times disagree: the second row written is the earliest.
    row(T0.plusSeconds(120), "system", "widget.b", widget, null, null);
    row(T0.plusSeconds(60), "system", "widget.a", widget, null, null);
    row(T0.plusSeconds(180), "system", "widget.c", widget, null, null);
    Api auditor = person("AUDITOR");
    String base = "/v1/audit?entity_type=widget&entity_id=" + widget
        + "&since=2026-03-01T10:00:30Z&limit=1";
    List<String> seen = new ArrayList<>();
    String page = base;
    for (int i = 0; i < 4; i++) {
      JsonNode body = auditor.get(page).json();
      body.path("items").forEach(e -> seen.add(e.path("action").asString()));
      if (!body.has("next_after")) {
        break;
      }
      page = base + "&after=" + body.path("next_after").asLong();
    }
    assertThat(seen).containsExactly("widget.a", "widget.b", "widget.c");
    assertThat(ids(auditor.get("/v1/audit?entity_type=widget&entity_id=" + widget
        + "&until=2026-03-01T10:02:30Z").json())).as("until alone is a time search too")
        .containsExactly(widget + "@widget.a", widget + "@widget.b");
    Api.Response unknown = auditor.get(base + "&after=" + Long.MAX_VALUE);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("field").asString()).isEqualTo("after");
  }

  @Test
  void anAdministratorMayReadItAndAnAnalystMayNot() {
    assertThat(admin().get("/v1/audit?limit=1").status()).isEqualTo(200);
    Api.Response analyst = person("ANALYST").get("/v1/audit");
    assertThat(analyst.status()).isEqualTo(403);
    assertThat(analyst.problemType()).endsWith("/forbidden");
    assertThat(person("SUPERVISOR").get("/v1/audit").status()).isEqualTo(403);
  }

  @Test
  void badParametersAreRefusedNamingTheField() {
    Api auditor = person("AUDITOR");
    String[][] cases = {
        {"limit=0", "limit"}, {"limit=501", "limit"}, {"limit=ten", "limit"},
        {"after=-1", "after"}, {"after=x", "after"}, {"since=yesterday", "since"},
        {"since=2026-03-01T10:00:00", "since"}, {"until=3000-01-01T00:00:00Z", "until"},
        {"since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z", "until"},
        {"entity_id=w-1", "entity_id"}, {"action=AUTH%25", "action"}, {"actor=", "actor"},
        {"entityType=user", "entityType"}, {"limit=1&limit=2", "limit"},
        {"actor=" + "x".repeat(201), "actor"}};
    for (String[] c : cases) {
      Api.Response r = auditor.get("/v1/audit?" + c[0]);
      assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.json().path("field").asString()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(auditor.get("/v1/audit?limit=500").status()).isEqualTo(200);
  }
}
