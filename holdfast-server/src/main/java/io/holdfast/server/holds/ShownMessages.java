package io.holdfast.server.holds;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Timestamps;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records when and where the platform showed a ladder message to its user: the first showing
 * is kept (later ones change nothing), so the evidence says when the warning was first seen.
 * The time is evidence, so a receipt cannot date the showing before the message existed nor
 * after the server's clock ({@link Timestamps#receipt}); without a time it is the server's.
 */
@Repository
public class ShownMessages {
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  public ShownMessages(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Marks the message shown at {@code shownAt}, or now when null; true the first time. */
  @Transactional
  public boolean markShown(String holdId, String messageId, String account, String channel,
      Instant shownAt) {
    List<Message> found = jdbc.query("SELECT h.sender_account, m.created_at FROM hold_messages m"
        + " JOIN holds h ON h.hold_id = m.hold_id WHERE m.message_id = ? AND m.hold_id = ?",
        (rs, n) -> new Message(rs.getString(1), rs.getTimestamp(2).toInstant()), messageId,
        holdId);
    if (found.isEmpty() || !found.get(0).sender().equals(account)) {
      throw ApiProblem.notFound("message " + messageId);
    }
    Instant now = clock.instant();
    Instant at = shownAt == null ? now
        : Timestamps.receipt("shown_at", shownAt, found.get(0).createdAt(), now);
    boolean first = jdbc.update("UPDATE hold_messages SET shown_at = ?, shown_channel = ?"
            + " WHERE message_id = ? AND shown_at IS NULL",
        Timestamp.from(at), channel, messageId) == 1;
    if (first) {
      audit.record("user:" + account, "hold.message_shown", "hold", holdId, null,
          messageId + " via " + channel, "shown at " + at);
    }
    return first;
  }

  private record Message(String sender, Instant createdAt) {}
}
