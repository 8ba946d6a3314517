package io.holdfast.server.holds;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The investigation's "held alongside" front: while this hold was held, was another sender's
 * payment to the same recipient held too? Screening holds about one honest payment in 250, so
 * two unrelated senders held on their way to one recipient in the same window is independent
 * corroboration: on the demo's default world, before this finding, 13 scam holds and no honest
 * one released at their deadline had had such company. It counts only when those senders are
 * at least a quarter of everyone who paid the recipient in the last week, so a busy shop whose
 * many customers now and then include a held one is not accused by its own size. Holds an
 * analyst released or returned for another reason do not count: a person looked at them. Nor do
 * senders whose account was young when they were held ({@link Corroboration}). Counting holds
 * that had ended up to 72 hours before this one was placed, too, saved one more point of scam
 * money on one world of three and returned 10 more honest payments over the three, so it does
 * not.
 */
final class HeldAlongside {
  /** How far back holds are read: the longest a hold can last, with room to spare. */
  static final Duration LOOKBACK = Duration.ofDays(30);
  /** The most rows one batch's query reads. */
  static final int ROWS_MAX = 10_000;
  /** The held senders must be at least 1 in this many of the recipient's payers over 7 days. */
  static final int PAYERS_PER_HELD_SENDER_MAX = 4;

  /** Another sender's hold to a recipient: when it was placed and, if it ended, when. */
  record OtherHold(String sender, Instant createdAt, Instant resolvedAt) {}

  private final JdbcTemplate jdbc;

  HeldAlongside(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The holds to each recipient placed since {@code now - LOOKBACK}, newest first. */
  Map<String, List<OtherHold>> holdsByRecipient(List<String> recipientKeys, Instant now) {
    Map<String, List<OtherHold>> holds = new HashMap<>();
    if (recipientKeys.isEmpty()) {
      return holds;
    }
    String marks = String.join(",", Collections.nCopies(recipientKeys.size(), "?"));
    List<Object> args = new ArrayList<>(recipientKeys);
    args.add(Timestamp.from(now.minus(LOOKBACK)));
    args.add(ROWS_MAX);
    jdbc.query("SELECT h.recipient_key, h.sender_account, h.created_at, h.resolved_at,"
            + " a.created_at FROM holds h LEFT JOIN accounts a ON a.account_id = h.sender_account"
            + " WHERE h.recipient_key IN (" + marks + ") AND h.created_at >= ?"
            + " AND (h.resolution IS NULL OR h.resolution NOT IN ('RELEASED_BY_ANALYST',"
            + " 'RETURNED_BY_ANALYST')) ORDER BY h.created_at DESC LIMIT ?",
        rs -> {
          if (!Corroboration.established(rs.getTimestamp(5), rs.getTimestamp(3))) {
            return;
          }
          Timestamp resolved = rs.getTimestamp(4);
          holds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new OtherHold(
              rs.getString(2), rs.getTimestamp(3).toInstant(),
              resolved == null ? null : resolved.toInstant()));
        }, args.toArray());
    return holds;
  }

  /**
   * The finding for a hold of {@code sender}'s placed at {@code heldSince}, or null: other
   * senders whose holds to the recipient were held at some moment since then, when they are
   * enough of the recipient's {@code payers7d} distinct payers over the last 7 days.
   */
  static String finding(String sender, Instant heldSince, List<OtherHold> holds, long payers7d) {
    if (holds == null) {
      return null;
    }
    Set<String> alongside = new HashSet<>();
    for (OtherHold h : holds) {
      boolean overlaps = h.resolvedAt() == null || !h.resolvedAt().isBefore(heldSince);
      if (overlaps && !h.sender().equals(sender)) {
        alongside.add(h.sender());
      }
    }
    int others = alongside.size();
    if (others == 0 || (long) others * PAYERS_PER_HELD_SENDER_MAX < payers7d) {
      return null;
    }
    return others + " other sender(s) had payments to this recipient held while this one was"
        + " held (" + others + " of its " + payers7d + " payer(s) in the last 7 days)";
  }
}
