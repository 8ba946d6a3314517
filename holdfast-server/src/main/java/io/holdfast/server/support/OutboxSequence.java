package io.holdfast.server.support;

import io.holdfast.core.support.Invariants;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers the committed rows of one outbox table in one sequence, after commit, under a lock on
 * its one-row sequencer table. Rows are numbered in the order they became visible, so a consumer
 * reading {@code seq > cursor} never skips a row whose transaction committed late, whatever the
 * number of server instances. PostgreSQL sequences cannot give this: a sequence value is taken
 * before commit, so a later number can become visible before an earlier one. Each outbox has its
 * own sequencer, so a burst in one never delays another.
 */
public final class OutboxSequence {
  private static final int ROUNDS_MAX = 50;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final String table;
  private final String idColumn;
  private final String sequencerTable;
  private final int batchMax;

  /** Table and column names are the code's own constants, never input. */
  public OutboxSequence(JdbcTemplate jdbc, TransactionTemplate tx, String table, String idColumn,
      String sequencerTable, int batchMax) {
    Invariants.check(batchMax >= 1 && batchMax <= 10_000, "batch size out of bounds");
    this.jdbc = jdbc;
    this.tx = tx;
    this.table = table;
    this.idColumn = idColumn;
    this.sequencerTable = sequencerTable;
    this.batchMax = batchMax;
  }

  /** Numbers batches until one comes back short, at most {@value #ROUNDS_MAX} of them. */
  public void drain() {
    for (int round = 0; round < ROUNDS_MAX; round++) {
      Integer numbered = tx.execute(status -> sequenceBatch());
      if (numbered == null || numbered < batchMax) {
        return;
      }
    }
  }

  /** Numbers up to one batch inside the caller's transaction; returns how many it numbered. */
  public int sequenceBatch() {
    long last = jdbc.queryForObject(
        "SELECT last_seq FROM " + sequencerTable + " WHERE id = 1 FOR UPDATE", Long.class);
    List<String> ids = jdbc.queryForList("SELECT " + idColumn + " FROM " + table
        + " WHERE seq IS NULL ORDER BY created_at, " + idColumn + " LIMIT ?", String.class,
        batchMax);
    if (ids.isEmpty()) {
      return 0;
    }
    long[] next = {last};
    jdbc.batchUpdate("UPDATE " + table + " SET seq = ? WHERE " + idColumn + " = ? AND seq IS NULL",
        ids, ids.size(), (ps, id) -> {
          ps.setLong(1, ++next[0]);
          ps.setString(2, id);
        });
    Invariants.check(next[0] == last + ids.size(), "sequence gap");
    jdbc.update("UPDATE " + sequencerTable + " SET last_seq = ? WHERE id = 1", next[0]);
    return ids.size();
  }
}
