package io.holdfast.server.webhooks;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of webhook delivery. Each method that changes a row runs inside the caller's
 * transaction ({@link Propagation#MANDATORY}) so the change and its audit row commit together.
 * Times come from the caller, whose clock a test can drive.
 */
@Repository
public class WebhookDeliveries {
  public static final int PAGE_MAX = 1_000;
  static final String ACTOR = "webhook-dispatcher";

  /** A delivery claimed by one dispatcher: what to send, and its attempt number. */
  public record Claim(String instructionId, long seq, int attempt, String payload) {}

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public WebhookDeliveries(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Gives a PENDING delivery row to up to {@code limit} instructions sequenced since the last
   * call. The cursor row is locked meanwhile, and seq order is commit order, so no instruction
   * is skipped or enqueued twice. Returns how many were enqueued.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueueNew(Instant now, int limit) {
    Invariants.check(limit >= 1 && limit <= 10_000, "enqueue batch out of bounds");
    long last = jdbc.queryForObject(
        "SELECT last_seq FROM webhook_cursor WHERE id = 1 FOR UPDATE", Long.class);
    Long top = jdbc.queryForObject("SELECT MAX(seq) FROM (SELECT seq FROM instructions"
        + " WHERE seq > ? ORDER BY seq LIMIT ?) AS page", Long.class, last, limit);
    if (top == null) {
      return 0;
    }
    Timestamp at = Timestamp.from(now);
    int n = jdbc.update("INSERT INTO webhook_deliveries (instruction_id, seq, state, attempts,"
        + " next_attempt_at, created_at) SELECT instruction_id, seq, 'PENDING', 0, ?, ?"
        + " FROM instructions WHERE seq > ? AND seq <= ?", at, at, last, top);
    jdbc.update("UPDATE webhook_cursor SET last_seq = ? WHERE id = 1", top);
    return n;
  }

  /**
   * Claims up to {@code limit} due deliveries no other dispatcher holds: counts the attempt
   * and moves next_attempt_at to the end of the lease, so the row is not due again while this
   * dispatcher calls, and is due again if it dies. Deliveries whose attempts ran out while
   * their dispatcher was gone become DEAD here instead of being sent again.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Claim> claimDue(Instant now, Instant leaseUntil, int attemptsMax, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "claim batch out of bounds");
    List<Claim> due = jdbc.query("SELECT instruction_id, seq, attempts FROM webhook_deliveries"
            + " WHERE state = 'PENDING' AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, seq LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, n) -> new Claim(rs.getString(1), rs.getLong(2), rs.getInt(3) + 1, null),
        Timestamp.from(now), limit);
    List<Claim> claimed = new ArrayList<>(due.size());
    for (Claim c : due) {
      if (c.attempt() > attemptsMax) {
        markDead(c.instructionId(), c.attempt() - 1, null, "lease expired on the last attempt");
        continue;
      }
      jdbc.update("UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?"
          + " WHERE instruction_id = ?", c.attempt(), Timestamp.from(leaseUntil),
          c.instructionId());
      String payload = jdbc.queryForObject(
          "SELECT payload FROM instructions WHERE instruction_id = ?", String.class,
          c.instructionId());
      claimed.add(new Claim(c.instructionId(), c.seq(), c.attempt(), payload));
    }
    return claimed;
  }

  /** Records a 2xx answer; false when the claim was lost (another dispatcher took over). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean delivered(Claim c, int status, Instant now) {
    int n = jdbc.update("UPDATE webhook_deliveries SET state = 'DELIVERED', last_status = ?,"
        + " last_error = NULL, delivered_at = ? WHERE instruction_id = ? AND state = 'PENDING'"
        + " AND attempts = ?", status, Timestamp.from(now), c.instructionId(), c.attempt());
    if (n == 1) {
      audit.record(ACTOR, "webhook.delivered", "instruction", c.instructionId(), "PENDING",
          "DELIVERED", "HTTP " + status + " on attempt " + c.attempt());
    }
    return n == 1;
  }

  /**
   * Records a failed attempt: due again at {@code retryAt}, or DEAD when it was the last.
   * Returns the state the delivery is now in, or empty when the claim was lost.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<String> failed(Claim c, Integer status, String error, Instant retryAt,
      int attemptsMax) {
    String err = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    if (c.attempt() >= attemptsMax) {
      int n = jdbc.update("UPDATE webhook_deliveries SET last_status = ?, last_error = ?"
          + " WHERE instruction_id = ? AND state = 'PENDING' AND attempts = ?", status, err,
          c.instructionId(), c.attempt());
      if (n == 0) {
        return Optional.empty();
      }
      markDead(c.instructionId(), c.attempt(), status, err);
      return Optional.of("DEAD");
    }
    int n = jdbc.update("UPDATE webhook_deliveries SET last_status = ?, last_error = ?,"
        + " next_attempt_at = ? WHERE instruction_id = ? AND state = 'PENDING' AND attempts = ?",
        status, err, Timestamp.from(retryAt), c.instructionId(), c.attempt());
    return n == 1 ? Optional.of("PENDING") : Optional.empty();
  }

  private void markDead(String instructionId, int attempts, Integer status, String error) {
    jdbc.update("UPDATE webhook_deliveries SET state = 'DEAD' WHERE instruction_id = ?"
        + " AND state = 'PENDING'", instructionId);
    audit.record(ACTOR, "webhook.dead", "instruction", instructionId, "PENDING", "DEAD",
        "gave up after " + attempts + " attempts; last "
            + (status == null ? "" : "HTTP " + status + " ") + (error == null ? "" : error));
  }

  /** Puts a DEAD delivery back in the queue, due now, with its attempts reset. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean retry(String instructionId, String actor, Instant now) {
    int n = jdbc.update("UPDATE webhook_deliveries SET state = 'PENDING', attempts = 0,"
        + " next_attempt_at = ? WHERE instruction_id = ? AND state = 'DEAD'",
        Timestamp.from(now), instructionId);
    if (n == 1) {
      audit.record(actor, "webhook.retried", "instruction", instructionId, "DEAD", "PENDING",
          "retried by an administrator");
    }
    return n == 1;
  }

  public Optional<String> state(String instructionId) {
    return jdbc.queryForList("SELECT state FROM webhook_deliveries WHERE instruction_id = ?",
        String.class, instructionId).stream().findFirst();
  }

  /** Deliveries in {@code state}, oldest instruction first, after seq {@code after}. */
  public List<Map<String, Object>> byState(String state, long after, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    return jdbc.query("SELECT instruction_id, seq, state, attempts, next_attempt_at,"
            + " last_status, last_error, delivered_at FROM webhook_deliveries"
            + " WHERE state = ? AND seq > ? ORDER BY seq LIMIT ?",
        (rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("instruction_id", rs.getString(1));
          row.put("seq", rs.getLong(2));
          row.put("state", rs.getString(3));
          row.put("attempts", rs.getInt(4));
          row.put("next_attempt_at", instant(rs.getTimestamp(5)));
          int status = rs.getInt(6);
          row.put("last_status", rs.wasNull() ? null : status);
          row.put("last_error", rs.getString(7));
          row.put("delivered_at", instant(rs.getTimestamp(8)));
          return row;
        }, state, after, limit);
  }

  private static String instant(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }
}
