package io.holdfast.server.security.oidc;

import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.security.BearerTokens;
import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * The API's half of single sign-on: {@code Authorization: Bearer <JWT>} from the configured
 * issuer, beside the API keys sent the same way ({@link BearerTokens} tells them apart). A
 * token is accepted when its signature verifies against the issuer's published keys (found
 * through its discovery document, on the first token rather than at start, so the server
 * starts while the issuer is down), its {@code iss} is the issuer, its {@code aud} holds the
 * configured audience, and it has an expiry that has not passed. The person is named by the
 * username claim and granted the roles {@link SsoClaims} maps; the token's scopes grant
 * nothing, so a token never acts as an API key.
 */
public final class SsoBearer {
  private static final Logger LOG = LoggerFactory.getLogger(SsoBearer.class);
  /** Access tokens are typed JWT by most issuers, at+jwt by those following RFC 9068. */
  private static final List<String> TOKEN_TYPES = List.of("JWT", "at+jwt", "application/at+jwt");
  private static final String RETRY_AFTER_SECONDS = "5";

  private final OidcProperties properties;
  private final SsoClaims claims;
  private final JwtDecoder decoder;

  SsoBearer(OidcProperties properties, SsoClaims claims) {
    this(properties, claims, new SupplierJwtDecoder(() -> discovered(properties)));
  }

  SsoBearer(OidcProperties properties, SsoClaims claims, JwtDecoder decoder) {
    this.properties = properties;
    this.claims = claims;
    this.decoder = new ReachableDecoder(decoder);
  }

  /** The decoder of the issuer's discovery document, checking what the class comment says. */
  private static JwtDecoder discovered(OidcProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
    decoder.setJwtValidator(validator(properties));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(OidcProperties properties) {
    // Token times are the issuer's wall-clock times, so they are checked against the system
    // clock (with the default minute of skew), not against Holdfast's business clock.
    JwtTimestampValidator timestamps = new JwtTimestampValidator();
    timestamps.setAllowEmptyExpiryClaim(false);
    JwtTypeValidator types = new JwtTypeValidator(TOKEN_TYPES);
    types.setAllowEmpty(true);
    return JwtValidators.createDefaultWithValidators(List.of(types, timestamps,
        new JwtIssuerValidator(properties.issuerUri()),
        new JwtAudienceValidator(properties.audience())));
  }

  JwtDecoder decoder() {
    return decoder;
  }

  /** Adds bearer-token authentication to the API's stateless chain. */
  public void configure(HttpSecurity http) throws Exception {
    http.oauth2ResourceServer(server -> server
        .bearerTokenResolver(SsoBearer::token)
        .authenticationEntryPoint(SsoBearer::refuse)
        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(this::authenticate))
        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
            document -> document.authorizationServer(properties.issuerUri())))
        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
          @Override
          public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
            filter.setAuthenticationFailureHandler(SsoBearer::failed);
            return filter;
          }
        }));
  }

  /** The token of a JWT-shaped bearer credential; null (not ours) for an API key or none. */
  static String token(HttpServletRequest request) {
    return ApiKeys.bearerSecret(request.getHeader("Authorization"))
        .filter(BearerTokens::isJwt).orElse(null);
  }

  JwtAuthenticationToken authenticate(Jwt jwt) {
    String name = claims.username(jwt.getClaims()).orElseThrow(() ->
        new InvalidBearerTokenException("the token's '" + claims.usernameClaim() + "' claim,"
            + " which names the person, is missing or not a usable name"));
    return new JwtAuthenticationToken(jwt, claims.authorities(jwt.getClaims()), name);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    Problems.write(response, ProblemType.UNAUTHENTICATED,
        "the bearer token is not valid: " + e.getMessage());
  }

  /**
   * A token that could not be checked because the issuer (its discovery document or keys)
   * did not answer is the server's trouble, not the caller's: 503, to be retried.
   */
  static void failed(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    if (e instanceof AuthenticationServiceException) {
      LOG.warn("a bearer token could not be checked: {}", e.getMessage());
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      Problems.write(response, ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
          "the bearer token could not be checked: the identity provider did not answer");
      return;
    }
    refuse(request, response, e);
  }

  /**
   * Turns a failure to reach the issuer while building the decoder (which the lazy decoder
   * reports as a plain runtime exception) into a {@link JwtException}, which Spring Security
   * reports as a service failure rather than letting it escape as a 500.
   */
  private record ReachableDecoder(JwtDecoder delegate) implements JwtDecoder {
    @Override
    public Jwt decode(String token) {
      try {
        return delegate.decode(token);
      } catch (JwtException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new JwtException("the issuer's keys could not be loaded: " + e.getMessage(), e);
      }
    }
  }
}
