package io.holdfast.server.calls;

import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.Resolution;
import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.InterventionKind;
import io.holdfast.core.prevention.InterventionOutcome;
import io.holdfast.core.prevention.InterventionPolicy;
import io.holdfast.core.prevention.InterventionSource;
import io.holdfast.core.prevention.VulnerabilityFlags;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.holds.HoldService;
import io.holdfast.server.register.RegisterFlags;
import io.holdfast.server.register.VulnerabilityRegister;
import io.holdfast.server.support.MessageTemplates;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agents' intervention queue (it began as the call queue, hence the names): call and chat
 * tasks opened by the ladder for a held payment, by the daily assessment and by analysts. An
 * agent claims a task, reaches the person and records the outcome: a cancel, a dissuaded
 * sender or a confirmed scam returns a held payment in the same transaction; going ahead
 * against advice repeatedly, or as a chronic victim, flags the person in the register.
 */
@Service
public class CallTasks {
  static final int PAGE_MAX = 1_000;
  static final String COLUMNS = "task_id, hold_id, account_id, reason, script, priority, due_at,"
      + " kind, source, scam_type, sla_at, assigned_to, claimed_at, breached_at, reassignments";

  private final JdbcTemplate jdbc;
  private final HoldService holds;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final InterventionPolicy policy;
  private final VulnerabilityRegister register;
  private final RegisterFlags flags;
  private final Clock clock;
  private final Map<InterventionOutcome, Counter> outcomes =
      new EnumMap<>(InterventionOutcome.class);

  public CallTasks(JdbcTemplate jdbc, HoldService holds, AuditLog audit, TransactionTemplate tx,
      InterventionPolicy policy, VulnerabilityRegister register, RegisterFlags flags,
      Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.holds = holds;
    this.audit = audit;
    this.tx = tx;
    this.policy = policy;
    this.register = register;
    this.flags = flags;
    this.clock = clock;
    for (InterventionOutcome o : InterventionOutcome.values()) {
      outcomes.put(o, Counter.builder("holdfast.interventions").tag("outcome", o.wire())
          .description("intervention outcomes recorded by agents").register(meters));
    }
  }

  /** Which tasks a listing shows: all open ones, the caller's, or those nobody has claimed. */
  public enum Assigned { ANY, ME, NONE }

