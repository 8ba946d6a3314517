package io.holdfast.server.reports;

import io.holdfast.core.verdict.ScamVerdict;
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
import tools.jackson.databind.json.JsonMapper;

/** Victim reports, their verdicts and what they link to. */
@Repository
class ReportRows {
  /** A report to insert, with its verdict and what the freeze policies decided. */
  record NewReport(String reportId, String reporterAccount, String subjectKey, String caseId,
      String scamType, String narrative, List<String> messages, String contactChannel,
      boolean reporterPaid, long lossUsdMinor, ScamVerdict verdict, Map<String, Object> evidence,
      String freezeId, String freezeDecision, Instant at) {}

  /** One link: what kind of thing, and its key. */
  record Link(String type, String key) {}

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  ReportRows(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insert(NewReport r, List<Link> links) {
    Timestamp at = Timestamp.from(r.at());
    jdbc.update("INSERT INTO reports (report_id, reporter_account, subject_key, case_id,"
            + " scam_type, narrative, messages, contact_channel, reporter_paid, loss_usd_minor,"
            + " verdict, probability, reasons, model_version, evidence, freeze_id,"
            + " freeze_decision, created_at, verdict_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)", r.reportId(), r.reporterAccount(), r.subjectKey(), r.caseId(),
        r.scamType(), r.narrative(), json.writeValueAsString(r.messages()), r.contactChannel(),
        r.reporterPaid(), r.lossUsdMinor(), r.verdict().outcome().name(),
        r.verdict().probability(), json.writeValueAsString(r.verdict().reasons()),
        r.verdict().modelVersion(), json.writeValueAsString(r.evidence()), r.freezeId(),
        r.freezeDecision(), at, at);
    jdbc.batchUpdate("INSERT INTO report_links (report_id, link_type, link_key) VALUES (?, ?, ?)"
        + " ON CONFLICT DO NOTHING", links, links.size(), (ps, l) -> {
          ps.setString(1, r.reportId());
          ps.setString(2, l.type());
          ps.setString(3, l.key());
        });
  }

  /** A report as stored; {@code analyst} adds the narrative, evidence and links. */
  Optional<Map<String, Object>> find(String reportId, boolean analyst) {
    return jdbc.query("SELECT report_id, reporter_account, subject_key, case_id, scam_type,"
        + " verdict, probability, reasons, model_version, freeze_decision, label, created_at,"
        + " narrative, messages, evidence, contact_channel FROM reports WHERE report_id = ?",
        (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("report_id", rs.getString(1));
          m.put("reporter_account", rs.getString(2));
          m.put("recipient", rs.getString(3));
          m.put("case_id", rs.getString(4));
          m.put("scam_type", rs.getString(5));
          String label = rs.getString(11);
          m.put("status", label == null ? "judged" : label.toLowerCase(java.util.Locale.ROOT));
          Map<String, Object> verdict = new LinkedHashMap<>();
          verdict.put("outcome", rs.getString(6));
          verdict.put("probability", rs.getDouble(7));
          verdict.put("reasons", json.readValue(rs.getString(8), List.class));
          verdict.put("model_version", rs.getString(9));
          m.put("verdict", verdict);
          m.put("created_at", rs.getTimestamp(12).toInstant().toString());
          if (analyst) {
            m.put("freeze_decision", rs.getString(10));
            m.put("narrative", rs.getString(13));
            m.put("scammer_messages", json.readValue(rs.getString(14), List.class));
            m.put("evidence", json.readValue(rs.getString(15), Map.class));
            m.put("contact_channel", rs.getString(16));
            m.put("links", links(reportId));
          }
          return m;
        }, reportId).stream().findFirst();
  }

  String reporterOf(String reportId) {
    List<String> r = jdbc.queryForList("SELECT reporter_account FROM reports WHERE report_id = ?",
        String.class, reportId);
    return r.isEmpty() ? null : r.get(0);
  }

  List<Map<String, Object>> links(String reportId) {
    return jdbc.query("SELECT link_type, link_key FROM report_links WHERE report_id = ?"
        + " ORDER BY link_type, link_key LIMIT 2000", (rs, n) -> Map.<String, Object>of("type",
            rs.getString(1).toLowerCase(java.util.Locale.ROOT), "key", rs.getString(2)), reportId);
  }

  /** Other reports against the recipient, the recipient's latest inbound transfers. */
  List<String> reportsAgainst(String subjectKey, int limit) {
    return jdbc.queryForList("SELECT report_id FROM reports WHERE subject_key = ?"
        + " ORDER BY created_at DESC LIMIT ?", String.class, subjectKey, limit);
  }

  List<String> inboundTransfers(String subjectKey, int limit) {
    return jdbc.queryForList("SELECT transfer_id FROM transfers t WHERE "
            + ReportEvidenceQueries.recipientMatch(subjectKey)
            + " ORDER BY created_at DESC LIMIT ?", String.class,
        ReportEvidenceQueries.recipientValue(subjectKey), limit);
  }

  List<String> activeHoldsTo(String subjectKey, int limit) {
    return jdbc.queryForList("SELECT hold_id FROM holds WHERE recipient_key = ?"
        + " AND state IN ('HELD', 'UNDER_INVESTIGATION') ORDER BY hold_id LIMIT ?", String.class,
        subjectKey, limit);
  }

  /** Which of the candidate ids are platform accounts. */
  List<String> existingAccounts(List<String> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(candidates.size(), "?"));
    return jdbc.queryForList("SELECT account_id FROM accounts WHERE account_id IN (" + marks
        + ") ORDER BY account_id", String.class, candidates.toArray());
  }
}
