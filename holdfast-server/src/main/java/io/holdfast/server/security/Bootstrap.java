package io.holdfast.server.security;

import io.holdfast.server.audit.AuditLog;
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
 */
@Component
public class Bootstrap implements ApplicationRunner {
  public static final List<String> PLATFORM_SCOPES =
      List.of("screen", "ingest", "intel", "rules", "metrics", "holds", "instructions",
          "reports", "outreach", "prevention");
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

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
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(status -> {
      if (!apiKey.isBlank() && apiKeys.isEmpty()) {
        apiKeys.create("bootstrap", "created from HOLDFAST_API_KEY", apiKey, PLATFORM_SCOPES);
        audit.record(Actor.SYSTEM, "api_key.created", "api_key", "bootstrap", null,
            "{\"scopes\":\"" + String.join(",", PLATFORM_SCOPES) + "\"}", "first start");
        LOG.info("created the platform API key 'bootstrap' from HOLDFAST_API_KEY");
      }
      if (!adminPassword.isBlank() && noUsers()) {
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

  private boolean noUsers() {
    return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
  }
}
