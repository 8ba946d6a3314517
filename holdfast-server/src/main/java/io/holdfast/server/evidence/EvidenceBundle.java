package io.holdfast.server.evidence;

import io.holdfast.core.freeze.Freeze;
import io.holdfast.core.money.MinorSums;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.ClaimRows;
import io.holdfast.server.freezes.FreezeRows;
import io.holdfast.server.freezes.FreezeViews;
import io.holdfast.server.support.SqlSums;
import io.holdfast.server.web.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence bundle of a scammer cluster, for law enforcement and for the record: the case,
 * the accounts of the cluster with why each belongs, every transfer into and out of them, the
 * victims and their losses, the devices and IPs the cluster used, the freezes, claims and
 * refunds, the law-enforcement requests, and one timeline of all of it. Every list is bounded
 * and says so when cut.
 */
@Component
public class EvidenceBundle {
  static final int TRANSFERS_MAX = 5_000;
  static final int VICTIMS_MAX = 10_000;
  static final int TIMELINE_MAX = 2_000;
  static final int MEMBERS_MAX = 200;
  static final int WARNINGS_MAX = 2_000;

  private final JdbcTemplate jdbc;
  private final CaseRows cases;
  private final ClaimRows claims;
  private final FreezeRows freezes;
  private final Clock clock;

  public EvidenceBundle(JdbcTemplate jdbc, CaseRows cases, ClaimRows claims, FreezeRows freezes,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.claims = claims;
    this.freezes = freezes;
    this.clock = clock;
  }

  public Map<String, Object> of(String caseId) {
    CaseRows.CaseRow c = cases.find(caseId)
        .orElseThrow(() -> ApiProblem.notFound("case " + caseId));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("generated_at", clock.instant().toString());
    out.put("case", Map.of("case_id", c.caseId(), "subject", c.subjectKey(), "state",
        c.state().toLowerCase(java.util.Locale.ROOT), "created_at", c.createdAt().toString()));
    List<Map<String, Object>> members = members(c);
    out.put("linked_accounts", members);
    Set<String> accounts = new LinkedHashSet<>();
    members.forEach(m -> accounts.add((String) m.get("key")));
    out.put("transfers", transfers(accounts));
    List<Map<String, Object>> victims = victims(caseId);
    out.put("victims", victims);
    out.put("devices_and_ips", devices(accounts));
    List<Map<String, Object>> frozen = new ArrayList<>();
    for (Freeze f : freezes.ofCase(caseId)) {
      frozen.add(FreezeViews.view(f, freezes.funds(f.freezeId())));
    }
    out.put("freezes", frozen);
    out.put("reports", cases.reports(caseId));
    out.put("claims", claims.ofCase(caseId));
    out.put("refunds", claims.refunds(caseId));
    out.put("law_enforcement_requests", requests(caseId));
    out.put("warnings", warnings(caseId));
    out.put("amounts", amounts(victims, caseId));
    out.put("timeline", timeline(out));
    return out;
  }

  /** The case's subject and every cluster account its scammers' sweeps found. */
  private List<Map<String, Object>> members(CaseRows.CaseRow c) {
    List<Map<String, Object>> members = new ArrayList<>(jdbc.query("SELECT k.member_key,"
        + " k.relation, k.hops, k.via_key, k.evidence FROM sweep_cluster k JOIN scammers s"
        + " ON s.scammer_id = k.scammer_id WHERE s.case_id = ? ORDER BY k.hops, k.member_key"
        + " LIMIT " + MEMBERS_MAX, (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("key", rs.getString(1));
          m.put("relation", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
          m.put("hops", rs.getInt(3));
          m.put("via", rs.getString(4));
          m.put("why", rs.getString(5));
          return m;
        }, c.caseId()));
    if (members.stream().noneMatch(m -> m.get("key").equals(c.subjectKey()))) {
      members.add(0, new LinkedHashMap<>(Map.of("key", c.subjectKey(), "relation", "subject",
          "hops", 0, "why", "the case's subject")));
    }
    return members;
  }

  private List<Map<String, Object>> transfers(Set<String> keys) {
    List<Map<String, Object>> out = new ArrayList<>();
    String select = "SELECT transfer_id, created_at, sender_account, recipient_account,"
        + " network, recipient_address, amount_minor, currency, source FROM transfers ";
    for (String key : keys) {
      if (out.size() >= TRANSFERS_MAX) {
        break;
      }
      int room = TRANSFERS_MAX - out.size();
      if (key.startsWith("a:")) {
        String account = key.substring(2);
        out.addAll(jdbc.query(select + "WHERE sender_account = ? ORDER BY created_at LIMIT ?",
            (rs, n) -> transfer(rs), account, room));
        out.addAll(jdbc.query(select + "WHERE recipient_account = ? ORDER BY created_at LIMIT ?",
            (rs, n) -> transfer(rs), account, Math.max(1, TRANSFERS_MAX - out.size())));
      } else {
        String address = key.substring(key.indexOf(':', 2) + 1);
        out.addAll(jdbc.query(select + "WHERE recipient_address = ? ORDER BY created_at LIMIT ?",
            (rs, n) -> transfer(rs), address, room));
      }
    }
    Map<String, Map<String, Object>> unique = new LinkedHashMap<>();
    out.forEach(t -> unique.putIfAbsent((String) t.get("transfer_id"), t));
    List<Map<String, Object>> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(t -> (String) t.get("created_at")));
    return sorted.subList(0, Math.min(sorted.size(), TRANSFERS_MAX));
  }

