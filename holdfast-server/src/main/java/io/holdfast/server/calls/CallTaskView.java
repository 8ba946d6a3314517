package io.holdfast.server.calls;

import io.holdfast.core.prevention.InterventionPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A task as agents see it; a deadline not yet stored is computed from the priority. */
final class CallTaskView {
  private CallTaskView() {}

  /** The priority the service levels know; a batch may store one outside their range. */
  static int priority(int stored) {
    return Math.max(InterventionPolicy.PRIORITY_MIN,
        Math.min(InterventionPolicy.PRIORITY_MAX, stored));
  }

  /** A timestamp from a row map, where PostgreSQL's driver gives {@link Timestamp}. */
  static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : null;
  }

  /** Reads a row selected with {@link CallTasks#COLUMNS}. */
  static Map<String, Object> of(ResultSet rs, InterventionPolicy policy) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", rs.getString(1));
    m.put("hold_id", rs.getString(2));
    m.put("account_id", rs.getString(3));
    m.put("reason", rs.getString(4));
    m.put("script", rs.getString(5));
    m.put("priority", rs.getInt(6));
    Instant due = rs.getTimestamp(7).toInstant();
    m.put("due_at", due.toString());
    m.put("kind", rs.getString(8).toLowerCase(Locale.ROOT));
    m.put("source", rs.getString(9).toLowerCase(Locale.ROOT));
    String scamType = rs.getString(10);
    m.put("scam_type", scamType == null ? null : scamType.toLowerCase(Locale.ROOT));
    Timestamp sla = rs.getTimestamp(11);
    m.put("sla_at", (sla != null ? sla.toInstant()
        : policy.slaAt(priority(rs.getInt(6)), due)).toString());
    m.put("assigned_to", rs.getString(12));
    Timestamp claimed = rs.getTimestamp(13);
    m.put("claimed_at", claimed == null ? null : claimed.toInstant().toString());
    m.put("sla_breached", rs.getTimestamp(14) != null);
    m.put("reassignments", rs.getInt(15));
    return m;
  }
}
