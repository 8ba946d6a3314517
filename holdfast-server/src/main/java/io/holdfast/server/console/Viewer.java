package io.holdfast.server.console;

import io.holdfast.server.security.RouteRules;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking at a page, in what language and time zone: the page shows only what their
 * roles allow and writes times and amounts for them.
 */
public record Viewer(String username, List<String> roles, Locale locale, ZoneId zone) {

  static Viewer of(Authentication auth, Locale locale, ZoneId zone) {
    List<String> roles = RouteRules.hierarchy()
        .getReachableGrantedAuthorities(auth.getAuthorities()).stream()
        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length())).sorted().toList();
    // The name the audit log gives them: a local user by their username, a person who signed
    // on through the issuer as oidc:<name>, so the two never look alike.
    String actor = io.holdfast.server.security.Actor.current();
    String name = actor.startsWith("user:") ? actor.substring("user:".length()) : actor;
    return new Viewer(name, roles, locale, zone);
  }

  /** True when the viewer holds {@code role} (SUPERVISOR, ANALYST, ...), directly or through the hierarchy. */
  public boolean is(String role) {
    return roles.contains(role);
  }
}
