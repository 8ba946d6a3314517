package io.holdfast.server.security.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through one OpenID Connect issuer ({@code holdfast.oidc.*}). Nothing of it is
 * active while {@link #issuerUri} is blank ({@link SsoEnabled}).
 *
 * @param issuerUri the issuer, exactly as its tokens' {@code iss} names it; its discovery
 *     document ({@code /.well-known/openid-configuration}) gives the signing keys
 * @param audience the {@code aud} value every API token must carry (required with an issuer)
 * @param clientId the console's OAuth2 client at the issuer; blank leaves console login off
 * @param clientSecret that client's secret; blank makes it a public client (PKCE alone)
 * @param scopes the scopes the console asks for at sign-in
 * @param rolesClaim the claim holding a person's groups or roles: a list or a single string,
 *     found by its full name or, failing that, as a dotted path ({@code realm_access.roles})
 * @param roleMap for each group, the Holdfast roles it grants ({@code ANALYST,SUPERVISOR})
 * @param acceptRoleNames whether a claim value equal to a role's name ({@code ANALYST}) grants
 *     that role without a mapping
 * @param usernameClaim the claim that names the person in the audit log, as
 *     {@code oidc:<value>}; it must be unique and never reassigned at the issuer
 */
@ConfigurationProperties("holdfast.oidc")
public record OidcProperties(
    String issuerUri,
    String audience,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile"}) List<String> scopes,
    @DefaultValue("groups") String rolesClaim,
    Map<String, List<String>> roleMap,
    @DefaultValue("false") boolean acceptRoleNames,
    @DefaultValue("sub") String usernameClaim) {

  public OidcProperties {
    issuerUri = blankToEmpty(issuerUri);
    audience = blankToEmpty(audience);
    clientId = blankToEmpty(clientId);
    clientSecret = blankToEmpty(clientSecret);
    rolesClaim = blankToEmpty(rolesClaim);
    usernameClaim = blankToEmpty(usernameClaim);
    roleMap = roleMap == null ? Map.of() : Map.copyOf(roleMap);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  public boolean enabled() {
    return !issuerUri.isEmpty();
  }

  public boolean consoleLogin() {
    return enabled() && !clientId.isEmpty();
  }

  /**
   * Fails the start on a configuration that would let the wrong tokens in or none at all:
   * no audience (any token the issuer signs for any application would do), an issuer reached
   * over plain HTTP beyond this machine (its keys could be swapped on the way), no claim to
   * name people by, or a console asking without {@code openid}.
   */
  void check() {
    require(!audience.isEmpty(), "holdfast.oidc.audience (HOLDFAST_OIDC_AUDIENCE) is required"
        + " with an issuer: it is the 'aud' value Holdfast's API tokens carry, so a token the"
        + " issuer signed for another application is refused");
    URI issuer;
    try {
      issuer = URI.create(issuerUri);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("holdfast.oidc.issuer-uri is not a URI: " + issuerUri, e);
    }
    require("https".equals(issuer.getScheme())
            || ("http".equals(issuer.getScheme()) && loopback(issuer.getHost())),
        "holdfast.oidc.issuer-uri must be https (plain http only on this machine, for tests):"
            + " " + issuerUri);
    require(!usernameClaim.isEmpty(), "holdfast.oidc.username-claim must name a claim");
    require(!rolesClaim.isEmpty(), "holdfast.oidc.roles-claim must name a claim");
    require(!consoleLogin() || scopes.contains("openid"),
        "holdfast.oidc.scopes must include openid for console sign-in: " + scopes);
  }

  private static boolean loopback(String host) {
    return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.trim();
  }
}
