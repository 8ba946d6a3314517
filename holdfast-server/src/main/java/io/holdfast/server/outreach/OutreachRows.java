package io.holdfast.server.outreach;

import io.holdfast.core.outreach.Outreach;
import io.holdfast.core.outreach.OutreachTerms;
import io.holdfast.core.support.Invariants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach conversations in the store. Each state type maps to one {@code state} value; the
 * counters and the next reminder's time are columns, and updates are conditional on the version
 * read under the row lock.
 */
@Repository
public class OutreachRows {
  static final String COLUMNS = "outreach_id, case_id, victim_account, scam_type, language,"
      + " created_at, state, guide_sent, reminders_sent, next_at, state_at, version, scammer_id";

  /** A conversation and the scammer whose sweep found the victim. */
  public record Stored(Outreach outreach, String scammerId) {}

  private final JdbcTemplate jdbc;

  public OutreachRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insertAll(List<Outreach> opened, String scammerId, Instant now) {
    jdbc.batchUpdate("INSERT INTO outreach_cases (" + COLUMNS + ", updated_at) VALUES (?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", opened, opened.size(), (ps, o) -> {
          OutreachTerms t = o.terms();
          Row r = Row.of(o);
          ps.setString(1, t.outreachId());
          ps.setString(2, t.caseId());
          ps.setString(3, t.victimAccount());
          ps.setString(4, t.scamType());
          ps.setString(5, t.language());
          ps.setTimestamp(6, Timestamp.from(t.createdAt()));
          ps.setString(7, o.stateName());
          ps.setInt(8, r.guideSent());
          ps.setInt(9, r.remindersSent());
          ps.setTimestamp(10, ts(o.nextAt()));
          ps.setTimestamp(11, ts(r.stateAt()));
          ps.setInt(12, o.version());
          ps.setString(13, scammerId);
          ps.setTimestamp(14, Timestamp.from(now));
        });
  }

