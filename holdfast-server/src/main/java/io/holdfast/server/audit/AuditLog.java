package io.holdfast.server.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. Every call must happen inside the transaction of the change it
 * records ({@link Propagation#MANDATORY}), so a change is never committed without its record.
 */
@Repository
public class AuditLog {
  private static final String INSERT = """
      INSERT INTO audit_log
        (at, actor, action, entity_type, entity_id, before_state, after_state, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

  /** One audit row. */
  public record Entry(String actor, String action, String entityType, String entityId,
      String before, String after, String reason) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String actor, String action, String entityType, String entityId,
      String before, String after, String reason) {
    jdbc.update(INSERT, Timestamp.from(clock.instant()), actor, action, entityType, entityId,
        before, after, reason);
  }

  /** Writes many rows in one JDBC batch, for sweeps that change thousands of objects. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(clock.instant());
    jdbc.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
      ps.setTimestamp(1, at);
      ps.setString(2, e.actor());
      ps.setString(3, e.action());
      ps.setString(4, e.entityType());
      ps.setString(5, e.entityId());
      ps.setString(6, e.before());
      ps.setString(7, e.after());
      ps.setString(8, e.reason());
    });
  }
}
