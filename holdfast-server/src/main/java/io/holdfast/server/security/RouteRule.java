package io.holdfast.server.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Who may call one route (a null method means every method): any of the listed authorities (API-key scopes such as
 * {@code SCOPE_screen}, or user roles such as {@code ROLE_ANALYST}), or everyone when public.
 */
public record RouteRule(HttpMethod method, String pattern, List<String> authorities, String why) {
  public static RouteRule of(HttpMethod method, String pattern, String... authorities) {
    return new RouteRule(method, pattern, List.of(authorities), "");
  }

  public static RouteRule open(HttpMethod method, String pattern, String why) {
    return new RouteRule(method, pattern, List.of(), why);
  }

  /** The same rule, also admitting {@code authority}. */
  public RouteRule alsoFor(String authority) {
    if (authorities.contains(authority)) {
      return this;
    }
    List<String> more = new java.util.ArrayList<>(authorities);
    more.add(authority);
    return new RouteRule(method, pattern, List.copyOf(more), why);
  }

  public boolean isPublic() {
    return authorities.isEmpty();
  }
}
