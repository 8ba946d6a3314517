package io.holdfast.server.sweeps;

import io.holdfast.core.graph.TraceResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How scammers, sweeps, victims and traces read in the API. */
@Component
public class SweepViews {
  public static final int VICTIMS_PAGE_MAX = 1_000;
  private static final int FLOWS_SHOWN_MAX = 1_000;

  private final JdbcTemplate jdbc;

  public SweepViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Map<String, Object> sweep(SweepRows.Sweep s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("sweep_id", s.sweepId());
    v.put("state", s.state().toLowerCase(Locale.ROOT));
    v.put("trigger", s.trigger().toLowerCase(Locale.ROOT));
    v.put("trigger_ref", s.triggerRef());
    v.put("since", s.since().toString());
    v.put("until", s.until().toString());
    v.put("attempts", s.attempts());
    v.put("cluster_size", s.clusterSize());
    v.put("victims_found", s.victimsFound());
    v.put("victims_written", s.victimsWritten());
    v.put("silent_victims", s.silentVictims());
    v.put("reporters_linked", s.reportersLinked());
    v.put("outreach_opened", s.outreachOpened());
    v.put("claims_opened", s.claimsOpened());
    v.put("truncations", s.truncations());
    v.put("error", s.error());
    v.put("requested_by", s.requestedBy());
    v.put("requested_at", s.requestedAt().toString());
    v.put("started_at", text(s.startedAt()));
    v.put("finished_at", text(s.finishedAt()));
    return v;
  }

  Map<String, Object> scammer(SweepRows.Scammer s, List<SweepRows.Sweep> sweeps) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scammer_id", s.scammerId());
    v.put("subject", s.subjectKey());
    v.put("case_id", s.caseId());
    v.put("basis", s.basis().toLowerCase(Locale.ROOT));
    v.put("created_by", s.createdBy());
    v.put("created_at", s.createdAt().toString());
    v.put("sweep", sweeps.isEmpty() ? null : sweep(sweeps.get(0)));
    v.put("sweeps", sweeps.stream().map(SweepViews::sweep).toList());
    v.put("cluster", jdbc.query("SELECT member_key, relation, hops, via_key, evidence"
        + " FROM sweep_cluster WHERE scammer_id = ? ORDER BY hops, member_key LIMIT 10000",
        (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("key", rs.getString(1));
          m.put("relation", rs.getString(2).toLowerCase(Locale.ROOT));
          m.put("hops", rs.getInt(3));
          m.put("via", rs.getString(4));
          m.put("evidence", rs.getString(5));
          return m;
        }, s.scammerId()));
    return v;
  }

  /** One page of a scammer's victims, by account then currency, after a cursor. */
  Map<String, Object> victims(String scammerId, String afterAccount, String afterCurrency,
      int limit) {
    List<Map<String, Object>> page = jdbc.query("SELECT v.victim_account, v.currency,"
        + " v.amount_minor, v.transfers, v.first_paid_at, v.last_paid_at, v.hops, v.via_key,"
        + " v.report_id, v.outreach_id, v.claim_id, o.state, c.state, c.paid_minor"
        + " FROM sweep_victims v LEFT JOIN outreach_cases o ON o.outreach_id = v.outreach_id"
        + " LEFT JOIN claims c ON c.claim_id = v.claim_id WHERE v.scammer_id = ?"
        + " AND (v.victim_account > ? OR (v.victim_account = ? AND v.currency > ?))"
        + " ORDER BY v.victim_account, v.currency LIMIT ?", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("victim_account", rs.getString(1));
          m.put("currency", rs.getString(2));
          m.put("amount_minor", rs.getLong(3));
          m.put("transfers", rs.getInt(4));
          m.put("first_paid_at", rs.getTimestamp(5).toInstant().toString());
          m.put("last_paid_at", rs.getTimestamp(6).toInstant().toString());
          m.put("hops", rs.getInt(7));
          m.put("via", rs.getString(8));
          m.put("reported", rs.getString(9) != null);
          m.put("report_id", rs.getString(9));
          m.put("outreach_id", rs.getString(10));
          m.put("claim_id", rs.getString(11));
          m.put("outreach_state", lower(rs.getString(12)));
          m.put("claim_state", lower(rs.getString(13)));
          m.put("repaid_minor", rs.getString(11) == null ? null : rs.getLong(14));
          return m;
        }, scammerId, afterAccount, afterAccount, afterCurrency, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("victims", page);
    if (page.size() == limit) {
      Map<String, Object> last = page.get(page.size() - 1);
      body.put("next", Map.of("after", last.get("victim_account"), "after_currency",
          last.get("currency")));
    }
    return body;
  }

  /** A trace for analysts: candidates with any freeze on them, exits, what was not followed. */
  Map<String, Object> trace(String scammerId, TraceResult r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scammer_id", scammerId);
    v.put("source", r.sourceKey());
    v.put("attribution", "fifo");
    v.put("entered_minor", r.enteredMinor());
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (TraceResult.Amount a : r.holdings()) {
      Map<String, Object> c = amount(a);
      jdbc.query("SELECT freeze_id, case_id, kind FROM freezes WHERE active_subject = ?", rs -> {
        c.put("freeze_id", rs.getString(1));
        c.put("freeze_case_id", rs.getString(2));
        c.put("freeze_kind", rs.getString(3).toLowerCase(Locale.ROOT));
      }, a.key());
      c.putIfAbsent("freeze_id", null);
      candidates.add(c);
    }
    v.put("candidates", candidates);
    v.put("exits", r.exits().stream().map(SweepViews::amount).toList());
    v.put("untraced", r.untraced().stream().map(SweepViews::amount).toList());
    v.put("flows", r.flows().stream().limit(FLOWS_SHOWN_MAX).map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("transfer_id", f.transferId());
      m.put("from", f.fromKey());
      m.put("to", f.toKey());
      m.put("currency", f.currency());
      m.put("amount_minor", f.amountMinor());
      m.put("traced_minor", f.tracedMinor());
      m.put("created_at", f.createdAt().toString());
      return m;
    }).toList());
    v.put("accounts_visited", r.nodes().size());
    v.put("transfers_read", r.transfersRead());
    v.put("truncations", r.truncations());
    return v;
  }

  private static Map<String, Object> amount(TraceResult.Amount a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", a.key());
    m.put("currency", a.currency());
    m.put("traced_minor", a.tracedMinor());
    m.put("hops", a.hops());
    if (a.stop() != TraceResult.Stop.NONE) {
      m.put("stopped_by", a.stop().name().toLowerCase(Locale.ROOT));
    }
    return m;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.from(at);
  }
}
