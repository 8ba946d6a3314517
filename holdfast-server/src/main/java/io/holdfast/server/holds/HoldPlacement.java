package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.ladder.LadderPolicy;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.instructions.Instructions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places new holds in the screening transaction: the hold row, its HOLD_FUNDS instruction, its
 * audit record, the ladder's first steps (the warning and the questions are ready when the
 * platform first asks), and when its checks first re-run.
 */
@Component
public class HoldPlacement {
  private final HoldRows rows;
  private final Instructions instructions;
  private final AuditLog audit;
  private final LadderPolicy ladder;
  private final LadderMessages messages;
  private final HoldPolicy policy;

  public HoldPlacement(HoldRows rows, Instructions instructions, AuditLog audit,
      LadderPolicy ladder, LadderMessages messages, HoldPolicy policy) {
    this.policy = policy;
    this.rows = rows;
    this.instructions = instructions;
    this.audit = audit;
    this.ladder = ladder;
    this.messages = messages;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void place(List<Hold.Held> placed) {
    if (placed.isEmpty()) {
      return;
    }
    List<HoldRows.NewHold> rowsToInsert = new ArrayList<>(placed.size());
    List<Runnable> firstSteps = new ArrayList<>(placed.size());
    for (Hold.Held hold : placed) {
      var t = hold.terms();
      LadderPolicy.Due due = ladder.due(hold.ladderStep(), t.createdAt(), hold.releaseAt(),
          t.createdAt(), t.tier(), t.senderVulnerable());
      Hold.Held started = new Hold.Held(t, hold.releaseAt(), due.nextIndex(), hold.version());
      rowsToInsert.add(new HoldRows.NewHold(started, due.nextAt(),
          policy.recheckAfter(started, t.createdAt()).orElse(null)));
      firstSteps.add(() -> messages.run(started, hold.releaseAt(), due.indexes(), t.createdAt()));
    }
    rows.insert(rowsToInsert);
    firstSteps.forEach(Runnable::run);
    instructions.insert(placed.stream().map(HoldInstructions::placed).toList());
    audit.recordAll(placed.stream().map(h -> new AuditLog.Entry("system", "hold.placed",
        "hold", h.holdId(), null, "HELD until " + h.releaseAt(), h.terms().tier().name()))
        .toList());
  }
}
