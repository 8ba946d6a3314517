package io.holdfast.testidp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server,
 * started once in the test JVM on a random port of 127.0.0.1. Its clients and people, and the
 * groups the tokens name, are fixed here:
 * <ul>
 *   <li>client_credentials clients, each standing for one person of the API tests (a token's
 *       {@code sub} is the client id): {@code ann} and {@code bob} (analysts), {@code sue}
 *       (supervisors), {@code nora} (a group Holdfast does not map), and admins whose tokens
 *       are wrong in one way each, though signed with the provider's key: {@code other-app}
 *       (for another audience), {@code expired} (an hour ago), {@code elsewhere} (naming
 *       another issuer) and {@code timeless} (no expiry at all);</li>
 *   <li>the console's client {@link #CONSOLE_CLIENT} (authorization code, PKCE required), and
 *       the person {@code carol} (analysts), who signs in on the provider's own login form
 *       with {@link #PASSWORD}.</li>
 * </ul>
 * It lives outside {@code io.holdfast.server}, so the Holdfast contexts never scan it, and
 * reads no {@code application.properties} of theirs.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
public class TestIdentityProvider {
  public static final String AUDIENCE = "holdfast-api";
  public static final String CONSOLE_CLIENT = "holdfast-console";
  public static final String CONSOLE_SECRET = "console-secret-0123456789";
  public static final String PASSWORD = "idp-password-0123";
  public static final String CONSOLE_REDIRECT = "/console/login/oauth2/code/holdfast";
  public static final String OTHER_AUDIENCE_CLIENT = "other-app";
  public static final String EXPIRED_CLIENT = "expired";
  public static final String ELSEWHERE_CLIENT = "elsewhere";
  public static final String TIMELESS_CLIENT = "timeless";

  /** The groups claim of each person (a client id or a username). */
  static final Map<String, List<String>> GROUPS = Map.of(
      "ann", List.of("analysts"),
      "bob", List.of("analysts", "staff"),
      "sue", List.of("supervisors"),
      "nora", List.of("visitors"),
      OTHER_AUDIENCE_CLIENT, List.of("admins"),
      EXPIRED_CLIENT, List.of("admins"),
      ELSEWHERE_CLIENT, List.of("admins"),
      TIMELESS_CLIENT, List.of("admins"),
      "carol", List.of("analysts"));

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static ConfigurableApplicationContext running;
  private static String issuer;

  /** The provider's issuer URI, starting it on first use. */
  public static synchronized String issuer() {
    if (running == null) {
      running = new SpringApplicationBuilder(TestIdentityProvider.class)
          .run("--spring.config.name=holdfast-test-idp", "--server.port=0",
              "--server.address=127.0.0.1",
              // Holdfast's console and this provider share the host 127.0.0.1, where cookies
              // ignore the port: the provider's session cookie needs a name of its own.
              "--server.servlet.session.cookie.name=IDP_SESSION",
              // The console's template engine is on the class path too; the provider renders
              // no templates of its own but the engine must still start.
              "--gg.jte.use-precompiled-templates=true",
              "--spring.main.banner-mode=off");
      issuer = "http://127.0.0.1:"
          + running.getEnvironment().getRequiredProperty("local.server.port");
    }
    return issuer;
  }

  /**
   * An access token for {@code clientId} by the client credentials grant, asking for
   * {@code scopes} (none when empty).
   */
  public static String token(String clientId, String... scopes) {
    String form = "grant_type=client_credentials"
        + (scopes.length == 0 ? "" : "&scope=" + String.join("%20", scopes));
    String basic = Base64.getEncoder().encodeToString(
        (clientId + ":" + secret(clientId)).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token for " + clientId + ": " + response.statusCode()
            + " " + response.body());
      }
      return JSON.readTree(response.body()).path("access_token").asString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String secret(String clientId) {
    return "secret-of-" + clientId;
  }

  @Bean
  RegisteredClientRepository clients() {
    List<RegisteredClient> clients = new ArrayList<>();
    for (String id : List.of("ann", "bob", "sue", "nora", OTHER_AUDIENCE_CLIENT, EXPIRED_CLIENT,
        ELSEWHERE_CLIENT, TIMELESS_CLIENT)) {
      clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(id)
          .clientSecret("{noop}" + secret(id))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .scope("holdfast")
          // A platform's scope name: it must grant a person's token nothing.
          .scope("screen")
          .build());
    }
    clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(CONSOLE_CLIENT)
        .clientSecret("{noop}" + CONSOLE_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        // A loopback redirect URI matches on any port (RFC 8252, section 7.3), so Holdfast's
        // random port need not be known when the provider starts.
        .redirectUri("http://127.0.0.1" + CONSOLE_REDIRECT)
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder()
            .requireProofKey(true)
            .requireAuthorizationConsent(false)
            .build())
        .build());
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  UserDetailsService people() {
    return new InMemoryUserDetailsManager(
        User.withUsername("carol").password("{noop}" + PASSWORD).roles("USER").build());
  }

  /**
   * Puts the person's groups in their access and ID tokens, Holdfast's audience in the access
   * tokens of every client but {@link #OTHER_AUDIENCE_CLIENT}, and each flawed client's flaw
   * in its access tokens.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims() {
    OAuth2TokenType idToken = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
    return context -> {
      String who = context.getPrincipal().getName();
      String client = context.getRegisteredClient().getClientId();
      if (idToken.equals(context.getTokenType())) {
        context.getClaims().claim("groups", GROUPS.getOrDefault(who, List.of()));
        return;
      }
      if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      context.getClaims().claim("groups", GROUPS.getOrDefault(who, List.of()));
      if (!client.equals(OTHER_AUDIENCE_CLIENT) && !client.equals(CONSOLE_CLIENT)) {
        context.getClaims().audience(List.of(AUDIENCE));
      }
      if (client.equals(EXPIRED_CLIENT)) {
        Instant now = Instant.now();
        context.getClaims().issuedAt(now.minus(Duration.ofHours(2)))
            .notBefore(now.minus(Duration.ofHours(2)))
            .expiresAt(now.minus(Duration.ofHours(1)));
      }
      if (client.equals(ELSEWHERE_CLIENT)) {
        context.getClaims().issuer("https://elsewhere.example");
      }
      if (client.equals(TIMELESS_CLIENT)) {
        context.getClaims().claims(claims -> claims.remove("exp"));
      }
    };
  }
}
