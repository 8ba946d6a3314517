package io.holdfast.server.screening;

import io.holdfast.server.screening.PendingDecision.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for screening. Each screening must be durable before it is answered, and one
 * commit per request would cap throughput near PostgreSQL's commit rate on this class of
 * machine (about 6,000 single-row commits/s, measured). So request threads enqueue their rows
 * and wait; one writer thread commits whatever is queued (up to {@link #BATCH_MAX}) in one
 * transaction, then completes every waiting request. A batch that hits a duplicate key is
 * retried row by row so that only the duplicate is refused.
 *
 * <p>The queue is bounded: when it is full, screening answers 503 rather than queueing
 * without limit.
 */
public class DecisionWriter implements SmartLifecycle {
  static final int BATCH_MAX = 512;
  static final int QUEUE_MAX = 16_384;
  private static final Logger LOG = LoggerFactory.getLogger(DecisionWriter.class);

  private final DecisionRows rows;
  private final TransactionTemplate tx;
  private final BlockingQueue<PendingDecision> queue = new ArrayBlockingQueue<>(QUEUE_MAX);
  private volatile boolean running;
  private Thread thread;

  public DecisionWriter(DecisionRows rows, TransactionTemplate tx) {
    this.rows = rows;
    this.tx = tx;
  }

  /** Queues a decision for the next commit; false when the queue is full. */
  boolean offer(PendingDecision pending) {
    return running && queue.offer(pending);
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "decision-writer");
    thread.setDaemon(false);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts before and stops after the web server, so no accepted request is left unwritten. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    List<PendingDecision> batch = new ArrayList<>(BATCH_MAX);
    while (running || !queue.isEmpty()) {
      try {
        PendingDecision first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH_MAX - 1);
        flush(batch);
      } catch (InterruptedException e) {
        if (!running) {
          drainOnStop(batch);
          return;
        }
      } catch (RuntimeException e) {
        LOG.error("decision writer failed a batch", e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void drainOnStop(List<PendingDecision> batch) {
    batch.clear();
    queue.drainTo(batch);
    if (!batch.isEmpty()) {
      flush(batch);
    }
  }

  void flush(List<PendingDecision> batch) {
    try {
      tx.executeWithoutResult(status -> rows.insert(batch));
      batch.forEach(p -> p.done().complete(WriteOutcome.INSERTED));
    } catch (DuplicateKeyException e) {
      for (PendingDecision pending : batch) {
        flushOne(pending);
      }
    }
  }

  private void flushOne(PendingDecision pending) {
    try {
      tx.executeWithoutResult(status -> rows.insert(List.of(pending)));
      pending.done().complete(WriteOutcome.INSERTED);
    } catch (DuplicateKeyException e) {
      pending.done().complete(WriteOutcome.DUPLICATE);
    } catch (RuntimeException e) {
      pending.done().completeExceptionally(e);
    }
  }
}