  public Optional<Stored> find(String outreachId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM outreach_cases WHERE outreach_id = ?",
        (rs, n) -> map(rs), outreachId).stream().findFirst();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Stored> lock(String outreachId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM outreach_cases WHERE outreach_id = ?"
        + " FOR UPDATE", (rs, n) -> map(rs), outreachId).stream().findFirst();
  }

  /** Locks conversations whose reminder is due that no other sweeper holds. */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Stored> lockDue(Instant now, int limit) {
    Invariants.check(limit > 0 && limit <= 10_000, "batch size out of bounds");
    // Only open conversations have next_at (CHECKs keep it so).
    return jdbc.query("SELECT " + COLUMNS + " FROM outreach_cases WHERE next_at <= ?"
        + " ORDER BY next_at LIMIT ? FOR UPDATE SKIP LOCKED", (rs, n) -> map(rs),
        Timestamp.from(now), limit);
  }

  /** Filed claims of a case whose victims' claims are all paid in full, locked. */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Stored> lockRepaid(String caseId, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM outreach_cases o WHERE o.case_id = ?"
        + " AND o.state = 'CLAIM_FILED' AND EXISTS (SELECT 1 FROM claims c WHERE"
        + " c.case_id = o.case_id AND c.victim_account = o.victim_account AND c.paid_minor > 0)"
        + " AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.case_id = o.case_id"
        + " AND c.victim_account = o.victim_account AND c.state <> 'REJECTED'"
        + " AND c.paid_minor < c.loss_minor) ORDER BY o.outreach_id LIMIT ? FOR UPDATE",
        (rs, n) -> map(rs), caseId, limit);
  }

  /** The conversations a case already has, by victim, among {@code victims}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, String> existing(String caseId, List<String> victims) {
    if (victims.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, String> out = new HashMap<>();
    jdbc.query("SELECT victim_account, outreach_id FROM outreach_cases WHERE case_id = ?"
        + " AND victim_account IN (" + placeholders(victims.size()) + ")", rs -> {
          out.put(rs.getString(1), rs.getString(2));
        }, args(caseId, victims));
    return out;
  }

  /** Writes the next state; the row must still be at the version it was read at. */
  @Transactional(propagation = Propagation.MANDATORY)
  void update(Outreach next, Instant now) {
    Row r = Row.of(next);
    int n = jdbc.update("UPDATE outreach_cases SET state = ?, guide_sent = ?, reminders_sent = ?,"
            + " next_at = ?, state_at = ?, updated_at = ?, version = ? WHERE outreach_id = ?"
            + " AND version = ?", next.stateName(), r.guideSent(), r.remindersSent(),
        ts(next.nextAt()), ts(r.stateAt()), Timestamp.from(now), next.version(),
        next.terms().outreachId(), next.version() - 1);
    Invariants.check(n == 1, "outreach %s changed under a lock (lost update)",
        next.terms().outreachId());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insertReply(String replyId, String outreachId, String intent, String body, Instant at,
      String by) {
    jdbc.update("INSERT INTO outreach_replies (reply_id, outreach_id, intent, body, received_at,"
        + " received_by) VALUES (?, ?, ?, ?, ?, ?)", replyId, outreachId, intent, body,
        Timestamp.from(at), by);
  }

  List<Map<String, Object>> replies(String outreachId) {
    return jdbc.query("SELECT reply_id, intent, body, received_at FROM outreach_replies"
        + " WHERE outreach_id = ? ORDER BY received_at, reply_id LIMIT 1000", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("reply_id", rs.getString(1));
          m.put("intent", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
          m.put("body", rs.getString(3));
          m.put("received_at", rs.getTimestamp(4).toInstant().toString());
          return m;
        }, outreachId);
  }

  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  static Object[] args(String first, List<String> rest) {
    Object[] args = new Object[rest.size() + 1];
    args[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      args[i + 1] = rest.get(i);
    }
    return args;
  }

  /** The columns of a state that are not in every state. */
  private record Row(int guideSent, int remindersSent, Instant stateAt) {
    static Row of(Outreach o) {
      if (o instanceof Outreach.Contacted c) {
        return new Row(c.guideSent(), c.remindersSent(), null);
      }
      if (o instanceof Outreach.Read r) {
        return new Row(r.guideSent(), r.remindersSent(), null);
      }
      if (o instanceof Outreach.Replied r) {
        return new Row(r.guideSent(), r.remindersSent(), null);
      }
      if (o instanceof Outreach.ClaimFiled c) {
        return new Row(5, 0, c.filedAt());
      }
      if (o instanceof Outreach.Repaid r) {
        return new Row(5, 0, r.repaidAt());
      }
      if (o instanceof Outreach.Declined d) {
        return new Row(0, 0, d.declinedAt());
      }
      Outreach.Unreachable u = (Outreach.Unreachable) o;
      return new Row(u.guideSent(), 0, u.since());
    }
  }

  private static Stored map(ResultSet rs) throws SQLException {
    OutreachTerms terms = new OutreachTerms(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    int guide = rs.getInt(8);
    int reminders = rs.getInt(9);
    Instant nextAt = instant(rs, 10);
    Instant stateAt = instant(rs, 11);
    int version = rs.getInt(12);
    Outreach o = switch (rs.getString(7)) {
      case "CONTACTED" -> new Outreach.Contacted(terms, guide, reminders, nextAt, version);
      case "READ" -> new Outreach.Read(terms, guide, reminders, nextAt, version);
      case "REPLIED" -> new Outreach.Replied(terms, guide, reminders, nextAt, version);
      case "CLAIM_FILED" -> new Outreach.ClaimFiled(terms, stateAt, version);
      case "REPAID" -> new Outreach.Repaid(terms, stateAt, version);
      case "DECLINED" -> new Outreach.Declined(terms, stateAt, version);
      case "UNREACHABLE" -> new Outreach.Unreachable(terms, stateAt, guide, version);
      default -> throw new IllegalStateException("unknown outreach state " + rs.getString(7));
    };
    return new Stored(o, rs.getString(13));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
