package io.holdfast.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.PostgresServerTest;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  @Test
  void aSignedJwtIsATokenAndAnApiKeyIsNot() {
    assertThat(BearerTokens.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJl"))
        .isTrue();
    assertThat(BearerTokens.isJwt(PostgresServerTest.PLATFORM_KEY)).isFalse();
    assertThat(BearerTokens.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ")).as("two parts")
        .isFalse();
    assertThat(BearerTokens.isJwt("eyJ.a.b.c.d")).as("five parts (an encrypted JWT)").isFalse();
    assertThat(BearerTokens.isJwt("key.with.dots")).as("no JSON header").isFalse();
    assertThat(BearerTokens.isJwt("eyJ+a/b.c.d")).as("not base64url").isFalse();
    assertThat(BearerTokens.isJwt("eyJ" + "a".repeat(BearerTokens.JWT_CHARS_MAX) + ".b.c"))
        .isFalse();
    assertThat(BearerTokens.isJwt(null)).isFalse();
  }
}
