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
 * The investigation's "other senders" front: did other senders' held payments to the same
 * recipient end without reaching it in the last 30 days, because the sender cancelled during
 * the window, a call or an analyst confirmed a scam, or the investigation returned them? People
 * who stop payments to one recipient after the safety net's warnings are telling the platform
 * what that recipient is; a coached victim who insists is usually not the first to pay it.
 * Payments an analyst returned for some other reason do not count, nor do senders whose account
 * was young when they were held ({@link Corroboration}).
 */
final class StoppedByOthers {
  static final Duration WINDOW = Duration.ofDays(30);
  /** The most rows one batch's query reads; a batch has at most a few thousand recipients. */
  static final int ROWS_MAX = 10_000;

  private final JdbcTemplate jdbc;

  StoppedByOthers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The senders whose held payments to each recipient were stopped since {@code now - 30 d}. */
  Map<String, Set<String>> sendersByRecipient(List<String> recipientKeys, Instant now) {
    Map<String, Set<String>> senders = new HashMap<>();
    if (recipientKeys.isEmpty()) {
      return senders;
    }
    String marks = String.join(",", Collections.nCopies(recipientKeys.size(), "?"));
    List<Object> args = new ArrayList<>(recipientKeys);
    args.add(Timestamp.from(now.minus(WINDOW)));
    args.add(ROWS_MAX);
    jdbc.query("SELECT h.recipient_key, h.sender_account, h.created_at, a.created_at"
            + " FROM holds h LEFT JOIN accounts a ON a.account_id = h.sender_account"
            + " WHERE h.recipient_key IN (" + marks + ") AND h.state = 'RETURNED'"
            + " AND h.resolution IN ('CANCELLED_BY_SENDER', 'RETURNED_AS_SCAM',"
            + " 'RETURNED_AT_DEADLINE') AND h.resolved_at >= ?"
            + " ORDER BY h.resolved_at DESC LIMIT ?",
        rs -> {
          if (Corroboration.established(rs.getTimestamp(4), rs.getTimestamp(3))) {
            senders.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
          }
        }, args.toArray());
    return senders;
  }

  /** The finding for a hold of {@code sender}'s, or null when no other sender stopped. */
  static String finding(String sender, Set<String> stoppedSenders) {
    if (stoppedSenders == null) {
      return null;
    }
    long others = stoppedSenders.stream().filter(s -> !s.equals(sender)).count();
    return others == 0 ? null : others + " other sender(s) stopped their held payments to this"
        + " recipient in the last 30 days (cancelled, or returned as a suspected scam)";
  }
}
