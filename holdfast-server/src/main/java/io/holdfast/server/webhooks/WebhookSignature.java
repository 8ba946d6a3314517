package io.holdfast.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook, in the style of Stripe: {@code t=<unix seconds>,v1=<hex>} where
 * the hex is HMAC-SHA256, under the shared secret, of {@code "<t>.<body>"}. Signing the time
 * with the body lets a receiver refuse old requests replayed by someone who recorded them.
 */
public final class WebhookSignature {
  public static final String HEADER = "Holdfast-Signature";
  private static final int HEADER_LENGTH_MAX = 1_000;

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public static String sign(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} made within
   * {@code toleranceSeconds} of {@code nowUnixSeconds}. The comparison takes the same time
   * whatever the bytes, so a forger learns nothing from how fast a guess is refused.
   */
  public static boolean verify(String secret, String header, String body, long nowUnixSeconds,
      long toleranceSeconds) {
    if (header == null || header.length() > HEADER_LENGTH_MAX) {
      return false;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",", 8)) {
      if (part.startsWith("t=")) {
        t = parseLong(part.substring(2));
      } else if (part.startsWith("v1=")) {
        v1 = part.substring(3);
      }
    }
    if (t == null || v1 == null || Math.abs(nowUnixSeconds - t) > toleranceSeconds) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(v1);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, t, body), given);
  }

  private static Long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] hmac(String secret, long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
