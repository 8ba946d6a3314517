package io.holdfast.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes audit records for code that also runs outside the Spring context (the command-line
 * importers), where the {@code AuditLog} bean does not exist. The caller must be inside the
 * transaction of the change it records, exactly as with {@code AuditLog}.
 */
public final class AuditRows {
  private static final String INSERT = """
      INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_state,
        after_state, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

  private AuditRows() {}

  public static void insert(JdbcTemplate jdbc, Instant at, String actor, String action,
      String entityType, String entityId, String after, String reason) {
    jdbc.update(INSERT, Timestamp.from(at), actor, action, entityType, entityId, null, after,
        reason);
  }

  /** The same, on a plain connection whose transaction the caller manages. */
  public static void insert(Connection connection, Instant at, String actor, String action,
      String entityType, String entityId, String after, String reason) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, entityType);
      ps.setString(5, entityId);
      ps.setString(6, null);
      ps.setString(7, after);
      ps.setString(8, reason);
      ps.executeUpdate();
    }
  }

  /** Who runs a command-line tool, as the audit log names them. */
  public static String cliActor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
