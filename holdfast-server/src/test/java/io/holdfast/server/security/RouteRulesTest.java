package io.holdfast.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What the table says about the roles issue #18 added: auditors read, agents call. */
class RouteRulesTest {
  @Test
  void anAuditorMayReadEveryRouteAPersonMayReadAndChangeNothing() {
    List<RouteRule> all = RouteRules.all();
    assertThat(all).filteredOn(r -> HttpMethod.GET.equals(r.method())
            && r.authorities().stream().anyMatch(a -> a.startsWith("ROLE_")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.authorities()).as(r.pattern())
            .contains(RouteRules.AUDITOR));
    assertThat(all).filteredOn(r -> !HttpMethod.GET.equals(r.method())
            && !r.pattern().equals("/console/logout"))
        .allSatisfy(r -> assertThat(r.authorities()).as(r.method() + " " + r.pattern())
            .doesNotContain(RouteRules.AUDITOR));
    assertThat(all).filteredOn(r -> r.pattern().equals("/v1/users"))
        .extracting(RouteRule::method).contains(HttpMethod.GET, HttpMethod.POST);
  }

  @Test
  void aSupervisorIsAnAnalystAndAnAnalystAnAgentButNotTheOtherWay() {
    assertThat(reachable("ROLE_SUPERVISOR")).contains("ROLE_ANALYST", "ROLE_AGENT");
    assertThat(reachable("ROLE_ANALYST")).contains("ROLE_AGENT")
        .doesNotContain("ROLE_SUPERVISOR");
    assertThat(reachable("ROLE_AGENT")).containsExactly("ROLE_AGENT");
    assertThat(reachable("ROLE_ADMIN")).containsExactly("ROLE_ADMIN");
    assertThat(reachable("ROLE_AUDITOR")).containsExactly("ROLE_AUDITOR");
  }

  private static List<String> reachable(String role) {
    return RouteRules.hierarchy().getReachableGrantedAuthorities(List.of(
        new SimpleGrantedAuthority(role))).stream().map(GrantedAuthority::getAuthority).toList();
  }
}
