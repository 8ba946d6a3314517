package io.holdfast.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every route the server maps has an explicit rule in {@link RouteRules}; without credentials
 * every protected route answers 401, and a key without the route's scope answers 403.
 */
class AuthorizationIT extends PostgresServerTest {
  @Autowired
  ApplicationContext context;

  @Autowired
  ApiKeys apiKeys;

  record Route(HttpMethod method, String pattern) {}

  List<Route> mappedRoutes() {
    List<Route> routes = new ArrayList<>();
    for (RequestMappingInfoHandlerMapping mapping
        : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<String> patterns = info.getPatternValues();
        var methods = info.getMethodsCondition().getMethods();
        for (String pattern : patterns) {
          if (methods.isEmpty()) {
            routes.add(new Route(HttpMethod.GET, pattern));
          }
          methods.forEach(m -> routes.add(new Route(HttpMethod.valueOf(m.name()), pattern)));
        }
      }
    }
    return routes;
  }

  static boolean covered(Route route) {
    var parser = new PathPatternParser();
    String concrete = route.pattern().replaceAll("\\{[^}]+}", "x");
    return RouteRules.all().stream().anyMatch(rule -> (rule.method() == null
            || rule.method().equals(route.method()))
        && parser.parse(rule.pattern()).matches(
            org.springframework.http.server.PathContainer.parsePath(concrete)));
  }

  @Test
  void everyMappedRouteHasAnExplicitRule() {
    List<Route> routes = mappedRoutes();
    assertThat(routes).extracting(Route::pattern).contains("/v1/transfers/screen", "/v1/rules");
    assertThat(routes).filteredOn(r -> !covered(r)).isEmpty();
  }

  @Test
  void protectedRoutesNeedCredentials() {
    for (RouteRule rule : RouteRules.all()) {
      if (rule.isPublic()) {
        continue;
      }
      String path = rule.pattern().replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
      Api.Response r = anonymous().send(rule.method().name(), path,
          rule.method() == HttpMethod.GET ? null : "{}", "application/json", Map.of());
      if (path.startsWith("/console")) {
        // A person's browser is sent to sign in; a change without a session's form token is
        // refused before anything else is looked at.
        if (rule.method() == HttpMethod.GET) {
          assertThat(r.status()).as(rule.method() + " " + path).isEqualTo(302);
          assertThat(r.header("Location")).endsWith("/console/login");
        } else {
          assertThat(r.status()).as(rule.method() + " " + path).isEqualTo(403);
        }
        continue;
      }
      assertThat(r.status()).as(rule.method() + " " + path).isEqualTo(401);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void aWrongKeyIsRejectedAndAKeyIsLimitedToItsScopes() {
    Api bad = Api.withKey(port(), "not-a-key");
    assertThat(bad.get("/v1/rules").status()).isEqualTo(401);
    String secret = id("secret");
    apiKeysCreate(secret, List.of("ingest"));
    Api ingestOnly = Api.withKey(port(), secret);
    Api.Response screen = ingestOnly.post("/v1/transfers/screen", "{}");
    assertThat(screen.status()).isEqualTo(403);
    assertThat(screen.problemType()).endsWith("/forbidden");
    assertThat(ingestOnly.put("/v1/accounts/" + id("a"),
        "{\"created_at\":\"2025-01-01T00:00:00Z\"}").status()).isEqualTo(201);
  }

  @Test
  void aKeyTriedBeforeItExistedWorksAsSoonAsItIsCreated() {
    String secret = id("secret");
    Api early = Api.withKey(port(), secret);
    String account = "/v1/accounts/" + id("a");
    String body = "{\"created_at\":\"2025-01-01T00:00:00Z\"}";
    assertThat(early.put(account, body).status()).as("not a key yet").isEqualTo(401);
    apiKeysCreate(secret, List.of("ingest"));
    assertThat(early.put(account, body).status()).as("the cached miss is gone").isEqualTo(201);
  }

  @Test
  void anAnalystCanReadRulesButNotChangeThem() {
    String analyst = id("analyst");
    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
            "INSERT INTO users (username, password_hash, roles, created_at)"
                + " VALUES (:u, :p, 'ANALYST', CURRENT_TIMESTAMP)")
        .param("u", analyst)
        .param("p", context.getBean(org.springframework.security.crypto.password.PasswordEncoder
            .class).encode("analyst-pw"))
        .update();
    Api asAnalyst = Api.withUser(port(), analyst, "analyst-pw");
    assertThat(asAnalyst.get("/v1/rules").status()).isEqualTo(200);
    Api.Response change = asAnalyst.post("/v1/rules", "{}");
    assertThat(change.status()).isEqualTo(403);
    assertThat(asAnalyst.post("/v1/transfers/screen", "{}").status()).isEqualTo(403);
    Api.Response wrongPassword = Api.withUser(port(), "admin", "nope").get("/v1/rules");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(admin().get("/v1/rules").status()).isEqualTo(200);
    assertThat(platform().get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous().get("/v1/nothing-here").status()).isEqualTo(401);
  }

  @Test
  void keysAreStoredAsAKeyedHashAndOldDigestsAreRehashedOnFirstUse() throws Exception {
    var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    String secret = id("secret");
    String keyId = id("key");
    context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
        .executeWithoutResult(s -> apiKeys.create(keyId, "test", secret, List.of("ingest")));
    assertThat(storedHash(jdbc, keyId)).as("not the unsalted digest of the key")
        .isNotEqualTo(sha256(secret)).hasSize(64);

    String old = id("old-secret");
    String oldId = id("key");
    jdbc.sql("INSERT INTO api_keys (key_id, name, key_hash, scopes, created_at)"
            + " VALUES (:id, 'written before the pepper', :h, 'ingest', CURRENT_TIMESTAMP)")
        .param("id", oldId).param("h", sha256(old)).update();
    String account = "/v1/accounts/" + id("a");
    assertThat(Api.withKey(port(), old).put(account, "{\"created_at\":\"2025-01-01T00:00:00Z\"}")
        .status()).as("an old row still verifies").isEqualTo(201);
    assertThat(storedHash(jdbc, oldId)).as("and is rehashed").isNotEqualTo(sha256(old))
        .hasSize(64);
  }

  @Test
  void aPasswordStoredInTheClearIsRefused() {
    String user = id("plain");
    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
            "INSERT INTO users (username, password_hash, roles, created_at)"
                + " VALUES (:u, '{noop}plain-password-123', 'ANALYST', CURRENT_TIMESTAMP)")
        .param("u", user).update();
    Api.Response r = Api.withUser(port(), user, "plain-password-123").get("/v1/rules");
    assertThat(r.status()).as(r.body()).isEqualTo(401);
  }

  @Test
  void withoutAnIssuerNothingOfSingleSignOnIsActive() {
    assertThat(context.getBeanNamesForType(io.holdfast.server.security.oidc.SsoBearer.class))
        .isEmpty();
    assertThat(context.getBeanNamesForType(io.holdfast.server.security.oidc.OidcLogin.class))
        .isEmpty();
    Api.Response jwt = Api.withKey(port(), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2ln")
        .get("/v1/rules");
    assertThat(jwt.status()).isEqualTo(401);
    assertThat(jwt.json().path("detail").asString()).contains("single sign-on is not configured");
    assertThat(anonymous().get("/.well-known/oauth-protected-resource").status())
        .as("no token metadata is published").isEqualTo(404);
  }

  @Test
  void noApiKeyHasTheShapeOfAToken() {
    String jwtShaped = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJrZXkifQ." + id("sig");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> apiKeysCreate(jwtShaped,
        List.of("ingest"))).isInstanceOf(IllegalArgumentException.class);
  }

  private static String storedHash(org.springframework.jdbc.core.simple.JdbcClient jdbc,
      String keyId) {
    return jdbc.sql("SELECT key_hash FROM api_keys WHERE key_id = :id").param("id", keyId)
        .query(String.class).single();
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private void apiKeysCreate(String secret, List<String> scopes) {
    org.springframework.transaction.support.TransactionTemplate tx =
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
    tx.executeWithoutResult(s -> apiKeys.create(id("key"), "test", secret, scopes));
  }
}
