package io.holdfast.server.cases;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.cases.CaseTimeline.CaseEvent;
import io.holdfast.server.cases.CaseTimeline.KindCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Builds a case's timeline from the tables the evidence bundle reads, bounded: each kind gives
 * at most its latest {@link #EVENTS_MAX} events through an index on the case and the time
 * (V54), the latest of all of them are kept, and every kind is counted in full, so a case with
 * 10,000 victims answers as fast as one with three.
 */
@Repository
public class CaseTimelines {
  public static final int EVENTS_MAX = 500;
  static final String HOLDFAST = "Holdfast";
  /** The order of events recorded in the same instant: a report before the freeze it caused. */
  private static final List<String> KINDS = List.of("case", "report", "law_enforcement",
      "freeze", "sweep", "outreach", "claim", "refund", "note");

  private final JdbcTemplate jdbc;

  public CaseTimelines(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CaseTimeline of(CaseRows.CaseRow c) {
    List<CaseEvent> all = new ArrayList<>();
    caseEvents(c, all::add);
    reports(c.caseId(), all::add);
    freezes(c.caseId(), all::add);
    claims(c.caseId(), all::add);
    notes(c.caseId(), all::add);
    refunds(c.caseId(), all::add);
    sweeps(c.caseId(), all::add);
    outreach(c.caseId(), all::add);
    requests(c.caseId(), all::add);
    all.sort(Comparator.comparing(CaseEvent::at).thenComparing(e -> KINDS.indexOf(e.kind()))
        .thenComparing(e -> e.ref() == null ? "" : e.ref()));
    List<CaseEvent> latest = all.subList(Math.max(0, all.size() - EVENTS_MAX), all.size());
    List<KindCount> counts = counts(c);
    long total = counts.stream().mapToLong(KindCount::events).sum();
    Invariants.check(total >= latest.size(), "the counts cover the events shown");
    return new CaseTimeline(c.caseId(), EVENTS_MAX, total, total > latest.size(), counts,
        List.copyOf(latest));
  }

  private static void caseEvents(CaseRows.CaseRow c, Consumer<CaseEvent> out) {
    out.accept(event(c.createdAt(), "case", HOLDFAST, "Case opened against " + c.subjectKey(),
        c.caseId()));
    if (c.confirmation() != null) {
      out.accept(event(c.confirmation().at(), "case", c.confirmation().by(), "Asked to confirm"
          + " the case (a second person approves): " + c.confirmation().note(), c.caseId()));
    }
    if (c.decidedAt() != null) {
      out.accept(event(c.decidedAt(), "case", c.decidedBy(), c.state().equals("CONFIRMED")
          ? "Confirmed the case: it is a scam" : "Rejected the case: not a scam", c.caseId()));
    }
  }

  private void reports(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT created_at, reporter_account, report_id, verdict, scam_type, probability,"
        + " loss_usd_minor FROM reports WHERE case_id = ? ORDER BY created_at DESC LIMIT ?",
        rs -> {
          String scam = rs.getString(5) == null ? "" : " (" + lower(rs.getString(5)) + ")";
          long loss = rs.getLong(7);
          out.accept(new CaseEvent(at(rs, 1), "report", "victim " + rs.getString(2),
              (loss > 0 ? "Reported losing money to a scam" : "Reported a scam") + scam
                  + "; the model's verdict: " + lower(rs.getString(4)) + ", "
                  + Math.round(rs.getDouble(6) * 100) + "% likely a scam", loss > 0 ? loss : null,
              loss > 0 ? "USD" : null, rs.getString(3)));
        }, caseId, EVENTS_MAX);
  }

  private void freezes(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT freeze_id, subject_key, kind, basis, reason, state, created_at,"
        + " created_by, appeal_at, appeal_by, appeal_grounds, unfreeze_at, unfreeze_by,"
        + " unfreeze_note, ended_at, ended_by FROM freezes WHERE case_id = ?"
        + " ORDER BY created_at DESC LIMIT ?", rs -> {
          String id = rs.getString(1);
          out.accept(event(at(rs, 7), "freeze", rs.getString(8), "Froze " + rs.getString(2)
              + " (" + lower(rs.getString(3)) + ", on " + basis(rs.getString(4)) + "): "
              + rs.getString(5), id));
          if (rs.getTimestamp(9) != null) {
            out.accept(event(at(rs, 9), "freeze", rs.getString(10), "Appealed the freeze: "
                + rs.getString(11), id));
          }
          if (rs.getTimestamp(12) != null) {
            out.accept(event(at(rs, 12), "freeze", rs.getString(13), "Asked to lift the"
                + " freeze (a second person approves): " + rs.getString(14), id));
          }
          if (rs.getTimestamp(15) != null) {
            out.accept(event(at(rs, 15), "freeze", who(rs.getString(16)),
                rs.getString(6).equals("LIFTED") ? "Lifted the freeze" : "The freeze expired",
                id));
          }
        }, caseId, EVENTS_MAX);
  }

  private void claims(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT claim_id, victim_account, currency, loss_minor, created_at FROM claims"
        + " WHERE case_id = ? ORDER BY created_at DESC LIMIT ?", rs -> {
          out.accept(new CaseEvent(at(rs, 5), "claim", "victim " + rs.getString(2),
              "Claim opened for the loss", rs.getLong(4), rs.getString(3), rs.getString(1)));
        }, caseId, EVENTS_MAX);
    jdbc.query("SELECT claim_id, victim_account, currency, paid_minor, state, decided_at"
        + " FROM claims WHERE case_id = ? AND decided_at IS NOT NULL"
        + " ORDER BY decided_at DESC LIMIT ?", rs -> {
          out.accept(new CaseEvent(at(rs, 6), "claim", HOLDFAST, "The claim of "
              + rs.getString(2) + " was " + lower(rs.getString(5)), null, null,
              rs.getString(1)));
        }, caseId, EVENTS_MAX);
  }

  private void notes(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT note_id, author, body, created_at FROM case_notes WHERE case_id = ?"
        + " ORDER BY note_id DESC LIMIT ?", rs -> {
          out.accept(event(at(rs, 4), "note", rs.getString(2), rs.getString(3),
              "note-" + rs.getLong(1)));
        }, caseId, EVENTS_MAX);
  }

  private void refunds(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT r.refund_id, c.victim_account, r.round, r.amount_minor, r.currency,"
        + " r.created_at, r.created_by FROM refunds r JOIN claims c ON c.claim_id = r.claim_id"
        + " WHERE r.case_id = ? ORDER BY r.created_at DESC LIMIT ?", rs -> {
          out.accept(new CaseEvent(at(rs, 6), "refund", rs.getString(7), "Repaid "
              + rs.getString(2) + " from frozen funds (restitution round " + rs.getInt(3) + ")",
              rs.getLong(4), rs.getString(5), rs.getString(1)));
        }, caseId, EVENTS_MAX);
  }

  private void sweeps(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT w.sweep_id, w.trigger_kind, w.requested_by, w.requested_at, w.state,"
        + " w.finished_at, w.victims_found, w.silent_victims, w.outreach_opened, w.error"
        + " FROM sweeps w JOIN scammers s ON s.scammer_id = w.scammer_id WHERE s.case_id = ?"
        + " ORDER BY w.requested_at DESC LIMIT ?", rs -> {
          String id = rs.getString(1);
          out.accept(event(at(rs, 4), "sweep", rs.getString(3), "Asked for a sweep of"
              + " everyone who paid the scammer (" + lower(rs.getString(2)).replace('_', ' ')
              + ")", id));
          if (rs.getTimestamp(6) != null) {
            out.accept(event(at(rs, 6), "sweep", HOLDFAST, rs.getString(5).equals("DONE")
                ? "The sweep found " + rs.getInt(7) + " victims, " + rs.getInt(8)
                    + " of whom had never reported, and wrote to " + rs.getInt(9)
                : "The sweep failed: " + rs.getString(10), id));
          }
        }, caseId, EVENTS_MAX);
  }

  private void outreach(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT outreach_id, victim_account, created_at FROM outreach_cases"
        + " WHERE case_id = ? ORDER BY created_at DESC LIMIT ?", rs -> {
          out.accept(event(at(rs, 3), "outreach", HOLDFAST, "Wrote to " + rs.getString(2)
              + ", who paid the scammer and had not reported it", rs.getString(1)));
        }, caseId, EVENTS_MAX);
    jdbc.query("SELECT r.reply_id, o.victim_account, r.intent, r.body, r.received_at"
        + " FROM outreach_replies r JOIN outreach_cases o ON o.outreach_id = r.outreach_id"
        + " WHERE o.case_id = ? ORDER BY r.received_at DESC LIMIT ?", rs -> {
          String what = switch (rs.getString(3)) {
            case "CONFIRM_LOSS" -> "Replied: yes, they lost this money";
            case "DECLINE" -> "Replied: no, the payment was genuine";
            default -> "Wrote back: " + clip(rs.getString(4));
          };
          out.accept(event(at(rs, 5), "outreach", "victim " + rs.getString(2), what,
              rs.getString(1)));
        }, caseId, EVENTS_MAX);
  }

  private void requests(String caseId, Consumer<CaseEvent> out) {
    jdbc.query("SELECT request_id, agency, reference, requested_action, created_by, created_at"
        + " FROM le_requests WHERE case_id = ? ORDER BY created_at DESC LIMIT ?", rs -> {
          out.accept(event(at(rs, 6), "law_enforcement", rs.getString(5), "Law-enforcement"
              + " request from " + rs.getString(2) + " (" + rs.getString(3) + ") to "
              + lower(rs.getString(4)), rs.getString(1)));
        }, caseId, EVENTS_MAX);
  }

  /** Every event of each kind, counted in the database. */
  private List<KindCount> counts(CaseRows.CaseRow c) {
    String id = c.caseId();
    long caseEvents = 1 + (c.confirmation() == null ? 0 : 1) + (c.decidedAt() == null ? 0 : 1);
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM reports WHERE case_id = ?),"
        + " (SELECT COUNT(*) FROM le_requests WHERE case_id = ?),"
        + " (SELECT COUNT(*) + COUNT(appeal_at) + COUNT(unfreeze_at) + COUNT(ended_at)"
        + " FROM freezes WHERE case_id = ?),"
        + " (SELECT COUNT(*) + COUNT(w.finished_at) FROM sweeps w JOIN scammers s"
        + " ON s.scammer_id = w.scammer_id WHERE s.case_id = ?),"
        + " (SELECT COUNT(*) FROM outreach_cases WHERE case_id = ?) + (SELECT COUNT(*)"
        + " FROM outreach_replies r JOIN outreach_cases o ON o.outreach_id = r.outreach_id"
        + " WHERE o.case_id = ?),"
        + " (SELECT COUNT(*) + COUNT(decided_at) FROM claims WHERE case_id = ?),"
        + " (SELECT COUNT(*) FROM refunds WHERE case_id = ?),"
        + " (SELECT COUNT(*) FROM case_notes WHERE case_id = ?)", (rs, n) -> {
          List<KindCount> out = new ArrayList<>();
          out.add(new KindCount("case", caseEvents));
          for (int i = 1; i < KINDS.size(); i++) {
            out.add(new KindCount(KINDS.get(i), rs.getLong(i)));
          }
          return List.copyOf(out);
        }, id, id, id, id, id, id, id, id, id);
  }

  private static CaseEvent event(Instant at, String kind, String who, String what, String ref) {
    return new CaseEvent(at, kind, who, what, null, null, ref);
  }

  private static Instant at(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t.toInstant();
  }

  private static String who(String actor) {
    return actor == null ? HOLDFAST : actor;
  }

  private static String basis(String basis) {
    return switch (basis) {
      case "VERDICT" -> "the report's verdict";
      case "LAW_ENFORCEMENT" -> "a law-enforcement request";
      default -> "an analyst's decision";
    };
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
