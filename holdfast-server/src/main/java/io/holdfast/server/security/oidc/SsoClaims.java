package io.holdfast.server.security.oidc;

import io.holdfast.server.security.RouteRule;
import io.holdfast.server.security.RouteRules;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What Holdfast reads from a person's single sign-on claims (an API token's, or the console's
 * ID token and user info): the name they appear under, and the roles they hold. The roles are
 * the same {@code ROLE_} authorities local users have, so {@link RouteRules} decides alike for
 * both; nothing else the token carries (its scopes above all, which would read as API-key
 * scopes) grants anything. A group that is not mapped grants nothing.
 */
public final class SsoClaims {
  /** With {@code oidc:} in front this fits the audit log's 200-character actor columns. */
  static final int NAME_CHARS_MAX = 128;
  /** A person in more groups than this has the first ones read (a bound on the loop). */
  static final int VALUES_MAX = 1_000;
  private static final String ROLE = "ROLE_";

  private final String usernameClaim;
  private final String rolesClaim;
  private final Map<String, List<GrantedAuthority>> byGroup;
  private final Map<String, GrantedAuthority> byRoleName;

  SsoClaims(OidcProperties properties) {
    this.usernameClaim = properties.usernameClaim();
    this.rolesClaim = properties.rolesClaim();
    Set<String> known = knownRoles();
    Map<String, List<GrantedAuthority>> groups = new LinkedHashMap<>();
    properties.roleMap().forEach((group, roles) ->
        groups.put(group, roles.stream().map(role -> authority(group, role.trim(), known))
            .toList()));
    this.byGroup = Map.copyOf(groups);
    this.byRoleName = properties.acceptRoleNames()
        ? known.stream().collect(Collectors.toUnmodifiableMap(
            role -> role.substring(ROLE.length()), SimpleGrantedAuthority::new))
        : Map.of();
  }

  /** The roles {@link RouteRules} knows: those its rows name, without the prefix checked. */
  static Set<String> knownRoles() {
    return RouteRules.all().stream().map(RouteRule::authorities).flatMap(List::stream)
        .filter(a -> a.startsWith(ROLE)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static GrantedAuthority authority(String group, String role, Set<String> known) {
    if (!known.contains(ROLE + role)) {
      throw new IllegalStateException("holdfast.oidc.role-map." + group + " names role '" + role
          + "', which Holdfast does not have; roles are "
          + known.stream().map(r -> r.substring(ROLE.length())).toList());
    }
    return new SimpleGrantedAuthority(ROLE + role);
  }

  /**
   * The person's name from the username claim: present, a string, at most
   * {@value #NAME_CHARS_MAX} characters, without control characters or surrounding blanks;
   * else empty, and the sign-in or token is refused.
   */
  public Optional<String> username(Map<String, Object> claims) {
    return claim(claims, usernameClaim)
        .filter(String.class::isInstance).map(String.class::cast)
        .filter(SsoClaims::wellFormedName);
  }

  public String usernameClaim() {
    return usernameClaim;
  }

  private static boolean wellFormedName(String name) {
    return !name.isEmpty() && name.length() <= NAME_CHARS_MAX && name.strip().equals(name)
        && name.chars().noneMatch(Character::isISOControl);
  }

  /** The roles the claims grant, through the role map (and role names, when accepted). */
  public List<GrantedAuthority> authorities(Map<String, Object> claims) {
    Set<GrantedAuthority> granted = new LinkedHashSet<>();
    values(claim(claims, rolesClaim).orElse(null)).limit(VALUES_MAX).forEach(value -> {
      granted.addAll(byGroup.getOrDefault(value, List.of()));
      GrantedAuthority named = byRoleName.get(value);
      if (named != null) {
        granted.add(named);
      }
    });
    return List.copyOf(granted);
  }

  private static Stream<String> values(Object claim) {
    if (claim instanceof String one) {
      return Stream.of(one);
    }
    if (claim instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(String.class::cast);
    }
    return Stream.empty();
  }

  /**
   * The claim {@code name}: a top-level claim of that exact name (which may hold dots, as
   * namespaced claims such as {@code https://example.com/groups} do), else the value at that
   * dotted path through nested objects ({@code realm_access.roles}).
   */
  static Optional<Object> claim(Map<String, Object> claims, String name) {
    if (claims.containsKey(name)) {
      return Optional.ofNullable(claims.get(name));
    }
    Object at = claims;
    for (String part : name.split("\\.", -1)) {
      if (!(at instanceof Map<?, ?> object)) {
        return Optional.empty();
      }
      at = object.get(part);
    }
    return Optional.ofNullable(at);
  }
}
