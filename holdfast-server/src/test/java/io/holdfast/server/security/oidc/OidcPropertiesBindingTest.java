package io.holdfast.server.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The role map binds from the forms the README documents. */
class OidcPropertiesBindingTest {
  private static OidcProperties bind(org.springframework.core.env.PropertySource<?> source) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(source);
    return Binder.get(environment).bind("holdfast.oidc", OidcProperties.class).get();
  }

  @Test
  void fromProperties() {
    OidcProperties p = bind(new MapPropertySource("test", Map.of(
        "holdfast.oidc.issuer-uri", "https://id.example",
        "holdfast.oidc.role-map.Fraud-Team", "ANALYST,SUPERVISOR",
        "holdfast.oidc.role-map[/holdfast/admins]", "ADMIN")));
    assertThat(p.roleMap()).containsOnly(
        Map.entry("Fraud-Team", List.of("ANALYST", "SUPERVISOR")),
        Map.entry("/holdfast/admins", List.of("ADMIN")));
    assertThat(p.rolesClaim()).isEqualTo("groups");
    assertThat(p.usernameClaim()).isEqualTo("sub");
    assertThat(p.scopes()).containsExactly("openid", "profile");
  }

  @Test
  void fromTheEnvironment() {
    OidcProperties p = bind(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        Map.of("HOLDFAST_OIDC_ISSUER_URI", "https://id.example",
            "HOLDFAST_OIDC_ROLEMAP_ANALYSTS", "ANALYST")));
    assertThat(p.issuerUri()).isEqualTo("https://id.example");
    assertThat(p.roleMap()).containsOnly(Map.entry("analysts", List.of("ANALYST")));
  }
}
