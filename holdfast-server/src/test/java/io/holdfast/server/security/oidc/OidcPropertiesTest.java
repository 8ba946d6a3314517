package io.holdfast.server.security.oidc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcPropertiesTest {
  private static OidcProperties of(String issuer, String audience, String clientId,
      List<String> scopes) {
    return new OidcProperties(issuer, audience, clientId, "", scopes, "groups", Map.of(), false,
        "sub");
  }

  @Test
  void anIssuerNeedsAnAudience() {
    assertThatThrownBy(() -> of("https://id.example", " ", "", List.of()).check())
        .hasMessageContaining("holdfast.oidc.audience");
    assertThatCode(() -> of("https://id.example", "holdfast-api", "", List.of()).check())
        .doesNotThrowAnyException();
  }

  @Test
  void plainHttpOnlyOnThisMachine() {
    assertThatThrownBy(() -> of("http://id.example", "holdfast-api", "", List.of()).check())
        .hasMessageContaining("https");
    assertThatCode(() -> of("http://127.0.0.1:9000", "holdfast-api", "", List.of()).check())
        .doesNotThrowAnyException();
  }

  @Test
  void consoleSignInAsksForOpenid() {
    assertThatThrownBy(() -> of("https://id.example", "holdfast-api", "console",
        List.of("profile")).check()).hasMessageContaining("openid");
  }
}
