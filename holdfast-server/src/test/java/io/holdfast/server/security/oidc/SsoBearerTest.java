package io.holdfast.server.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

class SsoBearerTest {
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2ln";
  private static final OidcProperties PROPERTIES = new OidcProperties("https://id.example",
      "holdfast-api", "", "", List.of("openid"), "groups", Map.of(), false, "sub");

  private static MockHttpServletResponse failureAnswer(SsoBearer bearer) throws Exception {
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(bearer.decoder());
    provider.setJwtAuthenticationConverter(bearer::authenticate);
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> provider.authenticate(new BearerTokenAuthenticationToken(JWT)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    SsoBearer.failed(new MockHttpServletRequest(), response, e);
    return response;
  }

  @Test
  void anIssuerThatDoesNotAnswerIsTheServersTroubleNotTheCallers() throws Exception {
    SsoBearer bearer = new SsoBearer(PROPERTIES, new SsoClaims(PROPERTIES), token -> {
      throw new JwtDecoderInitializationException("Failed to lazily resolve the decoder",
          new IllegalStateException("Connection refused"));
    });
    MockHttpServletResponse response = failureAnswer(bearer);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isNotBlank();
    assertThat(response.getContentAsString()).contains("/identity-provider-unavailable");
  }

  @Test
  void aBadTokenIsTheCallers() throws Exception {
    SsoBearer bearer = new SsoBearer(PROPERTIES, new SsoClaims(PROPERTIES), token -> {
      throw new BadJwtException("Signed JWT rejected: Invalid signature");
    });
    MockHttpServletResponse response = failureAnswer(bearer);
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.getContentAsString()).contains("/unauthenticated", "Invalid signature");
  }

  @Test
  void onlyJwtShapedBearerCredentialsAreTokens() {
    MockHttpServletRequest token = new MockHttpServletRequest();
    token.addHeader("Authorization", "Bearer " + JWT);
    assertThat(SsoBearer.token(token)).isEqualTo(JWT);
    MockHttpServletRequest key = new MockHttpServletRequest();
    key.addHeader("Authorization", "Bearer test-platform-key-0123456789!#");
    assertThat(SsoBearer.token(key)).as("an API key, whatever its characters").isNull();
    MockHttpServletRequest basic = new MockHttpServletRequest();
    basic.addHeader("Authorization", "Basic YWRtaW46cHc=");
    assertThat(SsoBearer.token(basic)).isNull();
    assertThat(SsoBearer.token(new MockHttpServletRequest())).isNull();
  }
}
