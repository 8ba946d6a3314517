package io.holdfast.server.calls;

import io.holdfast.core.prevention.InterventionPolicy;
import io.holdfast.server.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The interventions' service-level timers. Deadlines are a column ({@code sla_at}), so a
 * restart loses none; batches are bounded and claimed with SKIP LOCKED, so instances share the
 * work; each step changes a row so that it no longer matches, so running twice does nothing
 * twice. In turn: tasks without a deadline (inserted by a batch) get one from their priority; a
 * claimed task past its deadline goes back to the queue one priority more urgent; an
 * unclaimed one past its deadline is marked breached, once.
 */
@Component
public class CallTaskSweeper {
  static final String ACTOR = "sweeper";
  private static final Logger LOG = LoggerFactory.getLogger(CallTaskSweeper.class);
  static final int BATCH = 500;
  static final int BATCHES_MAX = 100;

  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final InterventionPolicy policy;
  private final Clock clock;
  private final Counter staleClaims;
  private final Counter overdueUnclaimed;

  @Autowired
  public CallTaskSweeper(JdbcTemplate jdbc, AuditLog audit, TransactionTemplate tx,
      InterventionPolicy policy, Clock clock, MeterRegistry meters) {
    this(jdbc, audit, tx, policy, clock,
        breaches(meters, "claimed"), breaches(meters, "unclaimed"));
  }

  private CallTaskSweeper(JdbcTemplate jdbc, AuditLog audit, TransactionTemplate tx,
      InterventionPolicy policy, Clock clock, Counter staleClaims, Counter overdueUnclaimed) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.tx = tx;
    this.policy = policy;
    this.clock = clock;
    this.staleClaims = staleClaims;
    this.overdueUnclaimed = overdueUnclaimed;
  }

  private static Counter breaches(MeterRegistry meters, String state) {
    return Counter.builder("holdfast.interventions.sla_breaches").tag("task", state)
        .description("interventions that passed their service level").register(meters);
  }

  /** The same sweeper reading another clock: tests move time with it instead of sleeping. */
  public CallTaskSweeper withClock(Clock other) {
    return new CallTaskSweeper(jdbc, audit, tx, policy, other, staleClaims, overdueUnclaimed);
  }

  /** What one sweep did. */
  public record Report(int deadlinesSet, int reassigned, int breached) {}

  @Scheduled(fixedDelayString = "${holdfast.interventions.sweep-millis:60000}")
  public void scheduled() {
    Report r = sweep();
    if (r.reassigned() + r.breached() > 0) {
      LOG.info("interventions: {} stale claims back in the queue, {} unclaimed past their"
          + " deadline", r.reassigned(), r.breached());
    }
  }

  /** Runs the three steps over every due row, in bounded batches. */
  public Report sweep() {
    return new Report(batches(this::setDeadlines), batches(this::reassignStale),
        batches(this::markBreached));
  }

  private static int batches(java.util.function.IntSupplier step) {
    int total = 0;
    for (int batch = 0; batch < BATCHES_MAX; batch++) {
      int n = step.getAsInt();
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }

  /** Tasks a batch inserted without a deadline get one from their priority and due time. */
  int setDeadlines() {
    Integer n = tx.execute(status -> {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT task_id, priority, due_at"
          + " FROM call_tasks WHERE state = 'OPEN' AND sla_at IS NULL ORDER BY due_at LIMIT ?"
          + " FOR UPDATE SKIP LOCKED", BATCH);
      List<Object[]> updates = new ArrayList<>(rows.size());
      for (Map<String, Object> row : rows) {
        Instant sla = policy.slaAt(CallTaskView.priority(((Number) row.get("priority"))
            .intValue()), CallTaskView.instant(row.get("due_at")));
        updates.add(new Object[] {Timestamp.from(sla), row.get("task_id")});
      }
      jdbc.batchUpdate("UPDATE call_tasks SET sla_at = ? WHERE task_id = ?", updates);
      return rows.size();
    });
    return n == null ? 0 : n;
  }

  /** Claimed tasks past their deadline without an outcome: back to the queue, more urgent. */
  int reassignStale() {
    Integer n = tx.execute(status -> {
      Instant now = clock.instant();
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT task_id, priority, assigned_to"
          + " FROM call_tasks WHERE state = 'OPEN' AND sla_at <= ? AND assigned_to IS NOT NULL"
          + " ORDER BY sla_at LIMIT ? FOR UPDATE SKIP LOCKED", Timestamp.from(now), BATCH);
      List<AuditLog.Entry> entries = new ArrayList<>(rows.size());
      for (Map<String, Object> row : rows) {
        int priority = policy.raised(CallTaskView.priority(((Number) row.get("priority"))
            .intValue()));
        String taskId = (String) row.get("task_id");
        jdbc.update("UPDATE call_tasks SET assigned_to = NULL, claimed_at = NULL, priority = ?,"
            + " sla_at = ?, reassignments = reassignments + 1,"
            + " breached_at = COALESCE(breached_at, ?) WHERE task_id = ?", priority,
            Timestamp.from(policy.slaAt(priority, now)), Timestamp.from(now), taskId);
        entries.add(new AuditLog.Entry(ACTOR, "call.reassigned", "call_task", taskId,
            "claimed by " + row.get("assigned_to"), "queue, priority " + priority,
            "no outcome by the service-level deadline"));
      }
      audit.recordAll(entries);
      return rows.size();
    });
    staleClaims.increment(n == null ? 0 : n);
    return n == null ? 0 : n;
  }

  /** Unclaimed tasks past their deadline are marked breached once, and counted. */
  int markBreached() {
    Integer n = tx.execute(status -> {
      Instant now = clock.instant();
      List<String> ids = jdbc.queryForList("SELECT task_id FROM call_tasks WHERE state = 'OPEN'"
          + " AND sla_at <= ? AND assigned_to IS NULL AND breached_at IS NULL ORDER BY sla_at"
          + " LIMIT ? FOR UPDATE SKIP LOCKED", String.class, Timestamp.from(now), BATCH);
      List<Object[]> updates = new ArrayList<>(ids.size());
      List<AuditLog.Entry> entries = new ArrayList<>(ids.size());
      for (String id : ids) {
        updates.add(new Object[] {Timestamp.from(now), id});
        entries.add(new AuditLog.Entry(ACTOR, "call.sla_breached", "call_task", id, "OPEN",
            "OPEN, past its service level", "nobody claimed it in time"));
      }
      jdbc.batchUpdate("UPDATE call_tasks SET breached_at = ? WHERE task_id = ?", updates);
      audit.recordAll(entries);
      return ids.size();
    });
    overdueUnclaimed.increment(n == null ? 0 : n);
    return n == null ? 0 : n;
  }
}
