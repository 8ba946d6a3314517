package io.holdfast.server.instructions;

import io.holdfast.core.support.Invariants;
import java.util.List;
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

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public InstructionSequencer(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Scheduled(fixedDelayString = "${holdfast.instructions.sequence-millis:200}")
  public void run() {
    for (int round = 0; round < 50; round++) {
      Integer numbered = tx.execute(status -> sequenceBatch());
      if (numbered == null || numbered < BATCH_MAX) {
        return;
      }
    }
  }

  /** Numbers up to one batch; returns how many it numbered. */
  public int sequenceBatch() {
    long last = jdbc.queryForObject(
        "SELECT last_seq FROM instruction_sequencer WHERE id = 1 FOR UPDATE", Long.class);
    List<String> ids = jdbc.queryForList("SELECT instruction_id FROM instructions"
        + " WHERE seq IS NULL ORDER BY created_at, instruction_id LIMIT ?", String.class,
        BATCH_MAX);
    if (ids.isEmpty()) {
      return 0;
    }
    long[] next = {last};
    jdbc.batchUpdate("UPDATE instructions SET seq = ? WHERE instruction_id = ? AND seq IS NULL",
        ids, ids.size(), (ps, id) -> {
          ps.setLong(1, ++next[0]);
          ps.setString(2, id);
        });
    Invariants.check(next[0] == last + ids.size(), "sequence gap");
    jdbc.update("UPDATE instruction_sequencer SET last_seq = ? WHERE id = 1", next[0]);
    return ids.size();
  }
}
