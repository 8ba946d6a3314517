package io.holdfast.server.campaigns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prevention numbers for the impact report: alerts by campaign and channel (and the risk
 * assessments' alerts), assessments per day, and for each campaign how often a warned customer
 * later became a victim against its holdout. A customer counts as a later victim when, after
 * being warned (or drawn into the holdout), they filed a report judged SCAM or confirmed (and
 * not rejected), or a sweep found them paying a confirmed scammer. The holdout is drawn among
 * customers who would have been sent the message, so the two rates compare like with like.
 */
@RestController
@Tag(name = "Campaigns")
public class PreventionStatsController {
  static final int ROWS_MAX = 1_000;
  private static final String LATER_VICTIM = "(EXISTS (SELECT 1 FROM reports r"
      + " WHERE r.reporter_account = g.account_id AND r.created_at > g.first_at"
      + " AND (r.verdict = 'SCAM' OR r.label = 'CONFIRMED')"
      + " AND (r.label IS NULL OR r.label <> 'REJECTED'))"
      + " OR EXISTS (SELECT 1 FROM sweep_victims v WHERE v.victim_account = g.account_id"
      + " AND v.last_paid_at > g.first_at))";

  private final JdbcTemplate jdbc;

  public PreventionStatsController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(summary = "Prevention numbers: alerts, assessments per day, warned against holdout")
  @GetMapping(path = "/v1/stats/prevention", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> stats() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaign_alerts", jdbc.query("SELECT source_ref, channel, COUNT(*),"
        + " COUNT(shown_at), COUNT(DISTINCT account_id) FROM prevention_messages"
        + " WHERE source = 'CAMPAIGN' GROUP BY source_ref, channel ORDER BY source_ref, channel"
        + " LIMIT " + ROWS_MAX, (rs, n) -> alerts(rs, "campaign_id")));
    out.put("assessment_alerts", jdbc.query("SELECT 'assessments', channel, COUNT(*),"
        + " COUNT(shown_at), COUNT(DISTINCT account_id) FROM prevention_messages"
        + " WHERE source = 'ASSESSMENT' GROUP BY channel ORDER BY channel",
        (rs, n) -> alerts(rs, "source")));
    out.put("assessments_per_day", jdbc.query("SELECT run_date, state, accounts_assessed,"
        + " exposures_recorded, messages_sent, tasks_opened FROM assessment_runs"
        + " ORDER BY run_date DESC LIMIT 90", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("date", rs.getDate(1).toLocalDate().toString());
          m.put("state", rs.getString(2).toLowerCase(Locale.ROOT));
          m.put("accounts_assessed", rs.getLong(3));
          m.put("exposures_recorded", rs.getLong(4));
          m.put("messages_sent", rs.getLong(5));
          m.put("tasks_opened", rs.getLong(6));
          return m;
        }));
    out.put("warned_vs_holdout", outcomes());
    return out;
  }

  private static Map<String, Object> alerts(ResultSet rs, String key) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, rs.getString(1));
    m.put("channel", rs.getString(2).toLowerCase(Locale.ROOT));
    m.put("messages", rs.getLong(3));
    m.put("shown", rs.getLong(4));
    m.put("accounts", rs.getLong(5));
    return m;
  }

  /** Per campaign: warned and holdout customers, and how many of each later became victims. */
  private List<Map<String, Object>> outcomes() {
    Map<String, long[]> byCampaign = new java.util.TreeMap<>();
    jdbc.query("SELECT g.campaign_id, COUNT(*), SUM(CASE WHEN " + LATER_VICTIM + " THEN 1 ELSE 0"
        + " END) FROM (SELECT source_ref AS campaign_id, account_id, MIN(created_at) AS first_at"
        + " FROM prevention_messages WHERE source = 'CAMPAIGN' GROUP BY source_ref, account_id)"
        + " g GROUP BY g.campaign_id", rs -> {
          long[] v = byCampaign.computeIfAbsent(rs.getString(1), k -> new long[4]);
          v[0] = rs.getLong(2);
          v[1] = rs.getLong(3);
        });
    jdbc.query("SELECT g.campaign_id, COUNT(*), SUM(CASE WHEN " + LATER_VICTIM + " THEN 1 ELSE 0"
        + " END) FROM (SELECT campaign_id, account_id, held_out_at AS first_at"
        + " FROM campaign_holdouts) g GROUP BY g.campaign_id", rs -> {
          long[] v = byCampaign.computeIfAbsent(rs.getString(1), k -> new long[4]);
          v[2] = rs.getLong(2);
          v[3] = rs.getLong(3);
        });
    return byCampaign.entrySet().stream().limit(ROWS_MAX).map(e -> {
      long[] v = e.getValue();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("campaign_id", e.getKey());
      m.put("warned", v[0]);
      m.put("warned_later_victims", v[1]);
      m.put("warned_victim_rate", rate(v[1], v[0]));
      m.put("holdout", v[2]);
      m.put("holdout_later_victims", v[3]);
      m.put("holdout_victim_rate", rate(v[3], v[2]));
      return m;
    }).toList();
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }
}
