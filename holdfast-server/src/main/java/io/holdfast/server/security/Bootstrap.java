package io.holdfast.server.security;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.PasswordPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start with an empty store, creates the platform key from HOLDFAST_API_KEY and the
 * user {@code admin} from HOLDFAST_ADMIN_PASSWORD, so a fresh install can be called at once.
 * Both are refused at start when they are no secrets: a key under 16 characters, or a
 * password the people's {@link PasswordPolicy} refuses (under 15 characters, or common). On a later start the stored key and password stay in force: when the
 * environment's values differ from them, a warning says so (rotation is done with the users
 * and keys API, issue #9), without printing either value.
 */
@Component
public class Bootstrap implements ApplicationRunner {
  /** The bootstrap key may do everything a platform may. */
  public static final List<String> PLATFORM_SCOPES = KeyScope.all();
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
  static final int API_KEY_CHARS_MIN = 16;

  private final ApiKeys apiKeys;
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String apiKey;
  private final String adminPassword;

  public Bootstrap(ApiKeys apiKeys, JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit,
      TransactionTemplate tx, Clock clock,
      @Value("${holdfast.api-key:}") String apiKey,
      @Value("${holdfast.admin-password:}") String adminPassword) {
    this.apiKeys = apiKeys;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.apiKey = apiKey;
    this.adminPassword = adminPassword;
    requireLength("HOLDFAST_API_KEY", apiKey, API_KEY_CHARS_MIN);
    if (!adminPassword.isBlank()) {
      new PasswordPolicy().weakness(adminPassword, "admin").ifPresent(why -> {
        throw new IllegalStateException("HOLDFAST_ADMIN_PASSWORD is not accepted: " + why);
      });
    }
    if (BearerTokens.isJwt(apiKey)) {
      throw new IllegalStateException("HOLDFAST_API_KEY must not have the shape of a JSON Web"
          + " Token (three dot-separated parts starting with 'eyJ'): it would be taken for a"
          + " single sign-on token");
    }
  }

  /** Fails the start when a configured secret is too short; unset is allowed (nothing made). */
  private static void requireLength(String variable, String value, int charsMin) {
    if (!value.isBlank() && value.length() < charsMin) {
      throw new IllegalStateException(variable + " must be at least " + charsMin
          + " characters; it has " + value.length());
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(status -> {
      apiKeys.checkPepper();
      if (!apiKey.isBlank() && !apiKeys.isEmpty()) {
        warnIfApiKeyDiffers();
      } else if (!apiKey.isBlank()) {
        apiKeys.create("bootstrap", "created from HOLDFAST_API_KEY", apiKey, PLATFORM_SCOPES);
        audit.record(Actor.SYSTEM, "api_key.created", "api_key", "bootstrap", null,
            "{\"scopes\":\"" + String.join(",", PLATFORM_SCOPES) + "\"}", "first start");
        LOG.info("created the platform API key 'bootstrap' from HOLDFAST_API_KEY");
      }
      if (!adminPassword.isBlank() && !noUsers()) {
        warnIfAdminPasswordDiffers();
      } else if (!adminPassword.isBlank()) {
        jdbc.sql("""
                INSERT INTO users (username, password_hash, roles, created_at)
                VALUES ('admin', :hash, 'ADMIN,SUPERVISOR,ANALYST', :at)""")
            .param("hash", encoder.encode(adminPassword))
            .param("at", Timestamp.from(clock.instant()))
            .update();
        audit.record(Actor.SYSTEM, "user.created", "user", "admin", null,
            "{\"roles\":\"ADMIN,SUPERVISOR,ANALYST\"}", "first start");
        LOG.info("created the user 'admin' from HOLDFAST_ADMIN_PASSWORD");
      }
    });
  }

  private void warnIfApiKeyDiffers() {
    if (apiKeys.resolve(apiKey).isEmpty()) {
      LOG.warn("HOLDFAST_API_KEY differs from the keys in the store and was not used: the"
          + " stored bootstrap key stays in force. Keys are rotated with the keys API (issue"
          + " #9), not by changing the environment");
    }
  }

  private void warnIfAdminPasswordDiffers() {
    String stored = jdbc.sql("SELECT password_hash FROM users WHERE username = 'admin'")
        .query(String.class).optional().orElse(null);
    if (stored == null || !encoder.matches(adminPassword, stored)) {
      LOG.warn("HOLDFAST_ADMIN_PASSWORD differs from the stored password of user 'admin' (or"
          + " there is no such user) and was not used: the stored password stays in force."
          + " Passwords are changed with the users API (issue #9), not by changing the"
          + " environment");
    }
  }

  private boolean noUsers() {
    return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
  }
}
