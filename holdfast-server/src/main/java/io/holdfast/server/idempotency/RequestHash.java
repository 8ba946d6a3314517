package io.holdfast.server.idempotency;

import io.holdfast.server.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a retry is compared by: SHA-256 of the method, the path and a canonical form of the
 * request, so a retry that parses to the same values matches whatever its whitespace and key
 * order, and any changed value does not. The canonical form of a JSON body is its tree written
 * with sorted keys and no whitespace ({@link #ofJson}); screening, which has already parsed
 * its body, passes the form of the parsed fields ({@link #of}), so the hot path parses once.
 *
 * <p>Stored hashes carry the prefix {@value #PREFIX}. A stored hash without it was written by
 * an earlier version, over the body's bytes: {@link #matches} compares such a hash with the
 * bytes' hash, so a byte-identical retry of a request made before the upgrade still replays.
 */
public final class RequestHash {
  static final String PREFIX = "c1:";
  private static final JsonMapper CANONICAL = JsonMapper.builder()
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private final String value;
  private final String target;
  private final byte[] body;

  private RequestHash(byte[] canonical, HttpServletRequest request) {
    this.target = request.getMethod() + " " + request.getRequestURI() + "\n";
    byte[] bytes = (byte[]) request.getAttribute(RequestBodies.BODY_ATTRIBUTE);
    this.body = bytes == null ? new byte[0] : bytes;
    this.value = PREFIX + sha256(target, canonical);
  }

  /** The hash of {@code request} by the canonical form its handler computed of its body. */
  public static RequestHash of(HttpServletRequest request, String canonical) {
    return new RequestHash(canonical.getBytes(StandardCharsets.UTF_8), request);
  }

  /**
   * The hash of {@code request} by its JSON body's canonical form; a body that is empty or not
   * JSON is taken as its bytes (such a request is refused before its key is stored anyway).
   */
  public static RequestHash ofJson(HttpServletRequest request) {
    byte[] bytes = (byte[]) request.getAttribute(RequestBodies.BODY_ATTRIBUTE);
    return new RequestHash(canonicalJson(bytes), request);
  }

  /** Sorted-key, whitespace-free JSON; the bytes themselves when they are not JSON. */
  static byte[] canonicalJson(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new byte[0];
    }
    try {
      JsonNode tree = CANONICAL.readTree(bytes);
      return CANONICAL.writeValueAsBytes(tree);
    } catch (JacksonException e) {
      return bytes;
    }
  }

  /** The form to store. */
  public String value() {
    return value;
  }

  /** Whether a stored hash is of this same request. */
  public boolean matches(String stored) {
    if (stored == null) {
      return false;
    }
    if (stored.startsWith(PREFIX)) {
      return stored.equals(value);
    }
    return stored.equals(sha256(target, body));
  }

  private static String sha256(String prefix, byte[] bytes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prefix.getBytes(StandardCharsets.UTF_8));
      sha.update(bytes);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