  private static Map<String, Object> transfer(ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("transfer_id", rs.getString(1));
    m.put("created_at", rs.getTimestamp(2).toInstant().toString());
    m.put("from", "a:" + rs.getString(3));
    m.put("to", rs.getString(4) != null ? "a:" + rs.getString(4)
        : "x:" + rs.getString(5) + ":" + rs.getString(6));
    m.put("amount_minor", rs.getLong(7));
    m.put("currency", rs.getString(8));
    m.put("source", rs.getString(9));
    return m;
  }

  private List<Map<String, Object>> victims(String caseId) {
    return jdbc.query("SELECT v.victim_account, v.currency, v.amount_minor, v.transfers,"
        + " v.first_paid_at, v.last_paid_at, v.hops, v.report_id, o.state FROM sweep_victims v"
        + " JOIN scammers s ON s.scammer_id = v.scammer_id LEFT JOIN outreach_cases o"
        + " ON o.outreach_id = v.outreach_id WHERE s.case_id = ?"
        + " ORDER BY v.victim_account, v.currency LIMIT " + VICTIMS_MAX, (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("victim_account", rs.getString(1));
          m.put("currency", rs.getString(2));
          m.put("amount_minor", rs.getLong(3));
          m.put("transfers", rs.getInt(4));
          m.put("first_paid_at", rs.getTimestamp(5).toInstant().toString());
          m.put("last_paid_at", rs.getTimestamp(6).toInstant().toString());
          m.put("hops", rs.getInt(7));
          m.put("reported", rs.getString(8) != null);
          m.put("outreach_state", rs.getString(9) == null ? null
              : rs.getString(9).toLowerCase(java.util.Locale.ROOT));
          return m;
        }, caseId);
  }

  /**
   * The proactive warnings (risk assessments and campaigns) the case's victims and reporters
   * were given before and after, with when the platform showed each: the record that a
   * specific warning was or was not given.
   */
  private List<Map<String, Object>> warnings(String caseId) {
    return jdbc.query("SELECT m.account_id, m.message_id, m.source, m.source_ref, m.scam_type,"
        + " m.channel, m.title, m.created_at, m.shown_at FROM prevention_messages m"
        + " WHERE m.account_id IN (SELECT v.victim_account FROM sweep_victims v JOIN scammers s"
        + " ON s.scammer_id = v.scammer_id WHERE s.case_id = ? UNION SELECT r.reporter_account"
        + " FROM reports r WHERE r.case_id = ?) ORDER BY m.created_at, m.message_id LIMIT "
        + WARNINGS_MAX, (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("account_id", rs.getString(1));
          m.put("message_id", rs.getString(2));
          m.put("source", rs.getString(3).toLowerCase(java.util.Locale.ROOT));
          m.put("source_ref", rs.getString(4));
          m.put("scam_type", rs.getString(5).toLowerCase(java.util.Locale.ROOT));
          m.put("channel", rs.getString(6).toLowerCase(java.util.Locale.ROOT));
          m.put("title", rs.getString(7));
          m.put("created_at", rs.getTimestamp(8).toInstant().toString());
          java.sql.Timestamp shown = rs.getTimestamp(9);
          m.put("shown_at", shown == null ? null : shown.toInstant().toString());
          return m;
        }, caseId, caseId);
  }

