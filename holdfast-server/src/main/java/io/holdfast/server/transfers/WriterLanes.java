package io.holdfast.server.transfers;

import io.holdfast.core.support.Invariants;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Chunk writers on background threads, each with its own connection, taking chunks in turn.
 * With one lane, the database waits while the writer turns a chunk into COPY text and the
 * parser waits for the database; with two, one lane's COPY and INSERT run while the other
 * lane's text is built and the next chunk is parsed, which kept both cores busy on this machine.
 * At most one chunk per lane is in flight, so memory stays bounded by the lane count. The
 * chunks commit independently, in any order: each is idempotent (ids already stored are
 * skipped), so a re-run after a failure completes whatever did not commit.
 */
final class WriterLanes implements AutoCloseable {
  static final int LANES_MAX = 4;
  /** How long closing waits for a chunk in flight; a chunk takes well under a second. */
  static final long CLOSE_WAIT_SECONDS = 60;

  /** Opens one writer (and its connection) for a lane. */
  interface Opener {
    ChunkWriter open() throws SQLException;
  }

  private final List<ChunkWriter> writers = new ArrayList<>();
  private final List<ExecutorService> threads = new ArrayList<>();
  private final List<Future<Long>> pending = new ArrayList<>();
  private int next;

  WriterLanes(int lanes, Opener opener) throws SQLException {
    Invariants.check(lanes >= 1 && lanes <= LANES_MAX, "1 to %s writer lanes, not %s",
        LANES_MAX, lanes);
    try {
      for (int i = 0; i < lanes; i++) {
        writers.add(opener.open());
        String name = "transfer-import-writer-" + i;
        threads.add(Executors.newSingleThreadExecutor(r -> {
          Thread thread = new Thread(r, name);
          thread.setDaemon(true);
          return thread;
        }));
        pending.add(null);
      }
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Hands the chunk to the next lane, after waiting for that lane's previous chunk; returns how
   * many transfers that previous chunk stored (0 when there was none).
   */
  long submit(ChunkWriter.Chunk chunk) throws SQLException {
    int lane = next;
    next = (next + 1) % writers.size();
    long stored = await(lane);
    ChunkWriter writer = writers.get(lane);
    pending.set(lane, threads.get(lane).submit(() -> writer.write(chunk)));
    return stored;
  }

  /** Waits for every lane; returns how many transfers their last chunks stored. */
  long drain() throws SQLException {
    long stored = 0;
    for (int lane = 0; lane < writers.size(); lane++) {
      stored += await(lane);
    }
    return stored;
  }

  private long await(int lane) throws SQLException {
    Future<Long> future = pending.get(lane);
    if (future == null) {
      return 0;
    }
    try {
      long stored = future.get();
      pending.set(lane, null);
      return stored;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while writing", e);
    } catch (ExecutionException e) {
      pending.set(lane, null);
      throw e.getCause() instanceof SQLException sql ? sql
          : new SQLException(e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Stops the lanes and closes their connections. A chunk still in flight (after another
   * lane failed) is interrupted and waited for, so no connection is closed while in use; its
   * transaction commits whole or not at all.
   */
  @Override
  public void close() throws SQLException {
    threads.forEach(ExecutorService::shutdownNow);
    for (ExecutorService thread : threads) {
      try {
        thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    SQLException failure = null;
    for (ChunkWriter writer : writers) {
      try {
        writer.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
