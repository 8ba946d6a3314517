package io.holdfast.server.prevention;

import io.holdfast.server.support.OutboxSequence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers committed prevention messages ({@link OutboxSequence}), apart from the other outboxes
 * so a daily batch of a hundred thousand assessments never delays a money instruction.
 */
@Component
public class PreventionSequencer {
  static final int BATCH_MAX = 5_000;

  private final OutboxSequence sequence;

  public PreventionSequencer(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.sequence = new OutboxSequence(jdbc, tx, "prevention_messages", "message_id",
        "prevention_sequencer", BATCH_MAX);
  }

  @Scheduled(fixedDelayString = "${holdfast.prevention.sequence-millis:500}")
  public void run() {
    sequence.drain();
  }
}
