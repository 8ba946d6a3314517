package io.holdfast.server.outreach;

import io.holdfast.core.support.Invariants;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers committed outreach messages in one sequence, after commit, under a lock on the one
 * sequencer row: the same design as the money instructions' sequencer (see
 * {@code InstructionSequencer}), kept apart so a burst of messages to victims never delays a
 * money instruction and the two outboxes can be pulled by different consumers.
 */
@Component
public class OutreachSequencer {
  static final int BATCH_MAX = 5_000;
  private static final int ROUNDS_MAX = 50;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public OutreachSequencer(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Scheduled(fixedDelayString = "${holdfast.outreach.sequence-millis:500}")
  public void run() {
    for (int round = 0; round < ROUNDS_MAX; round++) {
      Integer numbered = tx.execute(status -> sequenceBatch());
      if (numbered == null || numbered < BATCH_MAX) {
        return;
      }
    }
  }

  /** Numbers up to one batch; returns how many it numbered. */
  int sequenceBatch() {
    long last = jdbc.queryForObject(
        "SELECT last_seq FROM outreach_sequencer WHERE id = 1 FOR UPDATE", Long.class);
    List<String> ids = jdbc.queryForList("SELECT message_id FROM outreach_messages"
        + " WHERE seq IS NULL ORDER BY created_at, message_id LIMIT ?", String.class, BATCH_MAX);
    if (ids.isEmpty()) {
      return 0;
    }
    long[] next = {last};
    jdbc.batchUpdate("UPDATE outreach_messages SET seq = ? WHERE message_id = ? AND seq IS NULL",
        ids, ids.size(), (ps, id) -> {
          ps.setLong(1, ++next[0]);
          ps.setString(2, id);
        });
    Invariants.check(next[0] == last + ids.size(), "sequence gap");
    jdbc.update("UPDATE outreach_sequencer SET last_seq = ? WHERE id = 1", next[0]);
    return ids.size();
  }
}
