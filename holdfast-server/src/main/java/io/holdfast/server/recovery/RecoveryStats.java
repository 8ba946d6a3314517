package io.holdfast.server.recovery;

import io.holdfast.server.support.SqlSums;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rapid recovery's numbers, counted from the record rather than estimated: reports by verdict,
 * time from report to freeze, amounts frozen and repaid, appeals and how they ended.
 */
@Component
public class RecoveryStats {
  private static final int TIMING_SAMPLES_MAX = 100_000;

  private final JdbcTemplate jdbc;

  public RecoveryStats(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Map<String, Object> since(Instant from) {
    Timestamp t = Timestamp.from(from);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("since", from.toString());
    Map<String, Object> verdicts = new LinkedHashMap<>();
    jdbc.query("SELECT verdict, COUNT(*) FROM reports WHERE created_at >= ? GROUP BY verdict"
        + " ORDER BY verdict", rs -> {
          verdicts.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
        }, t);
    out.put("reports_by_verdict", verdicts);
    out.put("freezes_by_basis", counts("SELECT basis, COUNT(*) FROM freezes WHERE created_at >= ?"
        + " GROUP BY basis ORDER BY basis", t));
    out.put("report_to_freeze_millis", reportToFreeze(t));
    out.put("frozen_minor", sums("SELECT ff.currency, SUM(ff.amount_minor) FROM frozen_funds ff"
        + " JOIN freezes f ON f.freeze_id = ff.freeze_id WHERE f.created_at >= ?"
        + " GROUP BY ff.currency ORDER BY ff.currency", t));
    out.put("repaid_minor", sums("SELECT currency, SUM(amount_minor) FROM refunds"
        + " WHERE created_at >= ? GROUP BY currency ORDER BY currency", t));
    // An appeal is open while its freeze is active, upheld once the freeze was lifted.
    out.put("appeals", counts("SELECT CASE WHEN state = 'ACTIVE' THEN 'open'"
        + " WHEN state = 'LIFTED' THEN 'upheld' ELSE 'expired' END, COUNT(*) FROM freezes"
        + " WHERE appeal_at >= ? GROUP BY 1 ORDER BY 1", t));
    return out;
  }

  /** Median and p99 of report to freeze commit, for freezes a verdict made. */
  private Map<String, Object> reportToFreeze(Timestamp from) {
    List<Long> millis = new ArrayList<>(jdbc.query("SELECT r.created_at, f.created_at"
            + " FROM reports r JOIN freezes f ON f.freeze_id = r.freeze_id"
            + " WHERE r.created_at >= ? LIMIT " + TIMING_SAMPLES_MAX,
        (rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(),
            rs.getTimestamp(2).toInstant()).toMillis(), from));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", millis.size());
    if (!millis.isEmpty()) {
      Collections.sort(millis);
      out.put("median", millis.get(millis.size() / 2));
      out.put("p99", millis.get(Math.min(millis.size() - 1, (int) (millis.size() * 0.99))));
    }
    return out;
  }

  private Map<String, Object> counts(String sql, Object... args) {
    Map<String, Object> out = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
    }, args);
    return out;
  }

  /** Totals per currency; saturating, since statistics describe ({@link SqlSums}). */
  private Map<String, Object> sums(String sql, Object... args) {
    Map<String, Object> out = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      out.put(rs.getString(1), SqlSums.saturated(rs, 2));
    }, args);
    return out;
  }
}
