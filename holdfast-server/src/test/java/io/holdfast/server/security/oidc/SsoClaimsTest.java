package io.holdfast.server.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class SsoClaimsTest {
  private static OidcProperties properties(String rolesClaim, Map<String, List<String>> roleMap,
      boolean acceptRoleNames) {
    return new OidcProperties("https://id.example", "holdfast-api", "", "", List.of("openid"),
        rolesClaim, roleMap, acceptRoleNames, "sub");
  }

  private static List<String> roles(SsoClaims claims, Map<String, Object> token) {
    return claims.authorities(token).stream().map(GrantedAuthority::getAuthority).toList();
  }

  @Test
  void mappedGroupsGrantTheirRolesAndOthersNothing() {
    SsoClaims claims = new SsoClaims(properties("groups", Map.of(
        "fraud-team", List.of("ANALYST"), "fraud-leads", List.of("SUPERVISOR", "ANALYST")),
        false));
    assertThat(roles(claims, Map.of("groups", List.of("fraud-team", "everyone"))))
        .containsExactly("ROLE_ANALYST");
    assertThat(roles(claims, Map.of("groups", List.of("fraud-leads", "fraud-team"))))
        .containsExactlyInAnyOrder("ROLE_SUPERVISOR", "ROLE_ANALYST");
    assertThat(roles(claims, Map.of("groups", "fraud-team"))).as("one group as a string")
        .containsExactly("ROLE_ANALYST");
    assertThat(roles(claims, Map.of("groups", List.of("everyone", "ANALYST"))))
        .as("unmapped groups, and a role's name while role names are not accepted").isEmpty();
    assertThat(roles(claims, Map.of("sub", "ann"))).as("no claim at all").isEmpty();
    assertThat(roles(claims, Map.of("groups", List.of(42, Map.of("x", "fraud-team")))))
        .as("values that are not strings").isEmpty();
  }

  @Test
  void roleNamesGrantThemselvesOnlyWhenAccepted() {
    SsoClaims claims = new SsoClaims(properties("roles", Map.of(), true));
    assertThat(roles(claims, Map.of("roles", List.of("ANALYST", "analyst", "ROLE_ADMIN", "ROOT"))))
        .containsExactly("ROLE_ANALYST");
  }

  @Test
  void theRolesClaimMayBeNestedOrNamespaced() {
    SsoClaims nested = new SsoClaims(properties("realm_access.roles",
        Map.of("holdfast-analyst", List.of("ANALYST")), false));
    assertThat(roles(nested, Map.of("realm_access",
        Map.of("roles", List.of("offline_access", "holdfast-analyst")))))
        .containsExactly("ROLE_ANALYST");
    assertThat(roles(nested, Map.of("realm_access", "holdfast-analyst"))).isEmpty();

    SsoClaims namespaced = new SsoClaims(properties("https://holdfast.example/groups",
        Map.of("ops", List.of("ADMIN")), false));
    assertThat(roles(namespaced, Map.of("https://holdfast.example/groups", List.of("ops"))))
        .containsExactly("ROLE_ADMIN");
  }

  @Test
  void aMappingToARoleHoldfastDoesNotHaveFailsTheStart() {
    assertThatThrownBy(() -> new SsoClaims(properties("groups",
        Map.of("fraud-team", List.of("ANALYTS")), false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fraud-team").hasMessageContaining("ANALYTS")
        .hasMessageContaining("ANALYST");
  }

  @Test
  void theUsernameMustBeAPlainBoundedString() {
    SsoClaims claims = new SsoClaims(properties("groups", Map.of(), false));
    assertThat(claims.username(Map.of("sub", "ann"))).contains("ann");
    assertThat(claims.username(Map.of("sub", "x".repeat(SsoClaims.NAME_CHARS_MAX))))
        .isPresent();
    assertThat(claims.username(Map.of("sub", "x".repeat(SsoClaims.NAME_CHARS_MAX + 1))))
        .isEmpty();
    assertThat(claims.username(Map.of("sub", ""))).isEmpty();
    assertThat(claims.username(Map.of("sub", " ann"))).isEmpty();
    assertThat(claims.username(Map.of("sub", "ann\nuser:admin"))).isEmpty();
    assertThat(claims.username(Map.of("sub", 42))).isEmpty();
    assertThat(claims.username(Map.of("name", "ann"))).isEmpty();
  }
}
