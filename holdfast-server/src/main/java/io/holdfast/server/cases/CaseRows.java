package io.holdfast.server.cases;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.support.IdGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases: one per suspected scammer (the subject), gathering the reports, freezes, claims,
 * refunds and notes of one scam.
 */
@Repository
public class CaseRows {
  /**
   * A case as analysts see it. {@code confirmation} is the first person's request to confirm
   * it, waiting for a second person's approval; null when none is waiting.
   */
  public record CaseRow(String caseId, String subjectKey, String state, String scamType,
      String assignedTo, String decidedBy, Instant decidedAt, int restitutionRound,
      Instant createdAt, int version, ConfirmationRequest confirmation) {
    public boolean open() {
      return state.equals("OPEN");
    }
  }

  /** Who asked to confirm a case, when, and why. */
  public record ConfirmationRequest(String by, Instant at, String note) {}

  private static final String COLUMNS = "case_id, subject_key, state, scam_type, assigned_to,"
      + " decided_by, decided_at, restitution_round, created_at, version, confirm_requested_by,"
      + " confirm_requested_at, confirm_request_note";

  private final JdbcTemplate jdbc;
  private final IdGenerator ids;

  public CaseRows(JdbcTemplate jdbc, IdGenerator ids) {
    this.jdbc = jdbc;
    this.ids = ids;
  }

  /** The case of a subject, created when it has none; returns it locked. */
  @Transactional(propagation = Propagation.MANDATORY)
  public CaseRow openFor(String subjectKey, String scamType, Instant now) {
    Invariants.check(subjectKey != null && subjectKey.length() <= 260, "bad subject key");
    jdbc.update("INSERT INTO cases (case_id, subject_key, state, scam_type, restitution_round,"
            + " created_at, updated_at, version) VALUES (?, ?, 'OPEN', ?, 0, ?, ?, 1)"
            + " ON CONFLICT DO NOTHING", ids.next("case"), subjectKey, scamType,
        Timestamp.from(now), Timestamp.from(now));
    return jdbc.query("SELECT " + COLUMNS + " FROM cases WHERE subject_key = ? FOR UPDATE",
        (rs, n) -> map(rs), subjectKey).get(0);
  }

  public Optional<CaseRow> find(String caseId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cases WHERE case_id = ?", (rs, n) -> map(rs),
        caseId).stream().findFirst();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<CaseRow> lock(String caseId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cases WHERE case_id = ? FOR UPDATE",
        (rs, n) -> map(rs), caseId).stream().findFirst();
  }

  /** Cases for the analyst queue, by state, newest first. */
  public List<CaseRow> byState(String state, int limit) {
    Invariants.check(limit >= 1 && limit <= 1000, "page size out of bounds");
    return jdbc.query("SELECT " + COLUMNS + " FROM cases WHERE state = ?"
        + " ORDER BY created_at DESC, case_id LIMIT ?", (rs, n) -> map(rs), state, limit);
  }

  /** Decides the case; a confirmation request it had is settled with it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void decide(CaseRow c, String state, String by, Instant at) {
    int n = jdbc.update("UPDATE cases SET state = ?, decided_by = ?, decided_at = ?,"
            + " confirm_requested_by = NULL, confirm_requested_at = NULL,"
            + " confirm_request_note = NULL, updated_at = ?, version = version + 1"
            + " WHERE case_id = ? AND version = ?",
        state, by, Timestamp.from(at), Timestamp.from(at), c.caseId(), c.version());
    Invariants.check(n == 1, "case %s changed under a lock", c.caseId());
  }

  /** Records the first person's request to confirm an open case. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void requestConfirmation(CaseRow c, ConfirmationRequest request) {
    Invariants.check(c.open() && c.confirmation() == null, "case %s cannot take a request",
        c.caseId());
    int n = jdbc.update("UPDATE cases SET confirm_requested_by = ?, confirm_requested_at = ?,"
            + " confirm_request_note = ?, updated_at = ?, version = version + 1"
            + " WHERE case_id = ? AND version = ?", request.by(), Timestamp.from(request.at()),
        request.note(), Timestamp.from(request.at()), c.caseId(), c.version());
    Invariants.check(n == 1, "case %s changed under a lock", c.caseId());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void assign(CaseRow c, String to, Instant at) {
    int n = jdbc.update("UPDATE cases SET assigned_to = ?, updated_at = ?, version = version + 1"
        + " WHERE case_id = ? AND version = ?", to, Timestamp.from(at), c.caseId(), c.version());
    Invariants.check(n == 1, "case %s changed under a lock", c.caseId());
  }

  /** Starts the next restitution round; returns its number. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int nextRound(CaseRow c, Instant at) {
    int n = jdbc.update("UPDATE cases SET restitution_round = restitution_round + 1,"
            + " updated_at = ?, version = version + 1 WHERE case_id = ? AND version = ?",
        Timestamp.from(at), c.caseId(), c.version());
    Invariants.check(n == 1, "case %s changed under a lock", c.caseId());
    return c.restitutionRound() + 1;
  }

  /** Labels every report of a case CONFIRMED or REJECTED, for the next training. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int labelReports(String caseId, String label) {
    return jdbc.update("UPDATE reports SET label = ? WHERE case_id = ?", label, caseId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void addNote(String caseId, String author, String body, Instant at) {
    jdbc.update("INSERT INTO case_notes (case_id, author, body, created_at) VALUES (?, ?, ?, ?)",
        caseId, author, body, Timestamp.from(at));
  }

  public List<Map<String, Object>> notes(String caseId) {
    return jdbc.query("SELECT author, body, created_at FROM case_notes WHERE case_id = ?"
        + " ORDER BY note_id LIMIT 1000", (rs, n) -> {
          Map<String, Object> note = new LinkedHashMap<>();
          note.put("author", rs.getString(1));
          note.put("body", rs.getString(2));
          note.put("created_at", rs.getTimestamp(3).toInstant().toString());
          return note;
        }, caseId);
  }

  /** Summaries of a case's reports, for the case view. */
  public List<Map<String, Object>> reports(String caseId) {
    return jdbc.query("SELECT report_id, reporter_account, verdict, probability, label,"
        + " created_at FROM reports WHERE case_id = ? ORDER BY created_at, report_id LIMIT 1000",
        (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("report_id", rs.getString(1));
          m.put("reporter_account", rs.getString(2));
          m.put("verdict", rs.getString(3));
          m.put("probability", rs.getDouble(4));
          m.put("label", rs.getString(5));
          m.put("created_at", rs.getTimestamp(6).toInstant().toString());
          return m;
        }, caseId);
  }

  private static CaseRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp decided = rs.getTimestamp(7);
    String requestedBy = rs.getString(11);
    ConfirmationRequest request = requestedBy == null ? null : new ConfirmationRequest(
        requestedBy, rs.getTimestamp(12).toInstant(), rs.getString(13));
    return new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), decided == null ? null : decided.toInstant(),
        rs.getInt(8), rs.getTimestamp(9).toInstant(), rs.getInt(10), request);
  }
}
