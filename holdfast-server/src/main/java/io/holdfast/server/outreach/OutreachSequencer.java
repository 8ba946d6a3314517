package io.holdfast.server.outreach;

import io.holdfast.server.support.OutboxSequence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers committed outreach messages in one sequence ({@link OutboxSequence}), kept apart from
 * the money instructions' so a burst of messages to victims never delays a money instruction
 * and the two outboxes can be pulled by different consumers.
 */
@Component
public class OutreachSequencer {
  static final int BATCH_MAX = 5_000;

  private final OutboxSequence sequence;

  public OutreachSequencer(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.sequence = new OutboxSequence(jdbc, tx, "outreach_messages", "message_id",
        "outreach_sequencer", BATCH_MAX);
  }

  @Scheduled(fixedDelayString = "${holdfast.outreach.sequence-millis:500}")
  public void run() {
    sequence.drain();
  }

  /** Numbers up to one batch; returns how many it numbered. */
  int sequenceBatch() {
    return sequence.sequenceBatch();
  }
}
