package io.holdfast.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name under which a caller appears in the audit log and owns idempotency keys. */
public final class Actor {
  public static final String SYSTEM = "system";

  private Actor() {}

  public static String forKey(String keyId) {
    return "key:" + keyId;
  }

  public static String forUser(String username) {
    return "user:" + username;
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
    String name = auth.getName();
    return name.startsWith("key:") || name.startsWith("user:") ? name : forUser(name);
  }
}
