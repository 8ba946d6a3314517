package io.holdfast.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a few minutes, that a password matched its stored hash. HTTP Basic sends the
 * password with every request and BCrypt takes tens of milliseconds by design, so an analyst's
 * console or a script working a queue would spend most of its time hashing. The cache key is a
 * SHA-256 of the password and the stored hash together: no password is kept, a changed password
 * (a new hash) never hits an old entry, and failures are never cached.
 */
final class VerifiedPasswords implements PasswordEncoder {
  private final PasswordEncoder delegate;
  private final Cache<String, Boolean> matched = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

  VerifiedPasswords(PasswordEncoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public String encode(CharSequence raw) {
    return delegate.encode(raw);
  }

  @Override
  public boolean matches(CharSequence raw, String encoded) {
    if (raw == null || encoded == null) {
      return false;
    }
    String key = digest(raw + "\u0000" + encoded);
    if (matched.getIfPresent(key) != null) {
      return true;
    }
    boolean ok = delegate.matches(raw, encoded);
    if (ok) {
      matched.put(key, Boolean.TRUE);
    }
    return ok;
  }

  @Override
  public boolean upgradeEncoding(String encoded) {
    return delegate.upgradeEncoding(encoded);
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
