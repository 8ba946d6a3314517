package io.holdfast.server.rules;

import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.screening.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code rule_drafts}. */
@Repository
public class RuleDraftRows {
  /** A stored draft: the rule as proposed and what became of it. */
  public record Row(String draftId, Rule rule, Integer baseVersion, String note, String state,
      String proposedBy, Instant proposedAt, String publishedBy, Instant publishedAt,
      String withdrawnBy, Instant withdrawnAt) {}

  private final JdbcClient jdbc;

  public RuleDraftRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String draftId, Rule rule, Integer baseVersion, String note, String by,
      Instant at) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", draftId);
    p.put("name", rule.name());
    p.put("base", baseVersion);
    p.put("expression", rule.expression());
    p.put("outcome", rule.outcome() == null ? null : rule.outcome().name());
    p.put("score", rule.score());
    p.put("reason", rule.reasonCode());
    p.put("description", rule.description());
    p.put("status", rule.status().name());
    p.put("note", note);
    p.put("by", by);
    p.put("at", Timestamp.from(at));
    jdbc.sql("""
            INSERT INTO rule_drafts (draft_id, rule_name, base_version, expression, outcome,
              score, reason_code, description, status, note, state, proposed_by, proposed_at)
            VALUES (:id, :name, :base, :expression, :outcome, :score, :reason, :description,
              :status, :note, 'PROPOSED', :by, :at)""")
        .params(p).update();
  }

  public Optional<Row> find(String draftId) {
    return jdbc.sql("SELECT * FROM rule_drafts WHERE draft_id = :id").param("id", draftId)
        .query(RuleDraftRows::map).optional();
  }

  /** Locks the draft's row, so two people deciding it at once decide it one after the other. */
  public Optional<Row> lock(String draftId) {
    return jdbc.sql("SELECT * FROM rule_drafts WHERE draft_id = :id FOR UPDATE")
        .param("id", draftId).query(RuleDraftRows::map).optional();
  }

  /** The newest drafts, of one state or of all when {@code state} is null. */
  public List<Row> newest(String state, int limit) {
    return jdbc.sql("""
            SELECT * FROM rule_drafts WHERE (CAST(:state AS VARCHAR) IS NULL OR state = :state)
            ORDER BY proposed_at DESC, draft_id DESC LIMIT :limit""")
        .param("state", state).param("limit", limit).query(RuleDraftRows::map).list();
  }

  public void published(String draftId, String by, Instant at) {
    int n = jdbc.sql("""
            UPDATE rule_drafts SET state = 'PUBLISHED', published_by = :by, published_at = :at
            WHERE draft_id = :id AND state = 'PROPOSED'""")
        .param("id", draftId).param("by", by).param("at", Timestamp.from(at)).update();
    io.holdfast.core.support.Invariants.check(n == 1, "draft %s was not open", draftId);
  }

  public void withdrawn(String draftId, String by, Instant at) {
    int n = jdbc.sql("""
            UPDATE rule_drafts SET state = 'WITHDRAWN', withdrawn_by = :by, withdrawn_at = :at
            WHERE draft_id = :id AND state = 'PROPOSED'""")
        .param("id", draftId).param("by", by).param("at", Timestamp.from(at)).update();
    io.holdfast.core.support.Invariants.check(n == 1, "draft %s was not open", draftId);
  }

  private static Row map(ResultSet rs, int n) throws SQLException {
    String outcome = rs.getString("outcome");
    int base = rs.getInt("base_version");
    Integer baseVersion = rs.wasNull() ? null : base;
    Rule rule = new Rule(rs.getString("rule_name"), rs.getString("expression"),
        outcome == null ? null : Outcome.valueOf(outcome), rs.getDouble("score"),
        rs.getString("reason_code"), rs.getString("description"),
        RuleStatus.valueOf(rs.getString("status")), baseVersion == null ? 1 : baseVersion + 1);
    return new Row(rs.getString("draft_id"), rule, baseVersion, rs.getString("note"),
        rs.getString("state"), rs.getString("proposed_by"), instant(rs, "proposed_at"),
        rs.getString("published_by"), instant(rs, "published_at"),
        rs.getString("withdrawn_by"), instant(rs, "withdrawn_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
