package io.holdfast.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An administrator manages the people who run the programme over the API: adds them with
 * roles, lists them, disables them (refused from their next call), changes their roles and
 * resets passwords; weak passwords, unknown roles and taken names are refused before anything
 * is written; and every change is in the audit log with who made it, never a password.
 */
class UsersIT extends PostgresServerTest {
  static final String PASSWORD = "tidal-pine-orchard-73";
  @Autowired
  JdbcTemplate jdbc;

  private String newUser(String... roles) {
    String name = id("u").toLowerCase(Locale.ROOT);
    Api.Response r = admin().post("/v1/users", Api.json(Map.of("username", name,
        "password", PASSWORD, "roles", List.of(roles))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return name;
  }

  private Api as(String name, String password) {
    return Api.withUser(port(), name, password);
  }

  @Test
  void anAdministratorAddsAnAnalystWhoCanWorkButNotAdminister() {
    String name = id("analyst").toLowerCase(Locale.ROOT);
    Api.Response made = admin().post("/v1/users", Api.json(Map.of("username", name,
        "password", PASSWORD, "roles", List.of("analyst"))));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    JsonNode user = made.json();
    assertThat(user.path("username").asString()).isEqualTo(name);
    assertThat(user.path("roles").toString()).isEqualTo("[\"ANALYST\"]");
    assertThat(user.path("enabled").asBoolean()).isTrue();
    assertThat(user.path("created_by").asString()).isEqualTo("user:admin");
    assertThat(user.has("password")).isFalse();
    assertThat(user.has("password_hash")).isFalse();

    assertThat(as(name, PASSWORD).get("/v1/cases").status()).isEqualTo(200);
    assertThat(as(name, PASSWORD).get("/v1/users").status()).isEqualTo(403);
    assertThat(admin().get("/v1/users/" + name).json().path("username").asString())
        .isEqualTo(name);
    assertThat(admin().get("/v1/users/nobody-here").status()).isEqualTo(404);
  }

  @Test
  void badRequestsAreRefusedAndWriteNothing() {
    long before = count("SELECT COUNT(*) FROM users");
    expectInvalid(Map.of("username", id("u").toLowerCase(Locale.ROOT), "password", PASSWORD,
        "roles", List.of("ROOT")), "roles");
    expectInvalid(Map.of("username", id("u").toLowerCase(Locale.ROOT), "password", PASSWORD,
        "roles", List.of()), "roles");
    expectInvalid(Map.of("username", id("u").toLowerCase(Locale.ROOT), "password", "short",
        "roles", List.of("ANALYST")), "password");
    expectInvalid(Map.of("username", id("u").toLowerCase(Locale.ROOT), "password",
        "password1234567", "roles", List.of("ANALYST")), "password");
    expectInvalid(Map.of("username", "Not A Name!", "password", PASSWORD,
        "roles", List.of("ANALYST")), "username");
    Api.Response unknownField = admin().post("/v1/users", "{\"username\":\"x-y-z\","
        + "\"password\":\"" + PASSWORD + "\",\"roles\":[\"ANALYST\"],\"superuser\":true}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(admin().post("/v1/users", "not json").status()).isEqualTo(400);
    assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(before);

    String taken = newUser("ANALYST");
    Api.Response again = admin().post("/v1/users", Api.json(Map.of("username", taken,
        "password", PASSWORD, "roles", List.of("ANALYST"))));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("content-type")).startsWith("application/problem+json");
  }

  private void expectInvalid(Map<String, Object> body, String field) {
    Api.Response r = admin().post("/v1/users", Api.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.header("content-type")).startsWith("application/problem+json");
    assertThat(r.json().path("field").asString()).isEqualTo(field);
  }

  @Test
  void aDisabledUserIsRefusedFromTheirNextCallAndCanBeEnabledAgain() {
    String name = newUser("ANALYST");
    Api person = as(name, PASSWORD);
    assertThat(person.get("/v1/cases").status()).as("signed in (and the password cached)")
        .isEqualTo(200);
    Api.Response disabled = admin().patch("/v1/users/" + name, "{\"enabled\":false}");
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    assertThat(person.get("/v1/cases").status()).isEqualTo(401);
    assertThat(admin().patch("/v1/users/" + name, "{\"enabled\":true}").status())
        .isEqualTo(200);
    assertThat(person.get("/v1/cases").status()).isEqualTo(200);
  }

  @Test
  void rolesAreReplacedAndAnAuditorReadsButChangesNothing() {
    String name = newUser("ANALYST");
    Api.Response changed = admin().patch("/v1/users/" + name, "{\"roles\":[\"AUDITOR\"]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
    Api auditor = as(name, PASSWORD);
    assertThat(auditor.get("/v1/cases").status()).isEqualTo(200);
    assertThat(auditor.get("/v1/users").status()).as("auditors read who has access")
        .isEqualTo(200);
    assertThat(auditor.post("/v1/freezes", "{}").status()).isEqualTo(403);
    assertThat(auditor.patch("/v1/users/" + name, "{\"roles\":[\"ADMIN\"]}").status())
        .isEqualTo(403);
    assertThat(admin().patch("/v1/users/" + name, "{\"roles\":[\"NOPE\"]}").status())
        .isEqualTo(400);
    assertThat(admin().patch("/v1/users/" + name, "{}").status()).isEqualTo(400);
    assertThat(admin().patch("/v1/users/nobody-here", "{\"enabled\":false}").status())
        .isEqualTo(404);
  }

  @Test
  void anAgentWorksTheCallQueueOnly() {
    String name = newUser("AGENT");
    Api agent = as(name, PASSWORD);
    assertThat(agent.get("/v1/call-tasks").status()).isEqualTo(200);
    assertThat(agent.get("/v1/cases").status()).isEqualTo(403);
    assertThat(agent.post("/v1/call-tasks", "{}").status()).as("analysts open tasks")
        .isEqualTo(403);
  }

  @Test
  void aPasswordResetReplacesTheOldPasswordAndAWeakOneChangesNothing() {
    String name = newUser("ANALYST");
    String next = "copper-violet-summit-88";
    assertThat(as(name, PASSWORD).get("/v1/cases").status()).isEqualTo(200);
    Api.Response weak = admin().patch("/v1/users/" + name,
        "{\"password\":\"qwertyuiopasdfgh\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().path("field").asString()).isEqualTo("password");
    assertThat(as(name, PASSWORD).get("/v1/cases").status()).isEqualTo(200);

    Api.Response reset = admin().patch("/v1/users/" + name, "{\"password\":\"" + next + "\"}");
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.json().path("password_changed_at").isMissingNode()).isFalse();
    assertThat(as(name, PASSWORD).get("/v1/cases").status()).isEqualTo(401);
    assertThat(as(name, next).get("/v1/cases").status()).isEqualTo(200);
  }

  @Test
  void everyChangeIsAuditedWithItsAuthorAndNeverAPassword() {
    String name = newUser("ANALYST");
    admin().patch("/v1/users/" + name, "{\"enabled\":false}");
    admin().patch("/v1/users/" + name, "{\"roles\":[\"SUPERVISOR\"],\"enabled\":true}");
    admin().patch("/v1/users/" + name, "{\"password\":\"copper-violet-summit-88\"}");
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT actor, action, before_state,"
        + " after_state FROM audit_log WHERE entity_type = 'user' AND entity_id = ? ORDER BY audit_id",
        name);
    assertThat(rows).extracting(r -> r.get("action")).containsExactly("user.created",
        "user.disabled", "user.enabled", "user.roles_changed", "user.password_set");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("user:admin"));
    assertThat(rows.toString()).doesNotContain(PASSWORD).doesNotContain("copper-violet")
        .doesNotContain("{bcrypt}");
    assertThat(rows.get(3).get("after_state").toString()).contains("SUPERVISOR");
  }

  @Test
  void usersAreListedInPages() {
    newUser("ANALYST");
    newUser("ANALYST");
    JsonNode first = admin().get("/v1/users?limit=1").json();
    assertThat(first.path("users").size()).isEqualTo(1);
    String next = first.path("next_after").asString();
    assertThat(next).isNotEmpty();
    JsonNode second = admin().get("/v1/users?limit=1&after=" + next).json();
    assertThat(second.path("users").get(0).path("username").asString()).isGreaterThan(next);
    assertThat(admin().get("/v1/users?limit=0").status()).isEqualTo(400);
    assertThat(admin().get("/v1/users?limit=501").status()).isEqualTo(400);
  }

  @Test
  void theRolesAndScopesAreListedWithWhatEachIsFor() {
    JsonNode roles = admin().get("/v1/roles").json();
    assertThat(roles.path("roles").toString()).contains("AUDITOR").contains("AGENT");
    assertThat(roles.path("scopes").toString()).contains("screen").contains("prevention");
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
