package io.holdfast.server.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log, a page at a time, oldest first: by id, or by time then id when the
 * search has a time bound. Times and ids rise together only roughly (a row's time is taken
 * just before it is written, by the clock of the instance writing it), so a time search in id
 * order would have to read every entry before the first match, and a time search that guessed
 * an id to start from could miss one. Each filter has an index in its page's order (V52):
 * {@code (actor, audit_id)}, {@code (action COLLATE "C", audit_id)}, {@code (at, audit_id)},
 * and {@code (entity_type, entity_id)}; a page is at most {@link #PAGE_MAX} rows.
 */
@Repository
public class AuditEntries {
  public static final int PAGE_MAX = 500;

  /** One stored row, its states as stored. */
  public record Row(long id, Instant at, String actor, String action,
      String entityType, String entityId, String before, String after, String reason) {}

  private final NamedParameterJdbcTemplate jdbc;

  public AuditEntries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit + 1} rows, so the caller knows whether another page follows. */
  public List<Row> page(AuditQuery q) {
    StringBuilder sql = new StringBuilder("""
        SELECT audit_id, at, actor, action, entity_type, entity_id, before_state, after_state,
          reason
        FROM audit_log WHERE """);
    MapSqlParameterSource p = new MapSqlParameterSource("after", q.after())
        .addValue("limit", q.limit() + 1);
    if (q.afterAt() != null) {
      sql.append(" (at, audit_id) > (:afterAt, :after)");
      p.addValue("afterAt", Timestamp.from(q.afterAt()));
    } else {
      sql.append(" audit_id > :after");
    }
    if (q.actor() != null) {
      sql.append(" AND actor = :actor");
      p.addValue("actor", q.actor());
    }
    if (q.actionPrefix() != null) {
      // A prefix as a range in byte order, which the (action COLLATE "C") index serves with
      // any plan; LIKE would need the value at planning time to use it.
      sql.append(" AND action COLLATE \"C\" >= :actionFrom AND action COLLATE \"C\" < :actionTo");
      p.addValue("actionFrom", q.actionPrefix()).addValue("actionTo", successor(q.actionPrefix()));
    }
    if (q.entityType() != null) {
      sql.append(" AND entity_type = :entityType");
      p.addValue("entityType", q.entityType());
    }
    if (q.entityId() != null) {
      sql.append(" AND entity_id = :entityId");
      p.addValue("entityId", q.entityId());
    }
    if (q.since() != null) {
      sql.append(" AND at >= :since");
      p.addValue("since", Timestamp.from(q.since()));
    }
    if (q.until() != null) {
      sql.append(" AND at < :until");
      p.addValue("until", Timestamp.from(q.until()));
    }
    sql.append(q.byTime() ? " ORDER BY at, audit_id" : " ORDER BY audit_id");
    sql.append(" LIMIT :limit");
    List<Row> rows = jdbc.query(sql.toString(), p, (rs, n) -> new Row(rs.getLong(1),
        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
    assert rows.size() <= q.limit() + 1 : "a page is bounded";
    return rows;
  }

  /** The time of entry {@code id}, where a time search's next page starts; empty if none. */
  public Optional<Instant> at(long id) {
    return jdbc.query("SELECT at FROM audit_log WHERE audit_id = :id",
        new MapSqlParameterSource("id", id), (rs, n) -> rs.getTimestamp(1).toInstant())
        .stream().findFirst();
  }

  /**
   * The least string greater than every string starting with {@code prefix}, in byte order:
   * the prefix with its last character raised by one. Action prefixes are ASCII (the
   * controller checks), so the raised character is one too.
   */
  static String successor(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    if (last >= 0x7f) {
      throw new IllegalArgumentException("action prefixes are printable ASCII");
    }
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }
}
