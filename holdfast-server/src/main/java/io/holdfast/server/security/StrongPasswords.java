package io.holdfast.server.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hashes Holdfast accepts: bcrypt, which it writes, and argon2. Spring's default
 * encoder would also accept {@code {noop}} (the password itself) and fast unsalted digests, so
 * a row written by hand or by an old tool could make a password as good as public; such a row
 * is refused at login, with a log line saying which user to reset.
 */
public final class StrongPasswords {
  private static final Logger LOG = LoggerFactory.getLogger(StrongPasswords.class);
  private static final String BCRYPT = "bcrypt";
  private static final String ARGON2 = "argon2";

  private StrongPasswords() {}

  /** An encoder that writes bcrypt and matches only bcrypt and argon2 hashes. */
  public static PasswordEncoder encoder() {
    DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(BCRYPT, Map.of(
        BCRYPT, new BCryptPasswordEncoder(),
        ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    delegating.setDefaultPasswordEncoderForMatches(new RefuseAll());
    return delegating;
  }

  /** Whether a stored hash names an accepted encoding. */
  static boolean strong(String stored) {
    return stored != null
        && (stored.startsWith("{" + BCRYPT + "}") || stored.startsWith("{" + ARGON2 + "}"));
  }

  /**
   * The stored hash of {@code username} when it is strong; otherwise logs a warning (without
   * the hash) and refuses the user as if unknown, so the login fails like a wrong password.
   */
  static String require(String username, String stored) {
    if (!strong(stored)) {
      String id = stored == null || !stored.startsWith("{") || stored.indexOf('}') < 0
          ? "no encoding id" : stored.substring(0, stored.indexOf('}') + 1);
      LOG.warn("refused a login as '{}': its password is stored as {}, and only bcrypt and"
          + " argon2 hashes are accepted; reset the password", username, id);
      throw new UsernameNotFoundException("weak password hash");
    }
    return stored;
  }

  /** Matches nothing: the encoder behind every id that is not bcrypt or argon2. */
  private static final class RefuseAll implements PasswordEncoder {
    @Override
    public String encode(CharSequence raw) {
      throw new UnsupportedOperationException("Holdfast writes bcrypt only");
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      return false;
    }
  }
}
