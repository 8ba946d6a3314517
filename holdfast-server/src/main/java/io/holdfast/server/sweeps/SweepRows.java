package io.holdfast.server.sweeps;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.support.IdGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Scammers and their sweeps in the store: the queue, the leases and the progress counts. */
@Repository
public class SweepRows {
  /** A counterparty declared a scammer, and the case its victims' claims belong to. */
  public record Scammer(String scammerId, String subjectKey, String caseId, String basis,
      String createdBy, Instant createdAt) {}

  /** One sweep run, with its progress. */
  public record Sweep(String sweepId, String scammerId, String trigger, String triggerRef,
      Instant since, Instant until, String state, int attempts, String leaseOwner,
      int clusterSize, int victimsFound, int victimsWritten, int silentVictims,
      int reportersLinked, int outreachOpened, int claimsOpened, String truncations,
      String error, String requestedBy, Instant requestedAt, Instant startedAt,
      Instant finishedAt) {}

  /** What one written chunk of victims adds to a sweep's counts. */
  record Progress(int victimsWritten, int silentVictims, int reportersLinked,
      int outreachOpened, int claimsOpened) {}

  private static final String SCAMMER = "scammer_id, subject_key, case_id, basis, created_by,"
      + " created_at";
  private static final String SWEEP = "sweep_id, scammer_id, trigger_kind, trigger_ref,"
      + " since_at, until_at, state, attempts, lease_owner, cluster_size, victims_found,"
      + " victims_written, silent_victims, reporters_linked, outreach_opened, claims_opened,"
      + " truncations, error, requested_by, requested_at, started_at, finished_at";

  private final JdbcTemplate jdbc;
  private final IdGenerator ids;

  public SweepRows(JdbcTemplate jdbc, IdGenerator ids) {
    this.jdbc = jdbc;
    this.ids = ids;
  }

  /** The scammer row of a subject, created the first time; returns it locked. */
  @Transactional(propagation = Propagation.MANDATORY)
  Scammer declare(String subjectKey, String caseId, String basis, String actor, Instant now) {
    jdbc.update("INSERT INTO scammers (" + SCAMMER + ") VALUES (?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING", ids.next("scm"), subjectKey, caseId, basis, actor,
        Timestamp.from(now));
    return jdbc.query("SELECT " + SCAMMER + " FROM scammers WHERE subject_key = ? FOR UPDATE",
        (rs, n) -> scammer(rs), subjectKey).get(0);
  }

  public Optional<Scammer> scammer(String scammerId) {
    return jdbc.query("SELECT " + SCAMMER + " FROM scammers WHERE scammer_id = ?",
        (rs, n) -> scammer(rs), scammerId).stream().findFirst();
  }

  public Optional<Scammer> scammerOf(String subjectKey) {
    return jdbc.query("SELECT " + SCAMMER + " FROM scammers WHERE subject_key = ?",
        (rs, n) -> scammer(rs), subjectKey).stream().findFirst();
  }

  /** Locks a scammer, so the chunks of two sweeps of it never interleave. */
  @Transactional(propagation = Propagation.MANDATORY)
  void lockScammer(String scammerId) {
    List<String> found = jdbc.queryForList("SELECT scammer_id FROM scammers WHERE scammer_id = ?"
        + " FOR UPDATE", String.class, scammerId);
    Invariants.check(found.size() == 1, "scammer %s vanished", scammerId);
  }

