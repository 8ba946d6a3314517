package io.holdfast.server.audit;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. Every call must happen inside the transaction of the change it
 * records ({@link Propagation#MANDATORY}), so a change is never committed without its record.
 */
@Repository
public class AuditLog {
  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String actor, String action, String entityType, String entityId,
      String before, String after, String reason) {
    jdbc.sql("""
            INSERT INTO audit_log
              (at, actor, action, entity_type, entity_id, before_state, after_state, reason)
            VALUES (:at, :actor, :action, :type, :id, :before, :after, :reason)""")
        .param("at", Timestamp.from(clock.instant()))
        .param("actor", actor)
        .param("action", action)
        .param("type", entityType)
        .param("id", entityId)
        .param("before", before)
        .param("after", after)
        .param("reason", reason)
        .update();
  }
}
