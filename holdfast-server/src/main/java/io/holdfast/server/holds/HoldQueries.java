package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.server.cases.CountedReports;
import io.holdfast.server.web.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read side of holds: single holds, the analysts' queue, and the reasons given at screening. */
@Repository
public class HoldQueries {
  private static final Set<String> STATES =
      Set.of("HELD", "UNDER_INVESTIGATION", "RELEASED", "RETURNED");
  private static final int PAGE_MAX = 500;

  private final JdbcTemplate jdbc;
  private final HoldRows rows;
  private final JsonMapper json;

  public HoldQueries(JdbcTemplate jdbc, HoldRows rows, JsonMapper json) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.json = json;
  }

  /** Distinct victims whose reports count against the recipient ({@link CountedReports}). */
  public int reportersAgainst(String recipientKey) {
    return CountedReports.reportersAgainst(jdbc, recipientKey);
  }

  public Optional<Hold> find(String holdId) {
    return rows.find(holdId);
  }

  public List<Hold> byState(String state, int limit) {
    String upper = state.toUpperCase(Locale.ROOT);
    if (!STATES.contains(upper)) {
      throw ApiProblem.invalidField("state", "state must be one of held, under_investigation,"
          + " released, returned");
    }
    if (limit < 1 || limit > PAGE_MAX) {
      throw ApiProblem.invalidField("limit", "limit must be 1 to " + PAGE_MAX);
    }
    return jdbc.query("SELECT " + HoldRows.COLUMNS + " FROM holds WHERE state = ?"
        + " ORDER BY release_at, created_at LIMIT ?", (rs, n) -> rows.map(rs), upper, limit);
  }

  /** The ladder messages of a hold, in step order. */
  public List<Map<String, Object>> messages(String holdId) {
    return jdbc.queryForList("SELECT message_id, step_index, kind, scam_type, language,"
        + " template_version, title, body, created_at, shown_at, shown_channel"
        + " FROM hold_messages WHERE hold_id = ? ORDER BY step_index", holdId);
  }

  /** The audit trail of a hold, oldest first, bounded. */
  public List<Map<String, Object>> trail(String holdId) {
    return jdbc.queryForList("SELECT at, actor, action, before_state, after_state, reason"
        + " FROM audit_log WHERE entity_type = 'hold' AND entity_id = ? ORDER BY audit_id"
        + " LIMIT 1000", holdId);
  }

  /** The plain-language reasons the screening decision gave, from its stored response. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> reasons(String transferId) {
    List<String> responses = jdbc.queryForList(
        "SELECT response FROM decisions WHERE transfer_id = ?", String.class, transferId);
    if (responses.isEmpty()) {
      return List.of();
    }
    JsonNode reasons = json.readTree(responses.get(0)).path("reasons");
    return json.convertValue(reasons, List.class);
  }
}
