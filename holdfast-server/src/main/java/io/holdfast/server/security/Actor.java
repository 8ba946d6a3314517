package io.holdfast.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The name under which a caller appears in the audit log, owns idempotency keys and is told
 * apart from others by the four-eyes rules: {@code key:<id>} for an API key,
 * {@code user:<name>} for a local user, {@code oidc:<name>} for a person signed in through
 * single sign-on (the username claim's value, the same from an API token and from the
 * console). The kind comes from how the caller authenticated, never from the name, so a local
 * user cannot pass for a key or an SSO identity by choosing a name like {@code oidc:ann}.
 */
public final class Actor {
  public static final String SYSTEM = "system";

  private Actor() {}

  public static String forKey(String keyId) {
    return "key:" + keyId;
  }

  public static String forUser(String username) {
    return "user:" + username;
  }

  public static String forSso(String username) {
    return "oidc:" + username;
  }

  /**
   * Someone not signed in, known only by the address they called from: who a failed sign-in
   * was tried by (the username they gave may not be theirs).
   */
  public static String forAddress(String address) {
    return "address:" + address;
  }

  /**
   * Whether the current caller holds {@code authority} (a scope or a role), directly or
   * through {@link RouteRules#hierarchy()}: a supervisor has the analyst's role.
   */
  public static boolean has(String authority) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && RouteRules.hierarchy()
        .getReachableGrantedAuthorities(auth.getAuthorities()).stream()
        .anyMatch(a -> authority.equals(a.getAuthority()));
  }

  /** The authenticated caller of the current request. */
  public static String current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return SYSTEM;
    }
    if (auth instanceof JwtAuthenticationToken || auth instanceof OAuth2AuthenticationToken) {
      return forSso(auth.getName());
    }
    if (auth.getPrincipal() instanceof UserDetails user) {
      return forUser(user.getUsername());
    }
    String name = auth.getName();
    return name.startsWith("key:") || name.startsWith("user:") ? name : forUser(name);
  }
}
