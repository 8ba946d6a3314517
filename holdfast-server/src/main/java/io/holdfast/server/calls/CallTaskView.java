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
  static CallTask of(ResultSet rs, InterventionPolicy policy) throws SQLException {
    Instant due = rs.getTimestamp(7).toInstant();
    String scamType = rs.getString(10);
    Timestamp sla = rs.getTimestamp(11);
    Timestamp claimed = rs.getTimestamp(13);
    return new CallTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getInt(6), due, rs.getString(8).toLowerCase(Locale.ROOT),
        rs.getString(9).toLowerCase(Locale.ROOT),
        scamType == null ? null : scamType.toLowerCase(Locale.ROOT),
        sla != null ? sla.toInstant() : policy.slaAt(priority(rs.getInt(6)), due),
        rs.getString(12), claimed == null ? null : claimed.toInstant(),
        rs.getTimestamp(14) != null, rs.getInt(15));
  }
}
