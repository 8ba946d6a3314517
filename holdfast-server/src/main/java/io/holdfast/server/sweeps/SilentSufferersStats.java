package io.holdfast.server.sweeps;

import io.holdfast.server.support.SqlSums;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers of silent sufferers, counted from the record: sweeps run, victims found, silent
 * victims reached and how their conversations stand, their replies, and the money traced,
 * frozen and repaid for the swept scammers' cases and through outreach.
 */
@RestController
@Tag(name = "Scammers")
public class SilentSufferersStats {
  private final JdbcTemplate jdbc;

  public SilentSufferersStats(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(summary = "Sweeps, victims found, silent victims reached, replies, and money traced,"
      + " frozen and repaid through outreach")
  @GetMapping(path = "/v1/stats/outreach", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> stats(@RequestParam(required = false) String since) {
    Instant from = since == null ? Timestamps.EARLIEST : Timestamps.parse("since", since);
    Timestamp t = Timestamp.from(from);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("since", from.toString());
    out.put("sweeps_by_state", counts("SELECT state, COUNT(*) FROM sweeps WHERE requested_at"
        + " >= ? GROUP BY state ORDER BY state", t));
    out.put("victims_found", one("SELECT COUNT(DISTINCT v.victim_account) FROM sweep_victims v"
        + " JOIN sweeps s ON s.sweep_id = v.first_sweep_id WHERE s.requested_at >= ?", t));
    out.put("reporters_linked", one("SELECT COUNT(DISTINCT v.victim_account) FROM sweep_victims"
        + " v JOIN sweeps s ON s.sweep_id = v.first_sweep_id WHERE s.requested_at >= ?"
        + " AND v.report_id IS NOT NULL", t));
    out.put("silent_victims_reached", one("SELECT COUNT(*) FROM outreach_cases WHERE"
        + " created_at >= ?", t));
    out.put("outreach_by_state", counts("SELECT state, COUNT(*) FROM outreach_cases WHERE"
        + " created_at >= ? GROUP BY state ORDER BY state", t));
    out.put("replies_by_intent", counts("SELECT r.intent, COUNT(*) FROM outreach_replies r"
        + " WHERE r.received_at >= ? GROUP BY r.intent ORDER BY r.intent", t));
    out.put("traced_held_minor", sums("SELECT h.currency, SUM(h.traced_minor) FROM"
        + " trace_holdings h JOIN sweeps s ON s.sweep_id = h.sweep_id WHERE s.requested_at >= ?"
        + " GROUP BY h.currency ORDER BY h.currency", t));
    out.put("frozen_minor", sums("SELECT ff.currency, SUM(ff.amount_minor) FROM frozen_funds ff"
        + " JOIN freezes f ON f.freeze_id = ff.freeze_id WHERE f.created_at >= ? AND f.case_id"
        + " IN (SELECT case_id FROM scammers) GROUP BY ff.currency ORDER BY ff.currency", t));
    // Repaid through outreach: refunds on the claims of victims who were reached, not reporters.
    out.put("repaid_through_outreach_minor", sums("SELECT r.currency, SUM(r.amount_minor) FROM"
        + " refunds r JOIN claims c ON c.claim_id = r.claim_id JOIN outreach_cases o"
        + " ON o.case_id = c.case_id AND o.victim_account = c.victim_account WHERE"
        + " r.created_at >= ? GROUP BY r.currency ORDER BY r.currency", t));
    return out;
  }

  private long one(String sql, Timestamp t) {
    Long n = jdbc.queryForObject(sql, Long.class, t);
    return n == null ? 0 : n;
  }

  private Map<String, Object> counts(String sql, Timestamp t) {
    Map<String, Object> out = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
    }, t);
    return out;
  }

  /** Totals per currency; saturating, since statistics describe ({@link SqlSums}). */
  private Map<String, Object> sums(String sql, Timestamp t) {
    Map<String, Object> out = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      out.put(rs.getString(1), SqlSums.saturated(rs, 2));
    }, t);
    return out;
  }
}
