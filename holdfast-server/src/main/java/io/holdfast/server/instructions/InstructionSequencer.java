package io.holdfast.server.instructions;

import io.holdfast.server.support.OutboxSequence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers committed instructions in one sequence. Ids assigned inside business transactions
 * could commit out of order, and a consumer reading "after cursor" would then skip a late row;
 * numbering happens here instead, after commit, under a lock on the one sequencer row, so seq
 * order is commit-visible order whatever the number of server instances.
 */
@Component
public class InstructionSequencer {
  static final int BATCH_MAX = 2_000;

  private final OutboxSequence sequence;

  public InstructionSequencer(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.sequence = new OutboxSequence(jdbc, tx, "instructions", "instruction_id",
        "instruction_sequencer", BATCH_MAX);
  }

  @Scheduled(fixedDelayString = "${holdfast.instructions.sequence-millis:200}")
  public void run() {
    sequence.drain();
  }

  /** Numbers up to one batch; returns how many it numbered. */
  public int sequenceBatch() {
    return sequence.sequenceBatch();
  }
}
