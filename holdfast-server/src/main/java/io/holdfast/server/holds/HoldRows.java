package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldTerms;
import io.holdfast.core.hold.Resolution;
import io.holdfast.core.hold.RiskTier;
import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.support.Invariants;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds in PostgreSQL. Each state type maps to one {@code state} value; changes are conditional
 * on the version read under the row lock, so a lost update is impossible even if a caller
 * forgot the lock.
 */
@Repository
public class HoldRows {
  static final String COLUMNS = "hold_id, transfer_id, sender_account, recipient_key,"
      + " amount_minor, currency, tier, reason_codes, state, release_at, legal_deadline,"
      + " ladder_step, finding, resolution, resolved_at, resolved_by, created_at, version,"
      + " sender_vulnerable, scam_type, ladder_next_at, recheck_at";

  /**
   * A hold to insert, with when its next ladder step falls due and when its checks next re-run
   * (null: none).
   */
  public record NewHold(Hold.Held hold, Instant ladderNextAt, Instant recheckAt) {
    public NewHold {
      Invariants.check(recheckAt == null || recheckAt.isBefore(hold.releaseAt()),
          "hold %s: a re-check is before the deadline, or there is none", hold.holdId());
    }
  }

  /** A held hold whose re-check fell due, with when it was due. */
  public record RecheckDue(Hold.Held hold, Instant due) {}

  /** A held hold re-checked without a finding, and its next re-check (null: none). */
  public record Rescheduled(Hold.Held hold, Instant next) {
    public Rescheduled {
      Invariants.check(next == null || next.isBefore(hold.releaseAt()),
          "hold %s: a re-check is before the deadline, or there is none", hold.holdId());
    }
  }

  private final JdbcTemplate jdbc;
  private final CurrencyCatalog currencies;
  private final HoldUpdates updates;

  public HoldRows(JdbcTemplate jdbc, CurrencyCatalog currencies) {
    this.jdbc = jdbc;
    this.currencies = currencies;
    this.updates = new HoldUpdates(jdbc);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(List<NewHold> holds) {
    jdbc.batchUpdate("INSERT INTO holds (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " 'HELD', ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?)",
        holds, holds.size(), (ps, n) -> {
          Hold.Held h = n.hold();
          HoldTerms t = h.terms();
          terms(ps, t);
          ps.setTimestamp(9, Timestamp.from(h.releaseAt()));
          ps.setTimestamp(10, Timestamp.from(t.legalDeadline()));
          ps.setInt(11, h.ladderStep());
          ps.setTimestamp(12, Timestamp.from(t.createdAt()));
          ps.setInt(13, h.version());
          ps.setBoolean(14, t.senderVulnerable());
          ps.setString(15, ScamType.suspected(t.reasonCodes()).name());
          ps.setTimestamp(16, n.ladderNextAt() == null ? null : Timestamp.from(n.ladderNextAt()));
          ps.setTimestamp(17, n.recheckAt() == null ? null : Timestamp.from(n.recheckAt()));
        });
  }

  private static void terms(PreparedStatement ps, HoldTerms t) throws SQLException {
    ps.setString(1, t.holdId());
    ps.setString(2, t.transferId());
    ps.setString(3, t.senderAccount());
    ps.setString(4, t.recipientKey());
    ps.setLong(5, t.amount().amountMinor());
    ps.setString(6, t.amount().currency().code());
    ps.setString(7, t.tier().name());
    ps.setString(8, String.join(",", t.reasonCodes()));
  }