  /** Open tasks, most urgent first (priority, then due time). */
  public List<CallTask> open(int limit, InterventionKind kind, Assigned assigned,
      String agent) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    String where = (kind == null ? "" : " AND kind = '" + kind.name() + "'")
        + switch (assigned) {
          case ANY -> "";
          case ME -> " AND assigned_to = ?";
          case NONE -> " AND assigned_to IS NULL";
        };
    Object[] args = assigned == Assigned.ME ? new Object[] {agent, limit} : new Object[] {limit};
    return jdbc.query("SELECT " + COLUMNS + " FROM call_tasks WHERE state = 'OPEN'" + where
        + " ORDER BY priority, due_at, task_id LIMIT ?", (rs, n) -> CallTaskView.of(rs, policy),
        args);
  }

  /**
   * Opens an intervention about an account, not a held payment (the daily assessment, an
   * analyst), in the caller's transaction if there is one. {@code taskId} is the caller's, so a
   * retried batch opens nothing twice; returns whether the task was new.
   */
  public boolean openForAccount(String taskId, String accountId, InterventionKind kind,
      InterventionSource source, String reason, ScamType scamType, int priority, Instant dueAt,
      String actor) {
    Invariants.check(InterventionPolicy.validPriority(priority), "priority out of range");
    Invariants.check(reason != null && !reason.isBlank(), "a task says why");
    return Boolean.TRUE.equals(tx.execute(status -> {
      Instant now = clock.instant();
      int n = jdbc.update("INSERT INTO call_tasks (task_id, hold_id, account_id, reason, script,"
              + " priority, due_at, state, created_at, kind, source, scam_type, sla_at,"
              + " created_by) VALUES (?, NULL, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT DO NOTHING",
          taskId, accountId, reason, script(scamType, reason), priority, Timestamp.from(dueAt),
          Timestamp.from(now), kind.name(), source.name(), scamType.name(),
          Timestamp.from(policy.slaAt(priority, dueAt)), actor);
      if (n == 1) {
        audit.record(actor, "call.opened", "call_task", taskId, null, "OPEN " + kind.name()
            + " priority " + priority + " for " + accountId, reason);
      }
      return n == 1;
    }));
  }

  /** The script for the scam type, with the reason filled in; GENERAL when there is none. */
  private String script(ScamType type, String reason) {
    return new MessageTemplates(jdbc).require("INTERVENTION", type.name(), "en").body()
        .replace("{reason}", reason);
  }

  /** One task, as the queue shows it. */
  public CallTask find(String taskId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM call_tasks WHERE task_id = ?",
            (rs, n) -> CallTaskView.of(rs, policy), taskId).stream().findFirst()
        .orElseThrow(() -> ApiProblem.notFound("call task " + taskId));
  }

  /**
   * An agent takes a task: nobody else may record it until it is done or goes stale. Claiming
   * one's own task again changes nothing; another agent's is a conflict.
   */
  public CallTask claim(String taskId, String agent) {
    return tx.execute(status -> {
      Map<String, Object> row = locked(taskId);
      String holder = (String) row.get("assigned_to");
      if (agent.equals(holder)) {
        return find(taskId);
      }
      if (holder != null) {
        throw new ApiProblem(ProblemType.CONFLICT, "call task " + taskId + " is claimed by "
            + holder);
      }
      Instant now = clock.instant();
      Instant sla = slaOf(row);
      jdbc.update("UPDATE call_tasks SET assigned_to = ?, claimed_at = ?, sla_at = ?"
          + " WHERE task_id = ?", agent, Timestamp.from(now),
          Timestamp.from(policy.slaAfterClaim(sla, now)), taskId);
      audit.record(agent, "call.claimed", "call_task", taskId, "OPEN", "claimed by " + agent,
          null);
      return find(taskId);
    });
  }

  /**
   * "Next item": claims for {@code agent} the most urgent task nobody has claimed. The
   * candidate is locked with SKIP LOCKED, so two agents asking at once get two tasks, never one
   * task twice; empty when none waits.
   */
  public Optional<CallTask> claimNext(String agent) {
    return tx.execute(status -> {
      List<String> next = jdbc.queryForList("SELECT task_id FROM call_tasks WHERE state = 'OPEN'"
          + " AND assigned_to IS NULL ORDER BY priority, due_at, task_id LIMIT 1"
          + " FOR UPDATE SKIP LOCKED", String.class);
      return next.isEmpty() ? Optional.<CallTask>empty()
          : Optional.of(claim(next.get(0), agent));
    });
  }

  private Instant slaOf(Map<String, Object> row) {
    Instant sla = CallTaskView.instant(row.get("sla_at"));
    return sla != null ? sla : policy.slaAt(CallTaskView.priority(
        ((Number) row.get("priority")).intValue()), CallTaskView.instant(row.get("due_at")));
  }

  /** The open task under its row lock; 404 if missing, 409 if already recorded. */
  private Map<String, Object> locked(String taskId) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT hold_id, account_id, state,"
        + " assigned_to, sla_at, priority, due_at FROM call_tasks WHERE task_id = ? FOR UPDATE",
        taskId);
    if (rows.isEmpty()) {
      throw ApiProblem.notFound("call task " + taskId);
    }
    if (!"OPEN".equals(rows.get(0).get("state"))) {
      throw new ApiProblem(ProblemType.CONFLICT, "call task " + taskId + " was already"
          + " recorded");
    }
    return rows.get(0);
  }

  static InterventionOutcome outcome(String text) {
    return InterventionOutcome.byWire(text == null ? "" : text).orElseThrow(() ->
        ApiProblem.invalidField("outcome", "outcome is one of "
            + InterventionOutcome.wireNames()));
  }

  /**
   * Records an outcome once, with its effects on the hold and on the person's flags, in one
   * transaction; returns the task id, the outcome, whether a hold was returned and any flag.
   */
  public Map<String, Object> record(String taskId, InterventionOutcome outcome, String note,
      String agent) {
    Map<String, Object> out = tx.execute(status -> {
      Map<String, Object> row = locked(taskId);
      String holder = (String) row.get("assigned_to");
      if (holder != null && !holder.equals(agent)) {
        throw new ApiProblem(ProblemType.CONFLICT, "call task " + taskId + " is claimed by "
            + holder);
      }
      String holdId = (String) row.get("hold_id");
      String account = (String) row.get("account_id");
      jdbc.update("UPDATE call_tasks SET state = 'DONE', outcome = ?, notes = ?, done_at = ?,"
          + " done_by = ? WHERE task_id = ?", outcome.wire(), note,
          Timestamp.from(clock.instant()), agent, taskId);
      audit.record(agent, "call.recorded", "call_task", taskId, "OPEN", outcome.wire(), note);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("task_id", taskId);
      result.put("outcome", outcome.wire());
      if (holdId != null) {
        result.put("hold_returned", act(holdId, outcome, agent));
      }
      flag(taskId, account, outcome, agent).ifPresent(f -> result.put("flagged", f));
      return result;
    });
    outcomes.get(outcome).increment();
    return out;
  }

  /** Flags the person when the policy says this outcome warrants it; returns why, if so. */
  private Optional<String> flag(String taskId, String account, InterventionOutcome outcome,
      String agent) {
    Integer earlier = jdbc.queryForObject("SELECT COUNT(*) FROM call_tasks WHERE account_id = ?"
        + " AND state = 'DONE' AND task_id <> ? AND outcome IN ('sender_proceeds',"
        + " 'proceeded_anyway')", Integer.class, account, taskId);
    Optional<String> why = policy.flagAfter(outcome, earlier == null ? 0 : earlier,
        register.isChronic(account));
    why.ifPresent(reason -> flags.add(account, VulnerabilityFlags.AT_RISK,
        RegisterFlags.Source.INTERVENTION, reason + " (task " + taskId + ")", agent));
    return why.map(reason -> VulnerabilityFlags.AT_RISK + ": " + reason);
  }

  /** Returns the hold when the outcome says so and it is still active; true when it did. */
  private boolean act(String holdId, InterventionOutcome outcome, String agent) {
    Resolution resolution = outcome.holdResolution().orElse(null);
    if (resolution == null) {
      return false;
    }
    // Checked under the row lock first: a rejected command inside this transaction would mark
    // it rollback-only and lose the call's record with it.
    String state = jdbc.queryForObject("SELECT state FROM holds WHERE hold_id = ? FOR UPDATE",
        String.class, holdId);
    if (!"HELD".equals(state) && !"UNDER_INVESTIGATION".equals(state)) {
      return false;
    }
    holds.apply(holdId, null, now -> new HoldCommand.ReturnToSender(agent, now, resolution,
        "agent's call: " + outcome.wire()));
    return true;
  }
}
