package io.holdfast.server.holds;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the "other senders" fronts ({@link StoppedByOthers}, {@link HeldAlongside}) and the
 * sender's own earlier holds ({@link EarlierHoldOfSender}) read: every hold to a batch's
 * recipients placed or ended in the last 30 days, each marked with whether its sender was
 * established when held ({@link Corroboration}), in one query per batch.
 */
final class RecipientHolds {
  /** How far back holds are read: the longest a hold can last, with room to spare. */
  static final Duration WINDOW = Duration.ofDays(30);
  /** The most rows one batch's query reads; a batch has at most a few thousand recipients. */
  static final int ROWS_MAX = 20_000;

  /**
   * A hold to a recipient; {@code resolution} and its time are null while it is active, and
   * {@code underInvestigation} says whether an active one has a finding.
   */
  record RecipientHold(String sender, Instant createdAt, Instant resolvedAt, String resolution,
      boolean underInvestigation, boolean established) {
    /** An established sender's hold, held or ended. */
    RecipientHold(String sender, Instant createdAt, Instant resolvedAt, String resolution) {
      this(sender, createdAt, resolvedAt, resolution, false, true);
    }
  }

  private final JdbcTemplate jdbc;

  RecipientHolds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The holds to each recipient placed or ended since {@code now - WINDOW}, newest first. */
  Map<String, List<RecipientHold>> byRecipient(List<String> recipientKeys, Instant now) {
    Map<String, List<RecipientHold>> holds = new HashMap<>();
    if (recipientKeys.isEmpty()) {
      return holds;
    }
    String marks = String.join(",", Collections.nCopies(recipientKeys.size(), "?"));
    Timestamp since = Timestamp.from(now.minus(WINDOW));
    List<Object> args = new ArrayList<>(recipientKeys);
    args.add(since);
    args.add(since);
    args.add(ROWS_MAX);
    jdbc.query("SELECT h.recipient_key, h.sender_account, h.created_at, h.resolved_at,"
            + " h.resolution, a.created_at, h.state"
            + " FROM holds h LEFT JOIN accounts a ON a.account_id = h.sender_account"
            + " WHERE h.recipient_key IN (" + marks + ")"
            + " AND (h.created_at >= ? OR h.resolved_at >= ?)"
            + " ORDER BY h.created_at DESC LIMIT ?",
        rs -> {
          Timestamp resolved = rs.getTimestamp(4);
          holds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RecipientHold(
              rs.getString(2), rs.getTimestamp(3).toInstant(),
              resolved == null ? null : resolved.toInstant(), rs.getString(5),
              "UNDER_INVESTIGATION".equals(rs.getString(7)),
              Corroboration.established(rs.getTimestamp(6), rs.getTimestamp(3))));
        }, args.toArray());
    return holds;
  }
}
