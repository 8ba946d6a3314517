package io.holdfast.server.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.holdfast.server.security.Actor;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.testidp.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on against a real OpenID Connect provider ({@link TestIdentityProvider}, Spring
 * Authorization Server in this JVM): its JWTs on the API, beside API keys, with roles mapped
 * from their groups claim; and OAuth2 login on the console's own chain, through the provider's
 * real login form.
 */
class SingleSignOnIT extends PostgresServerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCAM_STORY = "I met him on Telegram, he said he was a crypto"
      + " trader and showed me his profits. He promised guaranteed returns of 30% a week on his"
      + " investment platform. I sent USDT to the account he gave me. Now the platform says I"
      + " must pay a withdrawal fee and tax before I can take my money out, and he stopped"
      + " answering. I think it was a scam and I lost everything.";
  private static final String CONFIRM = "{\"decision\":\"confirm\",\"note\":\"same script\"}";

  @Autowired
  JdbcClient jdbc;

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry registry) {
    registry.add("holdfast.oidc.issuer-uri", TestIdentityProvider::issuer);
    registry.add("holdfast.oidc.audience", () -> TestIdentityProvider.AUDIENCE);
    registry.add("holdfast.oidc.client-id", () -> TestIdentityProvider.CONSOLE_CLIENT);
    registry.add("holdfast.oidc.client-secret", () -> TestIdentityProvider.CONSOLE_SECRET);
    registry.add("holdfast.oidc.role-map.analysts", () -> "ANALYST");
    registry.add("holdfast.oidc.role-map.supervisors", () -> "SUPERVISOR");
    registry.add("holdfast.oidc.role-map.admins", () -> "ADMIN");
  }

  private Api person(String client) {
    return Api.withKey(port(), TestIdentityProvider.token(client, "holdfast"));
  }

  @Test
  void anAnalystsTokenReadsAnalystRoutesAndNoOthers() {
    Api ann = person("ann");
    Api.Response cases = ann.get("/v1/cases");
    assertThat(cases.status()).as(cases.body()).isEqualTo(200);
    Api.Response admin = ann.get("/v1/webhooks/deliveries");
    assertThat(admin.status()).as(admin.body()).isEqualTo(403);
    assertThat(admin.problemType()).endsWith("/forbidden");
    assertThat(ann.post("/v1/rules", "{}").status()).as("a supervisor's route").isEqualTo(403);

    Api sue = person("sue");
    assertThat(sue.get("/v1/cases").status()).as("a supervisor is an analyst too")
        .isEqualTo(200);
    assertThat(sue.get("/v1/webhooks/deliveries").status()).isEqualTo(403);
  }

  @Test
  void aTokensScopesAreNotApiKeyScopes() {
    Api ann = Api.withKey(port(), TestIdentityProvider.token("ann", "screen"));
    Api.Response screen = ann.post("/v1/transfers/screen", Api.json(Map.of(
        "transfer_id", id("t"), "sender_account", id("s"), "recipient_account", id("r"),
        "amount_minor", 100, "currency", "USD", "channel", "p2p")));
    assertThat(screen.status()).as(screen.body()).isEqualTo(403);
    assertThat(screen.problemType()).endsWith("/forbidden");
  }

  @Test
  void anUnmappedGroupAuthenticatesButMayCallNothing() {
    Api nora = person("nora");
    for (String path : List.of("/v1/cases", "/v1/holds", "/v1/webhooks/deliveries")) {
      Api.Response r = nora.get(path);
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(403);
      assertThat(r.problemType()).endsWith("/forbidden");
    }
    assertThat(nora.get("/actuator/health").status()).as("public routes stay public")
        .isEqualTo(200);
  }

  @Test
  void tokensThatAreNotForHoldfastAreRefused() throws Exception {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("expired", TestIdentityProvider.token(TestIdentityProvider.EXPIRED_CLIENT,
        "holdfast"));
    bad.put("for another audience", TestIdentityProvider.token(
        TestIdentityProvider.OTHER_AUDIENCE_CLIENT, "holdfast"));
    bad.put("naming another issuer", TestIdentityProvider.token(
        TestIdentityProvider.ELSEWHERE_CLIENT, "holdfast"));
    bad.put("without an expiry", TestIdentityProvider.token(
        TestIdentityProvider.TIMELESS_CLIENT, "holdfast"));
    RSAKey foreign = new RSAKeyGenerator(2048).keyID(issuerKeyId()).generate();
    bad.put("signed with another key under the issuer's key id",
        signed(foreign, TestIdentityProvider.issuer()));
    bad.put("from another issuer, with its key", signed(foreign, "http://127.0.0.1:9/other"));
    bad.put("unsigned", "eyJhbGciOiJub25lIn0." + base64Url("{\"iss\":\""
        + TestIdentityProvider.issuer() + "\",\"aud\":\"holdfast-api\",\"sub\":\"mallory\","
        + "\"groups\":[\"admins\"],\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
        + ".");
    bad.put("not a token at all", "eyJub3QiOiJhIHRva2VuIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    bad.forEach((what, token) -> {
      Api.Response r = Api.withKey(port(), token).get("/v1/cases");
      assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(401);
      assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
      assertThat(r.problemType()).as(what).endsWith("/unauthenticated");
    });
    assertThat(detail(bad.get("expired"))).contains("expired");
    assertThat(detail(bad.get("for another audience"))).contains("aud");
    assertThat(detail(bad.get("naming another issuer"))).contains("iss");
    assertThat(detail(bad.get("without an expiry"))).contains("exp");
    assertThat(detail(bad.get("signed with another key under the issuer's key id")))
        .contains("signature");
  }

  @Test
  void theApiPublishesWhoseTokensItTakes() {
    Api.Response metadata = anonymous().get("/.well-known/oauth-protected-resource");
    assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
    assertThat(metadata.json().path("authorization_servers").get(0).asString())
        .isEqualTo(TestIdentityProvider.issuer());
  }

  @Test
  void apiKeysStillWorkBesideTokens() {
    JsonNode decision = screenPayment(id("t"), id("s"), id("r"), 1_000);
    assertThat(decision.path("outcome").asString()).isNotEmpty();
    assertThat(Api.withKey(port(), "not-a-key").get("/v1/rules").status()).isEqualTo(401);
    assertThat(admin().get("/v1/rules").status()).as("and so do passwords").isEqualTo(200);
  }

  @Test
  void aChangeMadeWithATokenIsAuditedUnderThePersonsSsoName() {
    String caseId = reportedCase();
    Api.Response asked = person("ann").post("/v1/cases/" + caseId + "/decision", CONFIRM);
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(asked.json().path("confirmation_requested_by").asString()).isEqualTo("oidc:ann");
    assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = :a AND entity_id = :e")
        .param("a", "case.confirmation_requested").param("e", caseId)
        .query(String.class).list()).containsExactly("oidc:ann");
  }

  @Test
  void oneSsoPersonCannotRequestAndApproveButTwoCan() {
    String caseId = reportedCase();
    assertThat(person("ann").post("/v1/cases/" + caseId + "/decision", CONFIRM).status())
        .isEqualTo(200);
    Api.Response own = person("ann").post("/v1/cases/" + caseId + "/decision/approve", null);
    assertThat(own.status()).as("a fresh token of the same person: " + own.body())
        .isEqualTo(403);
    assertThat(own.problemType()).endsWith("/second-person-required");

    Api.Response approved = person("bob").post("/v1/cases/" + caseId + "/decision/approve",
        null);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("state").asString()).isEqualTo("confirmed");
    assertThat(approved.json().path("decided_by").asString()).isEqualTo("oidc:bob");
  }

  @Test
  void theConsoleSignsAPersonInThroughTheProvidersLoginForm() {
    Browser browser = new Browser();
    String base = "http://127.0.0.1:" + port();
    HttpResponse<String> form = browser.get(base + "/console/holds");
    assertThat(form.uri().getPath()).as("sent to the console's sign-in page")
        .isEqualTo("/console/login");
    assertThat(form.body()).contains(OidcLogin.LOGIN_PATH);
    HttpResponse<String> loginPage = browser.get(base + OidcLogin.LOGIN_PATH);
    assertThat(loginPage.uri().toString())
        .as("sent to the provider to sign in: %s %s", loginPage.statusCode(), loginPage.body())
        .startsWith(TestIdentityProvider.issuer() + "/login");
    URI authorize = Browser.trail(loginPage).stream()
        .filter(u -> u.getPath().equals("/oauth2/authorize")).findFirst().orElseThrow();
    assertThat(authorize.getQuery()).contains("code_challenge_method=S256", "code_challenge=",
        "nonce=", "client_id=" + TestIdentityProvider.CONSOLE_CLIENT);

    HttpResponse<String> signedIn = browser.post(TestIdentityProvider.issuer() + "/login",
        Map.of("username", "carol", "password", TestIdentityProvider.PASSWORD,
            "_csrf", Browser.csrfToken(loginPage.body()).orElseThrow()));
    assertThat(signedIn.statusCode()).as(signedIn.uri() + " " + signedIn.body())
        .isEqualTo(200);
    assertThat(signedIn.uri().getPath()).as("back on the page first asked for")
        .isEqualTo("/console/holds");
    assertThat(signedIn.body()).as("the console names the person and their mapped roles only")
        .contains("oidc:carol (AGENT, ANALYST)").doesNotContain("ADMIN")
        .doesNotContain("SUPERVISOR");

    HttpResponse<String> again = browser.get(base + "/console/holds");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Browser.trail(again)).as("the session holds; no trip to the provider")
        .hasSize(1);
    HttpResponse<String> api = browser.get(base + "/v1/cases");
    assertThat(api.statusCode()).as("the API chain takes no session cookie").isEqualTo(401);
  }

  @Test
  void aWrongPasswordAtTheProviderSignsNobodyIn() {
    Browser browser = new Browser();
    HttpResponse<String> loginPage = browser.get("http://127.0.0.1:" + port()
        + OidcLogin.LOGIN_PATH);
    HttpResponse<String> refused = browser.post(TestIdentityProvider.issuer() + "/login",
        Map.of("username", "carol", "password", "wrong-password",
            "_csrf", Browser.csrfToken(loginPage.body()).orElseThrow()));
    assertThat(refused.uri().toString()).startsWith(TestIdentityProvider.issuer() + "/login");
    assertThat(refused.uri().getQuery()).contains("error");
  }

  private String detail(String token) {
    return Api.withKey(port(), token).get("/v1/cases").json().path("detail").asString();
  }

  /** The key id the provider signs with, from its published key set. */
  private static String issuerKeyId() throws Exception {
    JWKSet keys = JWKSet.load(URI.create(TestIdentityProvider.issuer() + "/oauth2/jwks").toURL());
    return keys.getKeys().get(0).getKeyID();
  }

  /** A token naming an admin, for Holdfast's audience, signed with {@code key}. */
  private static String signed(RSAKey key, String issuer) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer).audience(TestIdentityProvider.AUDIENCE).subject("mallory")
        .claim("groups", List.of("admins"))
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(1, ChronoUnit.HOURS)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String base64Url(String json) {
    return java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A case opened by a paying victim's report (as the recovery suites make them). */
  private String reportedCase() {
    String scammer = id("scam");
    account(scammer, Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    String victim = id("victim");
    account(victim, Instant.now().minus(2000, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    String transferId = id("t");
    JsonNode decision = screenPayment(transferId, victim, scammer, 50_000);
    if (decision.path("outcome").asString().equals("HOLD")) {
      String holdId = decision.path("hold").path("hold_id").asString();
      assertThat(admin().post("/v1/holds/" + holdId + "/release", "{\"note\":\"test: settle\"}")
          .status()).isEqualTo(200);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("reporter_account", victim);
    report.put("transfer_ids", List.of(transferId));
    report.put("scam_type", "investment");
    report.put("narrative", SCAM_STORY);
    report.put("contact_channel", "telegram");
    Api.Response r = platform().post("/v1/reports", Api.json(report));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("case_id").asString();
  }
}
