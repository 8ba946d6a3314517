package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.Resolution;
import io.holdfast.core.support.Invariants;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a batch of changed holds, each conditional on the version read under the row lock.
 * The whole batch is one UPDATE joined to the new values passed as arrays ({@code unnest}):
 * the server plans and runs one statement instead of one per hold. Updating the holds was the
 * largest cost of a sweep in {@code bench holds}, and this cut it to 56% of a JDBC batch of
 * one UPDATE per hold. It checks that every hold was updated exactly once.
 */
final class HoldUpdates {
  /** The most holds one call writes; the sweep's batches are at most 10,000. */
  static final int BATCH_MAX = 10_000;

  /** One hold's new column values. */
  record Row(String holdId, int readVersion, String state, Timestamp releaseAt, int ladderStep,
      String finding, String resolution, Timestamp resolvedAt, String resolvedBy, int version,
      Timestamp ladderNextAt, Timestamp heldReleaseAt, Timestamp recheckAt) {}

  // A held hold keeps a re-check it has if that is still before its deadline (a ladder step or
  // an extension does not put a due re-check off); otherwise it gets the new one. Any other
  // state compares with NULL, so the CASE falls to its ELSE and clears the re-check.
  private static final String UPDATE_SET = "UPDATE holds SET state = v.state,"
      + " release_at = v.release_at, ladder_step = v.ladder_step, finding = v.finding,"
      + " resolution = v.resolution, resolved_at = v.resolved_at, resolved_by = v.resolved_by,"
      + " version = v.version, ladder_next_at = v.ladder_next_at,"
      + " recheck_at = CASE WHEN holds.recheck_at < v.held_release_at THEN holds.recheck_at"
      + " ELSE v.recheck_at END"
      + " FROM unnest(?::text[], ?::int[], ?::text[], ?::timestamptz[], ?::int[], ?::text[],"
      + " ?::text[], ?::timestamptz[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[],"
      + " ?::timestamptz[]) AS v(hold_id, read_version, state, release_at, ladder_step, finding,"
      + " resolution, resolved_at, resolved_by, version, ladder_next_at, held_release_at,"
      + " recheck_at) WHERE holds.hold_id = v.hold_id AND holds.version = v.read_version";

  private final JdbcTemplate jdbc;

  HoldUpdates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the new states; {@code ladderNextAt} gives each active hold's next ladder time (null
   * when none is left), {@code recheckAt} a held hold's next re-check should it have none
   * before its (new) deadline.
   */
  void update(List<Hold> changed, Function<Hold, Instant> ladderNextAt,
      Function<Hold, Instant> recheckAt) {
    Invariants.check(changed.size() <= BATCH_MAX, "hold update batch of %s is over the bound",
        changed.size());
    if (changed.isEmpty()) {
      return;
    }
    List<Row> rows = changed.stream().map(h -> row(h, ladderNextAt, recheckAt)).toList();
    Set<String> ids = new HashSet<>();
    rows.forEach(r -> Invariants.check(ids.add(r.holdId()), "hold %s twice in one update",
        r.holdId()));
    int updated = updateSet(rows);
    Invariants.check(updated == rows.size(),
        "a hold changed under a lock (lost update): %s of %s rows updated", updated, rows.size());
  }

  static Row row(Hold h, Function<Hold, Instant> ladderNextAt,
      Function<Hold, Instant> recheckAt) {
    Instant releaseAt = HoldStates.releaseAt(h);
    Instant next = releaseAt == null ? null : ladderNextAt.apply(h);
    Hold.Held held = h instanceof Hold.Held x ? x : null;
    Instant recheck = held == null ? null : recheckAt.apply(held);
    Invariants.check(recheck == null || recheck.isBefore(held.releaseAt()),
        "hold %s: a re-check is before the deadline, or there is none", h.holdId());
    Resolution resolution = HoldStates.resolution(h);
    Instant resolvedAt = h instanceof Hold.Released r ? r.resolvedAt()
        : h instanceof Hold.Returned r ? r.resolvedAt() : null;
    String resolvedBy = h instanceof Hold.Released r ? r.resolvedBy()
        : h instanceof Hold.Returned r ? r.resolvedBy() : null;
    return new Row(h.holdId(), h.version() - 1, HoldStates.name(h), ts(releaseAt),
        HoldStates.ladderStep(h), h instanceof Hold.UnderInvestigation u ? u.finding() : null,
        resolution == null ? null : resolution.name(), ts(resolvedAt), resolvedBy, h.version(),
        ts(next), held == null ? null : ts(held.releaseAt()), ts(recheck));
  }

  private int updateSet(List<Row> rows) {
    return jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(UPDATE_SET);
      ps.setArray(1, array(con, "text", rows.stream().map(Row::holdId).toArray()));
      ps.setArray(2, array(con, "int4", rows.stream().map(Row::readVersion).toArray()));
      ps.setArray(3, array(con, "text", rows.stream().map(Row::state).toArray()));
      ps.setArray(4, array(con, "timestamptz", rows.stream().map(Row::releaseAt).toArray()));
      ps.setArray(5, array(con, "int4", rows.stream().map(Row::ladderStep).toArray()));
      ps.setArray(6, array(con, "text", rows.stream().map(Row::finding).toArray()));
      ps.setArray(7, array(con, "text", rows.stream().map(Row::resolution).toArray()));
      ps.setArray(8, array(con, "timestamptz", rows.stream().map(Row::resolvedAt).toArray()));
      ps.setArray(9, array(con, "text", rows.stream().map(Row::resolvedBy).toArray()));
      ps.setArray(10, array(con, "int4", rows.stream().map(Row::version).toArray()));
      ps.setArray(11, array(con, "timestamptz",
          rows.stream().map(Row::ladderNextAt).toArray()));
      ps.setArray(12, array(con, "timestamptz",
          rows.stream().map(Row::heldReleaseAt).toArray()));
      ps.setArray(13, array(con, "timestamptz", rows.stream().map(Row::recheckAt).toArray()));
      return ps;
    });
  }

  private static Array array(Connection con, String type, Object[] values) throws SQLException {
    return con.createArrayOf(type, values);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
