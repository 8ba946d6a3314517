package io.holdfast.server.reports;

import io.holdfast.core.verdict.ReportEvidence;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the store says about a report's recipient and reporter: the evidence the Scam Verdict
 * Model weighs beside the text, and the facts the freeze policies need. Every query is bounded
 * by an index and a LIMIT or an aggregate.
 */
@Repository
class ReportEvidenceQueries {
  /** How far back a reporter's payments to the recipient count as the loss. */
  static final Duration LOOKBACK = Duration.ofDays(180);
  private static final int TURNAROUND_SAMPLES = 20;
  private static final int OUTBOUND_SAMPLES = 500;

  private final JdbcTemplate jdbc;

  ReportEvidenceQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The recipient's account facts; empty for an address or an account never seen. */
  record AccountFacts(int ageDays, int kycLevel) {}

  Optional<AccountFacts> account(String accountId, Instant now) {
    return jdbc.query("SELECT created_at, kyc_level FROM accounts WHERE account_id = ?",
        (rs, n) -> new AccountFacts((int) Math.max(0, Duration.between(
            rs.getTimestamp(1).toInstant(), now).toDays()), rs.getInt(2)), accountId)
        .stream().findFirst();
  }

  /** Transfers named by id (at most 50, checked by the controller), in one query. */
  List<NamedTransfer> byIds(List<String> transferIds) {
    if (transferIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", Collections.nCopies(transferIds.size(), "?"));
    return jdbc.query(SELECT_NAMED + " WHERE t.transfer_id IN (" + marks + ")"
        + " ORDER BY t.created_at, t.transfer_id", (rs, n) -> named(rs), transferIds.toArray());
  }

  /** The reporter's transfers to the recipient within the lookback, newest first. */
  List<NamedTransfer> paymentsTo(String reporter, String recipientKey, Instant now) {
    return jdbc.query(SELECT_NAMED + " WHERE t.sender_account = ? AND t.created_at >= ?"
            + " AND " + recipientMatch(recipientKey) + " ORDER BY t.created_at DESC LIMIT 1000",
        (rs, n) -> named(rs), reporter, Timestamp.from(now.minus(LOOKBACK)),
        recipientValue(recipientKey));
  }

  private static final String SELECT_NAMED = "SELECT t.transfer_id, t.sender_account,"
      + " t.recipient_account, t.network, t.recipient_address, t.amount_minor, t.currency,"
      + " t.amount_usd_minor, t.created_at, d.outcome, h.state, h.resolution"
      + " FROM transfers t LEFT JOIN decisions d ON d.transfer_id = t.transfer_id"
      + " LEFT JOIN holds h ON h.transfer_id = t.transfer_id";

  private static NamedTransfer named(java.sql.ResultSet rs) throws java.sql.SQLException {
    String account = rs.getString(3);
    String key = account != null ? "a:" + account
        : new io.holdfast.core.transfer.Counterparty.ExternalAddress(rs.getString(4),
            rs.getString(5)).key();
    String outcome = rs.getString(10);
    String holdState = rs.getString(11);
    boolean lost = holdState != null ? holdState.equals("RELEASED")
        : outcome == null || outcome.equals("ALLOW") || outcome.equals("WARN");
    return new NamedTransfer(rs.getString(1), rs.getString(2), key, rs.getLong(6),
        rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant(), lost);
  }

  /** Distinct accounts that paid the recipient since {@code since}. */
  int fanIn(String recipientKey, Instant since) {
    Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT sender_account) FROM transfers t"
            + " WHERE " + recipientMatch(recipientKey) + " AND t.created_at >= ?", Integer.class,
        recipientValue(recipientKey), Timestamp.from(since));
    return n == null ? 0 : n;
  }

  /** Distinct accounts an account exchanged money with, in either direction (capped). */
  int counterparties(String accountId) {
    Integer in = jdbc.queryForObject("SELECT COUNT(DISTINCT sender_account) FROM transfers"
        + " WHERE recipient_account = ?", Integer.class, accountId);
    Integer out = jdbc.queryForObject("SELECT COUNT(DISTINCT COALESCE(recipient_account,"
        + " recipient_address)) FROM transfers WHERE sender_account = ?", Integer.class, accountId);
    return (in == null ? 0 : in) + (out == null ? 0 : out);
  }

  /**
   * The median hours between money reaching an account and the next payment out of it, over
   * its latest inbound transfers; null when it never paid anything out after receiving. Mule
   * accounts pass money on within hours.
   */
  Double turnaroundHours(String accountId) {
    List<Instant> inbound = times("SELECT created_at FROM transfers WHERE recipient_account = ?"
        + " ORDER BY created_at DESC LIMIT " + TURNAROUND_SAMPLES, accountId);
    if (inbound.isEmpty()) {
      return null;
    }
    // Two queries, not one per inbound payment: the outbound payments since the earliest
    // sampled inbound one, oldest first, then a merge walk.
    List<Instant> outbound = times("SELECT created_at FROM transfers WHERE sender_account = ?"
        + " AND created_at >= ? ORDER BY created_at LIMIT " + OUTBOUND_SAMPLES, accountId,
        Timestamp.from(inbound.get(inbound.size() - 1)));
    List<Double> gaps = new ArrayList<>(inbound.size());
    for (Instant in : inbound) {
      int next = firstAtOrAfter(outbound, in);
      if (next < outbound.size()) {
        gaps.add(Duration.between(in, outbound.get(next)).toMinutes() / 60.0);
      }
    }
    if (gaps.isEmpty()) {
      return null;
    }
    Collections.sort(gaps);
    return gaps.get(gaps.size() / 2);
  }

  private static int firstAtOrAfter(List<Instant> sorted, Instant at) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).isBefore(at)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private List<Instant> times(String sql, Object... args) {
    return jdbc.query(sql, (rs, n) -> rs.getTimestamp(1).toInstant(), args);
  }

  /** Distinct reporters other than {@code reporter} who reported the recipient. */
  int otherReporters(String recipientKey, String reporter) {
    Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT reporter_account) FROM reports"
        + " WHERE subject_key = ? AND reporter_account <> ?", Integer.class, recipientKey,
        reporter);
    return n == null ? 0 : n;
  }

  /** Distinct reporters other than {@code reporter} who reported the recipient and paid it. */
  int otherPayingReporters(String recipientKey, String reporter) {
    Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT reporter_account) FROM reports"
        + " WHERE subject_key = ? AND reporter_account <> ? AND reporter_paid = TRUE",
        Integer.class, recipientKey, reporter);
    return n == null ? 0 : n;
  }

  /** The reporter's earlier reports that analysts confirmed and rejected. */
  int[] reporterHistory(String reporter) {
    int[] confirmedRejected = new int[2];
    for (Map<String, Object> row : jdbc.queryForList("SELECT label, COUNT(*) AS n FROM reports"
        + " WHERE reporter_account = ? AND label IS NOT NULL GROUP BY label", reporter)) {
      int n = ((Number) row.get("n")).intValue();
      confirmedRejected["CONFIRMED".equals(row.get("label")) ? 0 : 1] = n;
    }
    return confirmedRejected;
  }

  /** Reports the reporter filed since {@code since}, for the rate limit. */
  int reportsSince(String reporter, Instant since) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM reports WHERE reporter_account = ?"
        + " AND created_at >= ?", Integer.class, reporter, Timestamp.from(since));
    return n == null ? 0 : n;
  }

  /** The evidence record the model reads. */
  static ReportEvidence evidence(int otherReporters, int fanIn30d, Integer ageDays,
      Double turnaroundHours, boolean reporterPaid, Double hoursSinceTransfer, long lossUsdMinor,
      boolean onIntelList, int[] history) {
    return new ReportEvidence(otherReporters, fanIn30d, ageDays, turnaroundHours, reporterPaid,
        hoursSinceTransfer, lossUsdMinor, onIntelList, history[0], history[1]);
  }

  static String recipientMatch(String recipientKey) {
    return recipientKey.startsWith("a:") ? "t.recipient_account = ?" : "t.recipient_address = ?";
  }

  static String recipientValue(String recipientKey) {
    if (recipientKey.startsWith("a:")) {
      return recipientKey.substring(2);
    }
    return recipientKey.substring(recipientKey.indexOf(':', 2) + 1);
  }
}
