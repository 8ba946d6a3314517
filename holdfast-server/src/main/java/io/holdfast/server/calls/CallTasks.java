package io.holdfast.server.calls;

import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.Resolution;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.holds.HoldService;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agents' call queue: the ladder opens a call task for a vulnerable or high-risk held
 * sender; an agent calls and records what happened. A sender who cancels on the call, or whom
 * the agent finds is following a scammer's script, has the money returned in the same
 * transaction as the outcome; a sender who still wants to go ahead leaves the hold to run.
 */
@Service
public class CallTasks {
  /** What came of a call. */
  public enum Outcome {
    SENDER_CANCELLED,
    CONFIRMED_SCAM,
    SENDER_PROCEEDS,
    UNREACHABLE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Outcome> byWire(String text) {
      for (Outcome o : values()) {
        if (o.wire().equals(text)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  static final int PAGE_MAX = 1_000;

  private final JdbcTemplate jdbc;
  private final HoldService holds;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  public CallTasks(JdbcTemplate jdbc, HoldService holds, AuditLog audit, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.holds = holds;
    this.audit = audit;
    this.tx = tx;
  }

  /** Open tasks, most urgent first (priority, then due time). */
  public List<Map<String, Object>> open(int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size out of bounds");
    return jdbc.query("SELECT task_id, hold_id, account_id, reason, script, priority, due_at"
        + " FROM call_tasks WHERE state = 'OPEN' ORDER BY priority, due_at,"
        + " task_id LIMIT ?", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("task_id", rs.getString(1));
          m.put("hold_id", rs.getString(2));
          m.put("account_id", rs.getString(3));
          m.put("reason", rs.getString(4));
          m.put("script", rs.getString(5));
          m.put("priority", rs.getInt(6));
          m.put("due_at", rs.getTimestamp(7).toInstant().toString());
          return m;
        }, limit);
  }

  static Outcome outcome(String text) {
    return Outcome.byWire(text == null ? "" : text).orElseThrow(() -> ApiProblem.invalidField(
        "outcome", "outcome is sender_cancelled, confirmed_scam, sender_proceeds or"
            + " unreachable"));
  }

  /** Records a call's outcome once; returns the hold's state afterwards, if it has one. */
  public Map<String, Object> record(String taskId, Outcome outcome, String note, String agent) {
    return tx.execute(status -> {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT hold_id, account_id, state"
          + " FROM call_tasks WHERE task_id = ? FOR UPDATE", taskId);
      if (rows.isEmpty()) {
        throw ApiProblem.notFound("call task " + taskId);
      }
      if (!"OPEN".equals(rows.get(0).get("state"))) {
        throw new ApiProblem(ProblemType.CONFLICT, "call task " + taskId + " was already"
            + " recorded");
      }
      String holdId = (String) rows.get(0).get("hold_id");
      jdbc.update("UPDATE call_tasks SET state = 'DONE', outcome = ?, notes = ? WHERE task_id = ?",
          outcome.wire(), note, taskId);
      audit.record(agent, "call.recorded", "call_task", taskId, "OPEN", outcome.wire(), note);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("task_id", taskId);
      out.put("outcome", outcome.wire());
      if (holdId != null) {
        out.put("hold_returned", act(holdId, outcome, agent));
      }
      return out;
    });
  }

  /** Returns the hold when the call says so and it is still active; true when it did. */
  private boolean act(String holdId, Outcome outcome, String agent) {
    Resolution resolution = switch (outcome) {
      case SENDER_CANCELLED -> Resolution.CANCELLED_BY_SENDER;
      case CONFIRMED_SCAM -> Resolution.RETURNED_AS_SCAM;
      default -> null;
    };
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
