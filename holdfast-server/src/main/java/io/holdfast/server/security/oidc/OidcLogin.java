package io.holdfast.server.security.oidc;

import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.Problems;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.function.SingletonSupplier;

/**
 * The console's half of single sign-on: OAuth2 login (the authorization code flow with PKCE)
 * at the configured issuer, for a session-based filter chain under {@code /console}. The
 * person is named and given roles exactly as an API token would name them ({@link SsoClaims}
 * on the ID token and user info), so one person is one actor whichever way they come in.
 *
 * <p>The console's chain calls {@link #configure(HttpSecurity)}; its sign-in page links to
 * {@link #LOGIN_PATH}, which sends the person to the issuer and back to {@link #REDIRECT_PATH}. The registration is read from
 * the issuer's discovery document on the first sign-in, so the server starts while the issuer
 * is down. Only present when {@code holdfast.oidc.client-id} is set.
 */
public final class OidcLogin {
  public static final String REGISTRATION_ID = "holdfast";
  /** Where a sign-in starts: it redirects to the issuer. */
  public static final String AUTHORIZATION_PATH = "/console/oauth2/authorization";
  public static final String LOGIN_PATH = AUTHORIZATION_PATH + "/" + REGISTRATION_ID;
  /** Where the issuer sends the person back; the client registered there names this URI. */
  public static final String REDIRECT_PATH = "/console/login/oauth2/code/" + REGISTRATION_ID;

  private final ClientRegistrationRepository registrations;
  private final OAuth2UserService<OidcUserRequest, OidcUser> users;

  OidcLogin(OidcProperties properties, SsoClaims claims) {
    Supplier<ClientRegistration> registration =
        SingletonSupplier.of(() -> registration(properties));
    this.registrations = id -> REGISTRATION_ID.equals(id) ? registration.get() : null;
    this.users = new SsoUsers(claims);
  }

  private static ClientRegistration registration(OidcProperties properties) {
    boolean secret = !properties.clientSecret().isEmpty();
    return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
        .registrationId(REGISTRATION_ID)
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .clientAuthenticationMethod(secret ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
            : ClientAuthenticationMethod.NONE)
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
        .scope(properties.scopes())
        .redirectUri("{baseUrl}" + REDIRECT_PATH.replace(REGISTRATION_ID, "{registrationId}"))
        .build();
  }

  public ClientRegistrationRepository registrations() {
    return registrations;
  }

  /** Loads the signed-in person with Holdfast's name and roles ({@link SsoClaims}). */
  public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
    return users;
  }

  /**
   * Adds OAuth2 login to a session-based console chain: sign-in starts at {@link #LOGIN_PATH}
   * (linked from the console's sign-in page), and a sign-in the issuer or Holdfast
   * refuses answers 401 as a problem rather than looping back to the issuer.
   */
  public void configure(HttpSecurity http) throws Exception {
    http.oauth2Login(login -> login
        .clientRegistrationRepository(registrations)
        // The issuer's tokens for a person live in their session and end with it, rather than
        // in a server-wide map that grows with every person who ever signed in.
        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
        // The console's own sign-in page offers both: a local password, or this sign-on.
        .loginPage("/console/login")
        .defaultSuccessUrl("/console", false)
        .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION_PATH))
        .redirectionEndpoint(endpoint ->
            endpoint.baseUri(REDIRECT_PATH.replace(REGISTRATION_ID, "*")))
        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
        .failureHandler((request, response, e) -> Problems.write(response,
            ProblemType.UNAUTHENTICATED, "single sign-on failed: " + e.getMessage())));
  }

  /** Spring's OIDC user service, with the person's name and roles taken as Holdfast's. */
  private static final class SsoUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private final OidcUserService delegate = new OidcUserService();
    private final SsoClaims claims;

    SsoUsers(SsoClaims claims) {
      this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
      OidcUser user = delegate.loadUser(request);
      String name = claims.username(user.getClaims()).orElseThrow(() ->
          new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token",
              "the '" + claims.usernameClaim() + "' claim, which names the person, is missing"
                  + " or not a usable name", null)));
      return new SsoUser(claims.authorities(user.getClaims()), user.getIdToken(),
          user.getUserInfo(), name);
    }
  }

  /**
   * A signed-in person: the issuer's claims, Holdfast's roles alone (no {@code OIDC_USER} or
   * {@code SCOPE_} authorities, which would read as API-key scopes) and the configured name.
   */
  static final class SsoUser extends DefaultOidcUser {
    private static final long serialVersionUID = 1L;
    private final String name;

    SsoUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
        OidcUserInfo userInfo, String name) {
      super(authorities, idToken, userInfo);
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SsoUser user && super.equals(user) && name.equals(user.name);
    }

    @Override
    public int hashCode() {
      return super.hashCode() * 31 + name.hashCode();
    }
  }
}
