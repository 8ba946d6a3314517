package io.holdfast.server.holds;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.web.ApiProblem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records when and where the platform showed a ladder message to its user: the first showing
 * is kept (later ones change nothing), so the evidence says when the warning was first seen.
 */
@Repository
public class ShownMessages {
  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public ShownMessages(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public boolean markShown(String holdId, String messageId, String account, String channel,
      Instant at) {
    List<String> owner = jdbc.queryForList("SELECT h.sender_account FROM hold_messages m"
        + " JOIN holds h ON h.hold_id = m.hold_id WHERE m.message_id = ? AND m.hold_id = ?",
        String.class, messageId, holdId);
    if (owner.isEmpty() || !owner.get(0).equals(account)) {
      throw ApiProblem.notFound("message " + messageId);
    }
    boolean first = jdbc.update("UPDATE hold_messages SET shown_at = ?, shown_channel = ?"
            + " WHERE message_id = ? AND shown_at IS NULL",
        Timestamp.from(at), channel, messageId) == 1;
    if (first) {
      audit.record("user:" + account, "hold.message_shown", "hold", holdId, null,
          messageId + " via " + channel, "shown at " + at);
    }
    return first;
  }
}
