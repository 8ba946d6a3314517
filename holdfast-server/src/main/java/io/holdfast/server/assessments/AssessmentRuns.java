package io.holdfast.server.assessments;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.holdfast.server.support.RunLease;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run rows of the daily assessment: created once per day, leased by one runner at a time,
 * advanced chunk by chunk with the counts of what each chunk did.
 */
final class AssessmentRuns {
  /** What one chunk added to the run. */
  record ChunkCounts(int accounts, int recorded, int messaged, int cooling, int optedOut,
      int tasks) {}

  private final JdbcTemplate jdbc;
  private final RunLease lease;

  AssessmentRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.lease = new RunLease(jdbc, "assessment_runs", "run_date = ?");
  }

  /** Creates the day's run unless it exists; true when it created it. */
  boolean create(LocalDate date, Instant asOf, String assessorVersion, Instant now) {
    return jdbc.update("INSERT INTO assessment_runs (run_date, state, as_of, cursor_account, chunks,"
        + " accounts_assessed, exposures_recorded, messages_sent, messages_cooling,"
        + " messages_opted_out, tasks_opened, assessor_version, started_at)"
        + " VALUES (?, 'RUNNING', ?, '', 0, 0, 0, 0, 0, 0, 0, ?, ?) ON CONFLICT DO NOTHING",
        Date.valueOf(date), Timestamp.from(asOf), assessorVersion, Timestamp.from(now)) == 1;
  }

  /** Takes the lease when the run is unleased, ours, or its lease ran out; true on success. */
  boolean lease(LocalDate date, String owner, Instant now, Instant until) {
    return lease.take(key(date), owner, now, until);
  }

  /** The cursor, when {@code owner} still holds the lease; locks the row until commit. */
  Optional<String> cursorIfLeased(LocalDate date, String owner) {
    return lease.cursorIfHeld(key(date), owner).map(RunLease.Cursor::afterAccount);
  }

  void advance(LocalDate date, String cursor, ChunkCounts c, Instant leaseUntil) {
    int updated = jdbc.update("UPDATE assessment_runs SET cursor_account = ?, chunks = chunks + 1,"
        + " accounts_assessed = accounts_assessed + ?, exposures_recorded = exposures_recorded"
        + " + ?, messages_sent = messages_sent + ?, messages_cooling = messages_cooling + ?,"
        + " messages_opted_out = messages_opted_out + ?, tasks_opened = tasks_opened + ?,"
        + " lease_until = ? WHERE run_date = ?", cursor, c.accounts(), c.recorded(),
        c.messaged(), c.cooling(), c.optedOut(), c.tasks(), Timestamp.from(leaseUntil),
        Date.valueOf(date));
    io.holdfast.core.support.Invariants.check(updated == 1, "the run row vanished");
  }

  void finish(LocalDate date, Instant now) {
    lease.finish(key(date), now);
  }

  private static Object[] key(LocalDate date) {
    return new Object[] {Date.valueOf(date)};
  }

  Optional<Map<String, Object>> view(LocalDate date) {
    return jdbc.query("SELECT run_date, state, as_of, chunks, accounts_assessed,"
        + " exposures_recorded, messages_sent, messages_cooling, messages_opted_out,"
        + " tasks_opened, assessor_version, started_at, finished_at FROM assessment_runs"
        + " WHERE run_date = ?", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("date", rs.getDate(1).toLocalDate().toString());
          m.put("state", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
          m.put("as_of", rs.getTimestamp(3).toInstant().toString());
          m.put("chunks", rs.getInt(4));
          m.put("accounts_assessed", rs.getLong(5));
          m.put("exposures_recorded", rs.getLong(6));
          m.put("messages_sent", rs.getLong(7));
          m.put("messages_suppressed_cooling_down", rs.getLong(8));
          m.put("messages_suppressed_opted_out", rs.getLong(9));
          m.put("tasks_opened", rs.getLong(10));
          m.put("assessor_version", rs.getString(11));
          m.put("started_at", rs.getTimestamp(12).toInstant().toString());
          Timestamp finished = rs.getTimestamp(13);
          m.put("finished_at", finished == null ? null : finished.toInstant().toString());
          return m;
        }, Date.valueOf(date)).stream().findFirst();
  }
}
