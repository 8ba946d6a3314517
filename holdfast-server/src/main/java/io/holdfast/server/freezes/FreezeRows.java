package io.holdfast.server.freezes;

import io.holdfast.core.freeze.Freeze;
import io.holdfast.core.freeze.FreezeBasis;
import io.holdfast.core.freeze.FreezeKind;
import io.holdfast.core.freeze.FreezeTerms;
import io.holdfast.core.support.Invariants;
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

/**
 * Freezes in the store. Each state type maps to one {@code state} value; updates are
 * conditional on the version read under the row lock.
 */
@Repository
public class FreezeRows {
  static final String COLUMNS = "freeze_id, case_id, subject_key, account_id, basis, reason,"
      + " kind, state, expires_at, appeal_by, appeal_at, appeal_grounds, unfreeze_by,"
      + " unfreeze_at, unfreeze_note, ended_at, ended_by, created_at, created_by, version";

  private final JdbcTemplate jdbc;

  public FreezeRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new freeze; the UNIQUE active_subject refuses a second active one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(Freeze.Active f) {
    FreezeTerms t = f.terms();
    jdbc.update("INSERT INTO freezes (" + COLUMNS + ", active_subject) VALUES (?, ?, ?, ?, ?,"
            + " ?, ?, 'ACTIVE', ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?)",
        t.freezeId(), t.caseId(), t.subjectKey(), t.accountId(), t.basis().name(), t.reason(),
        f.kind().name(), ts(f.expiresAt()), ts(t.createdAt()), t.createdBy(), f.version(),
        t.subjectKey());
  }

  public Optional<Freeze> find(String freezeId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM freezes WHERE freeze_id = ?",
        (rs, n) -> map(rs), freezeId).stream().findFirst();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Freeze> lock(String freezeId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM freezes WHERE freeze_id = ? FOR UPDATE",
        (rs, n) -> map(rs), freezeId).stream().findFirst();
  }

  /** The active freeze on a subject, if any. */
  public Optional<Freeze> activeOn(String subjectKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM freezes WHERE active_subject = ?",
        (rs, n) -> map(rs), subjectKey).stream().findFirst();
  }

  public List<Freeze> ofCase(String caseId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM freezes WHERE case_id = ?"
        + " ORDER BY created_at, freeze_id LIMIT 1000", (rs, n) -> map(rs), caseId);
  }

  /** Locks precautionary freezes past their deadline that no other sweeper holds. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Freeze> lockExpired(Instant now, int limit) {
    Invariants.check(limit > 0 && limit <= 10_000, "batch size out of bounds");
    // Only active precautionary freezes have expires_at (a CHECK keeps it so).
    return jdbc.query("SELECT " + COLUMNS + " FROM freezes WHERE expires_at <= ?"
            + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, n) -> map(rs), Timestamp.from(now), limit);
  }

  /** The keys of every active freeze, for the in-memory frozen set. */
  public List<String> activeSubjects() {
    return jdbc.queryForList("SELECT active_subject FROM freezes WHERE active_subject IS NOT NULL",
        String.class);
  }

  /** Writes the next state; the row must still be at the version it was read at. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void update(Freeze next) {
    Row r = Row.of(next);
    // An ended freeze keeps the appeal and unfreeze request it had: they are its history.
    int n = jdbc.update("UPDATE freezes SET kind = COALESCE(?, kind), state = ?, expires_at = ?,"
            + " appeal_by = COALESCE(?, appeal_by), appeal_at = COALESCE(?, appeal_at),"
            + " appeal_grounds = COALESCE(?, appeal_grounds), unfreeze_by = COALESCE(?,"
            + " unfreeze_by), unfreeze_at = COALESCE(?, unfreeze_at), unfreeze_note = COALESCE(?,"
            + " unfreeze_note), ended_at = ?, ended_by = ?, active_subject = ?, version = ?"
            + " WHERE freeze_id = ? AND version = ?",
        r.kind, r.state, ts(r.expiresAt), r.appealBy, ts(r.appealAt), r.appealGrounds,
        r.unfreezeBy, ts(r.unfreezeAt), r.unfreezeNote, ts(r.endedAt), r.endedBy,
        r.state.equals("ACTIVE") ? next.terms().subjectKey() : null, next.version(),
        next.freezeId(), next.version() - 1);
    Invariants.check(n == 1, "freeze %s changed under a lock (lost update)", next.freezeId());
  }

  /** Sets what the platform reports frozen on a freeze's account in one currency. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordFunds(String freezeId, String currency, long amountMinor, String actor,
      Instant at) {
    int n = jdbc.update("UPDATE frozen_funds SET amount_minor = ?, reported_at = ?,"
        + " reported_by = ? WHERE freeze_id = ? AND currency = ?", amountMinor, ts(at), actor,
        freezeId, currency);
    if (n == 0) {
      jdbc.update("INSERT INTO frozen_funds (freeze_id, currency, amount_minor, reported_at,"
          + " reported_by) VALUES (?, ?, ?, ?, ?)", freezeId, currency, amountMinor, ts(at), actor);
    }
  }

  /** What the platform reported frozen on a freeze, per currency. */
  public List<java.util.Map<String, Object>> funds(String freezeId) {
    return jdbc.query("SELECT currency, amount_minor FROM frozen_funds WHERE freeze_id = ?"
        + " ORDER BY currency", (rs, n) -> java.util.Map.<String, Object>of("currency",
            rs.getString(1), "amount_minor", rs.getLong(2)), freezeId);
  }

  /** The columns a state writes; null keeps the stored value (an ended freeze's kind). */
  private record Row(String kind, String state, Instant expiresAt, String appealBy,
      Instant appealAt, String appealGrounds, String unfreezeBy, Instant unfreezeAt,
      String unfreezeNote, Instant endedAt, String endedBy) {
    static Row of(Freeze f) {
      if (f instanceof Freeze.Active a) {
        Freeze.Appeal ap = a.appeal();
        Freeze.UnfreezeRequest u = a.unfreezeRequest();
        return new Row(a.kind().name(), "ACTIVE", a.expiresAt(),
            ap == null ? null : ap.by(), ap == null ? null : ap.at(),
            ap == null ? null : ap.grounds(), u == null ? null : u.by(),
            u == null ? null : u.at(), u == null ? null : u.note(), null, null);
      }
      if (f instanceof Freeze.Lifted l) {
        return new Row(null, "LIFTED", null, null, null, null,
            l.requestedBy(), null, null, l.liftedAt(), l.approvedBy());
      }
      Freeze.Expired e = (Freeze.Expired) f;
      return new Row(null, "EXPIRED", null, null, null, null, null,
          null, null, e.expiredAt(), "system");
    }
  }

  static Freeze map(ResultSet rs) throws SQLException {
    FreezeTerms terms = new FreezeTerms(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), FreezeBasis.valueOf(rs.getString(5)), rs.getString(6),
        instant(rs, 18), rs.getString(19));
    int version = rs.getInt(20);
    return switch (rs.getString(8)) {
      case "ACTIVE" -> new Freeze.Active(terms, FreezeKind.valueOf(rs.getString(7)),
          instant(rs, 9), rs.getString(10) == null ? null
              : new Freeze.Appeal(rs.getString(10), instant(rs, 11), rs.getString(12)),
          rs.getString(13) == null ? null
              : new Freeze.UnfreezeRequest(rs.getString(13), instant(rs, 14), rs.getString(15)),
          version);
      case "LIFTED" -> new Freeze.Lifted(terms, rs.getString(13), rs.getString(17),
          instant(rs, 16), version);
      default -> new Freeze.Expired(terms, instant(rs, 16), version);
    };
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
