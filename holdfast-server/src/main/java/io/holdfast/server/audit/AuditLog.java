package io.holdfast.server.audit;

import io.holdfast.server.store.ArrayInsert;
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

  /** An entry with the time it is recorded at, as a batch writes it. */
  private record Row(Timestamp at, Entry entry) {}

  private static final ArrayInsert<Row> INSERT_ALL = new ArrayInsert<>("audit_log", List.of(
      new ArrayInsert.Column<>("at", "timestamptz", Row::at),
      new ArrayInsert.Column<>("actor", "text", r -> r.entry().actor()),
      new ArrayInsert.Column<>("action", "text", r -> r.entry().action()),
      new ArrayInsert.Column<>("entity_type", "text", r -> r.entry().entityType()),
      new ArrayInsert.Column<>("entity_id", "text", r -> r.entry().entityId()),
      new ArrayInsert.Column<>("before_state", "text", r -> r.entry().before()),
      new ArrayInsert.Column<>("after_state", "text", r -> r.entry().after()),
      new ArrayInsert.Column<>("reason", "text", r -> r.entry().reason())));

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

  /** Writes many rows in one statement, for sweeps that change thousands of objects. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(clock.instant());
    INSERT_ALL.insert(jdbc, entries.stream().map(e -> new Row(at, e)).toList());
  }
}