  /**
   * Queues a sweep of the scammer, or returns the one already queued (not yet started), so a
   * burst of triggers runs one sweep. Returns the sweep id.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  String enqueue(Scammer s, String trigger, String ref, Instant since, Instant until,
      String actor, Instant now) {
    List<String> queued = jdbc.queryForList("SELECT sweep_id FROM sweeps WHERE scammer_id = ?"
        + " AND state = 'QUEUED' ORDER BY requested_at LIMIT 1", String.class, s.scammerId());
    if (!queued.isEmpty()) {
      return queued.get(0);
    }
    String sweepId = ids.next("swp");
    jdbc.update("INSERT INTO sweeps (sweep_id, scammer_id, trigger_kind, trigger_ref, since_at,"
            + " until_at, state, attempts, cluster_size, victims_found, victims_written,"
            + " silent_victims, reporters_linked, outreach_opened, claims_opened, requested_by,"
            + " requested_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)",
        sweepId, s.scammerId(), trigger, ref, Timestamp.from(since), Timestamp.from(until), actor,
        Timestamp.from(now));
    return sweepId;
  }

  /**
   * Claims the oldest queued sweep, or one whose worker's lease ran out, that no other worker
   * holds; the counts of a retried sweep start again, except what it opened, which stays open.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Sweep> claim(String owner, Instant now, Instant leaseUntil) {
    List<String> ids = jdbc.queryForList("SELECT sweep_id FROM sweeps WHERE state = 'QUEUED'"
        + " OR (state = 'RUNNING' AND lease_until < ?) ORDER BY requested_at LIMIT 1"
        + " FOR UPDATE SKIP LOCKED", String.class, Timestamp.from(now));
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    jdbc.update("UPDATE sweeps SET state = 'RUNNING', lease_owner = ?, lease_until = ?,"
        + " attempts = attempts + 1, started_at = COALESCE(started_at, ?), victims_written = 0,"
        + " silent_victims = 0, reporters_linked = 0, error = NULL WHERE sweep_id = ?", owner,
        Timestamp.from(leaseUntil), Timestamp.from(now), ids.get(0));
    return sweep(ids.get(0));
  }

  /** The sweep, locked, if this worker still holds its lease. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Sweep> lockOwned(String sweepId, String owner) {
    return jdbc.query("SELECT " + SWEEP + " FROM sweeps WHERE sweep_id = ? AND state = 'RUNNING'"
        + " AND lease_owner = ? FOR UPDATE", (rs, n) -> sweep(rs), sweepId, owner)
        .stream().findFirst();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void found(String sweepId, int clusterSize, int victimsFound, String truncations,
      Instant leaseUntil) {
    jdbc.update("UPDATE sweeps SET cluster_size = ?, victims_found = ?, truncations = ?,"
        + " lease_until = ? WHERE sweep_id = ?", clusterSize, victimsFound,
        clip(truncations, 4000), Timestamp.from(leaseUntil), sweepId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void progress(String sweepId, Progress p, Instant leaseUntil) {
    jdbc.update("UPDATE sweeps SET victims_written = victims_written + ?, silent_victims ="
            + " silent_victims + ?, reporters_linked = reporters_linked + ?, outreach_opened ="
            + " outreach_opened + ?, claims_opened = claims_opened + ?, lease_until = ?"
            + " WHERE sweep_id = ?", p.victimsWritten(), p.silentVictims(), p.reportersLinked(),
        p.outreachOpened(), p.claimsOpened(), Timestamp.from(leaseUntil), sweepId);
  }

  /** Ends a run: DONE, FAILED, or back to QUEUED for another attempt. */
  @Transactional(propagation = Propagation.MANDATORY)
  void end(String sweepId, String state, String error, Instant now) {
    boolean finished = !state.equals("QUEUED");
    jdbc.update("UPDATE sweeps SET state = ?, lease_owner = NULL, lease_until = NULL, error = ?,"
            + " finished_at = ? WHERE sweep_id = ?", state, clip(error, 1000),
        finished ? Timestamp.from(now) : null, sweepId);
  }

  public Optional<Sweep> sweep(String sweepId) {
    return jdbc.query("SELECT " + SWEEP + " FROM sweeps WHERE sweep_id = ?", (rs, n) -> sweep(rs),
        sweepId).stream().findFirst();
  }

  /** A scammer's sweeps, newest first. */
  public List<Sweep> sweepsOf(String scammerId, int limit) {
    return jdbc.query("SELECT " + SWEEP + " FROM sweeps WHERE scammer_id = ?"
        + " ORDER BY requested_at DESC, sweep_id LIMIT ?", (rs, n) -> sweep(rs), scammerId, limit);
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static Scammer scammer(ResultSet rs) throws SQLException {
    return new Scammer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getTimestamp(6).toInstant());
  }

  private static Sweep sweep(ResultSet rs) throws SQLException {
    return new Sweep(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        instant(rs, 5), instant(rs, 6), rs.getString(7), rs.getInt(8), rs.getString(9),
        rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
        rs.getInt(15), rs.getInt(16), rs.getString(17), rs.getString(18), rs.getString(19),
        instant(rs, 20), instant(rs, 21), instant(rs, 22));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
