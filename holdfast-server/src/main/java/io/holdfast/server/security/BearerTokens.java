package io.holdfast.server.security;

/**
 * Tells the two kinds of {@code Authorization: Bearer} credential apart without looking either
 * up: a JSON Web Token from the single sign-on issuer, or a platform's API key. A signed JWT
 * is three base64url parts joined by dots, and its first part (the JSON header, which starts
 * with <code>{"</code>) always encodes to {@code eyJ}; no API key has that shape, because
 * {@link ApiKeys#create} and the bootstrap refuse such a secret. So an API key never reaches
 * the token decoder, and screening's fast path spends nothing on a token.
 */
public final class BearerTokens {
  /** Longer than any JWT an identity provider issues for a person; longer is not ours. */
  static final int JWT_CHARS_MAX = 16_384;

  private BearerTokens() {}

  /** Whether {@code secret} has the shape of a signed JWT (JWS compact serialisation). */
  public static boolean isJwt(String secret) {
    if (secret == null || secret.length() > JWT_CHARS_MAX || !secret.startsWith("eyJ")) {
      return false;
    }
    int dots = 0;
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!base64Url(c)) {
        return false;
      }
    }
    return dots == 2;
  }

  private static boolean base64Url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_';
  }
}
