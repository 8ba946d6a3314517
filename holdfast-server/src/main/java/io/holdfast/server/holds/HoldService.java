package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.HoldEvent;
import io.holdfast.core.hold.HoldOutcome;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.hold.HoldRejection;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.instructions.Instruction;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies commands to holds: lock the row, let the hold's own type decide, write the new state
 * (conditional on the version), its money instruction and its audit record in the same
 * transaction. The sweeper uses the same path for due holds, in batches.
 */
@Service
public class HoldService {
  private final HoldRows rows;
  private final Instructions instructions;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final HoldPolicy policy;
  private final Clock clock;

  public HoldService(HoldRows rows, Instructions instructions, AuditLog audit,
      TransactionTemplate tx, HoldPolicy policy, Clock clock) {
    this.rows = rows;
    this.instructions = instructions;
    this.audit = audit;
    this.tx = tx;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Applies one command. {@code senderAccount}, when given, must be the hold's sender; any other
   * caller gets the same 404 as for a hold that does not exist.
   */
  public Hold apply(String holdId, String senderAccount, Function<Instant, HoldCommand> command) {
    return tx.execute(status -> {
      Hold hold = rows.lock(holdId)
          .filter(h -> senderAccount == null || h.terms().senderAccount().equals(senderAccount))
          .orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
      HoldOutcome outcome = hold.handle(command.apply(clock.instant()));
      if (outcome instanceof HoldOutcome.Rejected rejected) {
        throw problem(rejected.rejection());
      }
      HoldOutcome.Changed changed = (HoldOutcome.Changed) outcome;
      write(List.of(hold), List.of(changed));
      return changed.next();
    });
  }

  /** Resolves up to {@code limit} due holds in one transaction; returns how many. */
  public int sweepDue(int limit, String actor) {
    Integer count = tx.execute(status -> {
      Instant now = clock.instant();
      List<Hold> due = rows.lockDue(now, limit);
      List<HoldOutcome.Changed> changes = new ArrayList<>(due.size());
      List<Hold> before = new ArrayList<>(due.size());
      for (Hold hold : due) {
        boolean findings = hold instanceof Hold.UnderInvestigation;
        HoldOutcome outcome = hold.handle(
            new HoldCommand.Deadline(actor, now, findings, policy.extendBy()));
        if (outcome instanceof HoldOutcome.Changed changed) {
          before.add(hold);
          changes.add(changed);
        }
      }
      write(before, changes);
      return changes.size();
    });
    return count == null ? 0 : count;
  }

  private void write(List<Hold> before, List<HoldOutcome.Changed> changes) {
    List<Hold> next = new ArrayList<>(changes.size());
    List<Instruction> money = new ArrayList<>();
    List<AuditLog.Entry> entries = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      HoldOutcome.Changed c = changes.get(i);
      next.add(c.next());
      HoldInstructions.forEvent(c.next(), c.event()).ifPresent(money::add);
      entries.add(new AuditLog.Entry(actorOf(c.next(), c.event()), action(c.event()), "hold",
          c.next().holdId(), HoldStates.name(before.get(i)), HoldStates.name(c.next()),
          describe(c.event())));
    }
    rows.update(next);
    instructions.insert(money);
    audit.recordAll(entries);
  }

  private static String actorOf(Hold next, HoldEvent event) {
    if (next instanceof Hold.Released r) {
      return r.resolvedBy();
    }
    if (next instanceof Hold.Returned r) {
      return r.resolvedBy();
    }
    return "system";
  }

  static String action(HoldEvent event) {
    if (event instanceof HoldEvent.Released) {
      return "hold.released";
    }
    if (event instanceof HoldEvent.Returned) {
      return "hold.returned";
    }
    return event instanceof HoldEvent.Escalated ? "hold.escalated" : "hold.extended";
  }

  private static String describe(HoldEvent event) {
    if (event instanceof HoldEvent.Released r) {
      return r.resolution().wire();
    }
    if (event instanceof HoldEvent.Returned r) {
      return r.resolution().wire();
    }
    if (event instanceof HoldEvent.Escalated e) {
      return e.finding() + "; release_at " + e.releaseAt();
    }
    return "release_at " + ((HoldEvent.Extended) event).releaseAt();
  }

  private static ApiProblem problem(HoldRejection rejection) {
    if (rejection instanceof HoldRejection.AlreadyResolved resolved) {
      return new ApiProblem(ProblemType.HOLD_ALREADY_RESOLVED, rejection.explanation(),
          Map.of("resolution", resolved.resolution().wire()));
    }
    return new ApiProblem(ProblemType.HOLD_COMMAND_NOT_ALLOWED, rejection.explanation());
  }
}