  private List<Map<String, Object>> devices(Set<String> keys) {
    List<String> accounts = keys.stream().filter(k -> k.startsWith("a:"))
        .map(k -> k.substring(2)).toList();
    if (accounts.isEmpty()) {
      return List.of();
    }
    return jdbc.query("SELECT account_id, device_id, ip, MIN(occurred_at), MAX(occurred_at),"
        + " COUNT(*) FROM account_events WHERE account_id IN ("
        + String.join(", ", Collections.nCopies(accounts.size(), "?")) + ")"
        + " AND (device_id IS NOT NULL OR ip IS NOT NULL) GROUP BY account_id, device_id, ip"
        + " ORDER BY account_id, device_id, ip LIMIT 1000", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("account", rs.getString(1));
          m.put("device_id", rs.getString(2));
          m.put("ip", rs.getString(3));
          m.put("first_seen", rs.getTimestamp(4).toInstant().toString());
          m.put("last_seen", rs.getTimestamp(5).toInstant().toString());
          m.put("events", rs.getLong(6));
          return m;
        }, accounts.toArray());
  }

  private List<Map<String, Object>> requests(String caseId) {
    return jdbc.query("SELECT request_id, agency, reference, requested_action, created_at"
        + " FROM le_requests WHERE case_id = ? ORDER BY created_at LIMIT 100", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("request_id", rs.getString(1));
          m.put("agency", rs.getString(2));
          m.put("reference", rs.getString(3));
          m.put("requested_action", rs.getString(4).toLowerCase(java.util.Locale.ROOT));
          m.put("created_at", rs.getTimestamp(5).toInstant().toString());
          return m;
        }, caseId);
  }

  /** What the case lost, froze and repaid per currency; totals saturate, since they describe. */
  private Map<String, Object> amounts(List<Map<String, Object>> victims, String caseId) {
    Map<String, Long> lost = new TreeMap<>();
    victims.forEach(v -> lost.merge((String) v.get("currency"), (Long) v.get("amount_minor"),
        MinorSums::saturatingAdd));
    Map<String, Long> frozen = new TreeMap<>();
    jdbc.query("SELECT ff.currency, SUM(ff.amount_minor) FROM frozen_funds ff JOIN freezes f"
        + " ON f.freeze_id = ff.freeze_id WHERE f.case_id = ? GROUP BY ff.currency", rs -> {
          frozen.put(rs.getString(1), SqlSums.saturated(rs, 2));
        }, caseId);
    Map<String, Long> repaid = new TreeMap<>();
    jdbc.query("SELECT currency, SUM(amount_minor) FROM refunds WHERE case_id = ?"
        + " GROUP BY currency", rs -> {
          repaid.put(rs.getString(1), SqlSums.saturated(rs, 2));
        }, caseId);
    return Map.of("lost_minor", lost, "frozen_minor", frozen, "repaid_minor", repaid,
        "victims", victims.stream().map(v -> v.get("victim_account")).distinct().count());
  }

  /** Every dated item of the bundle, oldest first. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> timeline(Map<String, Object> bundle) {
    List<Map<String, Object>> events = new ArrayList<>();
    add(events, (List<Map<String, Object>>) bundle.get("transfers"), "created_at", t ->
        "transfer " + t.get("transfer_id") + ": " + t.get("amount_minor") + " "
            + t.get("currency") + " " + t.get("from") + " -> " + t.get("to"));
    add(events, (List<Map<String, Object>>) bundle.get("reports"), "created_at", r ->
        "report " + r.get("report_id") + " by " + r.get("reporter_account") + ": "
            + r.get("verdict"));
    add(events, (List<Map<String, Object>>) bundle.get("freezes"), "created_at", f ->
        "freeze " + f.get("freeze_id") + " of " + f.get("subject") + " (" + f.get("basis")
            + ")");
    add(events, (List<Map<String, Object>>) bundle.get("refunds"), "created_at", r ->
        "refund " + r.get("refund_id") + ": " + r.get("amount_minor") + " " + r.get("currency"));
    add(events, (List<Map<String, Object>>) bundle.get("law_enforcement_requests"),
        "created_at", r -> "law-enforcement request " + r.get("agency") + " "
            + r.get("reference") + ": " + r.get("requested_action"));
    add(events, (List<Map<String, Object>>) bundle.get("warnings"), "created_at", w ->
        "warning (" + w.get("source") + ") to " + w.get("account_id") + ": " + w.get("title")
            + (w.get("shown_at") == null ? ", not shown" : ", shown " + w.get("shown_at")));
    events.sort(Comparator.comparing(e -> (String) e.get("at")));
    return events.subList(0, Math.min(events.size(), TIMELINE_MAX));
  }

  private static void add(List<Map<String, Object>> events, List<Map<String, Object>> items,
      String atField, java.util.function.Function<Map<String, Object>, String> what) {
    for (Map<String, Object> item : items) {
      Object at = item.get(atField);
      if (at != null) {
        events.add(Map.of("at", at.toString(), "event", what.apply(item)));
      }
    }
  }

  static Instant parse(String at) {
    return Instant.parse(at);
  }
}