  public Optional<Hold> find(String holdId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM holds WHERE hold_id = ?",
        (rs, n) -> map(rs), holdId).stream().findFirst();
  }

  /** Reads a hold under a row lock; the caller's transaction holds it until commit. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Hold> lock(String holdId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM holds WHERE hold_id = ? FOR UPDATE",
        (rs, n) -> map(rs), holdId).stream().findFirst();
  }

  /**
   * Locks up to {@code limit} due active holds that no other sweeper has locked, oldest
   * deadline first. SKIP LOCKED lets several sweepers share the work without waiting.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Hold> lockDue(Instant now, int limit) {
    Invariants.check(limit > 0 && limit <= 10_000, "batch size out of bounds");
    // Only active holds have a release_at (a CHECK constraint), so no state predicate is
    // needed, and the scan follows the release_at index in order and stops at the limit.
    return jdbc.query("SELECT " + COLUMNS + " FROM holds"
            + " WHERE release_at <= ? ORDER BY release_at LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, n) -> map(rs), Timestamp.from(now), limit);
  }

  /** Locks the active holds of transfers to {@code recipientKey}, at most {@code limit}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Hold> lockActiveTo(String recipientKey, int limit) {
    Invariants.check(limit > 0 && limit <= 10_000, "batch size out of bounds");
    return jdbc.query("SELECT " + COLUMNS + " FROM holds WHERE recipient_key = ?"
            + " AND state IN ('HELD', 'UNDER_INVESTIGATION') ORDER BY hold_id LIMIT ? FOR UPDATE",
        (rs, n) -> map(rs), recipientKey, limit);
  }

  /** Locks the hold of a transfer, if it has one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Hold> lockByTransfer(String transferId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM holds WHERE transfer_id = ? FOR UPDATE",
        (rs, n) -> map(rs), transferId).stream().findFirst();
  }

  /** Locks active holds whose next ladder step is due, skipping holds others have locked. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Hold> lockLadderDue(Instant now, int limit) {
    Invariants.check(limit > 0 && limit <= 10_000, "batch size out of bounds");
    // Terminal holds have no ladder_next_at (cleared when they end), as with release_at.
    return jdbc.query("SELECT " + COLUMNS + " FROM holds"
            + " WHERE ladder_next_at <= ? ORDER BY ladder_next_at LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, n) -> map(rs), Timestamp.from(now), limit);
  }

  /**
   * Locks up to {@code limit} held holds whose re-check fell due and that no other re-check has
   * locked, the longest due first, with when each was due.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<RecheckDue> lockRecheckDue(Instant now, int limit) {
    Invariants.check(limit > 0 && limit <= 10_000, "batch size out of bounds");
    // Only held holds have a recheck_at (a CHECK constraint), so, as with release_at, the scan
    // follows the index in order and stops at the limit.
    return jdbc.query("SELECT " + COLUMNS + " FROM holds"
            + " WHERE recheck_at <= ? ORDER BY recheck_at LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, n) -> {
          Hold hold = map(rs);
          Invariants.check(hold instanceof Hold.Held, "hold %s has a re-check but is %s",
              hold.holdId(), HoldStates.name(hold));
          return new RecheckDue((Hold.Held) hold, rs.getTimestamp("recheck_at").toInstant());
        }, Timestamp.from(now), limit);
  }

  /**
   * Moves the re-check of holds that were re-checked and stayed as they were; like a change,
   * it is conditional on the version and the state read under the lock.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reschedule(List<Rescheduled> holds) {
    int[][] counts = jdbc.batchUpdate("UPDATE holds SET recheck_at = ?"
            + " WHERE hold_id = ? AND version = ? AND state = 'HELD'",
        holds, holds.size(), (ps, r) -> {
          ps.setTimestamp(1, r.next() == null ? null : Timestamp.from(r.next()));
          ps.setString(2, r.hold().holdId());
          ps.setInt(3, r.hold().version());
        });
    checkOneEach(counts);
  }

  /**
   * Writes the new states; every row must still be at the version it was read at.
   * {@code ladderNextAt} gives each active hold's next ladder time (null when none is left),
   * {@code recheckAt} a held hold's next re-check should it have none before its (new) deadline.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void update(List<Hold> changed, Function<Hold, Instant> ladderNextAt,
      Function<Hold, Instant> recheckAt) {
    updates.update(changed, ladderNextAt, recheckAt);
  }

  private static void checkOneEach(int[][] counts) {
    for (int[] batch : counts) {
      for (int count : batch) {
        Invariants.check(count == 1 || count == java.sql.Statement.SUCCESS_NO_INFO,
            "a hold changed under a lock (lost update)");
      }
    }
  }

  Hold map(ResultSet rs) throws SQLException {
    Money amount = new Money(rs.getLong("amount_minor"),
        currencies.find(rs.getString("currency")).orElseThrow());
    String codes = rs.getString("reason_codes");
    HoldTerms terms = new HoldTerms(rs.getString("hold_id"), rs.getString("transfer_id"),
        rs.getString("sender_account"), rs.getString("recipient_key"), amount,
        RiskTier.valueOf(rs.getString("tier")), rs.getBoolean("sender_vulnerable"),
        codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("legal_deadline").toInstant());
    int version = rs.getInt("version");
    String state = rs.getString("state");
    Timestamp releaseAt = rs.getTimestamp("release_at");
    switch (state) {
      case "HELD":
        return new Hold.Held(terms, releaseAt.toInstant(), rs.getInt("ladder_step"), version);
      case "UNDER_INVESTIGATION":
        return new Hold.UnderInvestigation(terms, releaseAt.toInstant(),
            rs.getInt("ladder_step"), rs.getString("finding"), version);
      default:
        Resolution resolution = Resolution.valueOf(rs.getString("resolution"));
        Instant resolvedAt = rs.getTimestamp("resolved_at").toInstant();
        String by = rs.getString("resolved_by");
        return state.equals("RELEASED")
            ? new Hold.Released(terms, resolution, resolvedAt, by, version)
            : new Hold.Returned(terms, resolution, resolvedAt, by, version);
    }
  }
}
