package io.holdfast.server.holds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves holds whose deadline has passed. The deadline is a column, so nothing is lost when
 * the server stops: at the first sweep after a start, every hold that fell due meanwhile is
 * resolved. Batches are bounded and claimed with SKIP LOCKED, so several instances share the
 * work and each hold is resolved once (the conditional update enforces it a second time).
 */
@Component
public class HoldSweeper {
  static final String ACTOR = "sweeper";
  private static final Logger LOG = LoggerFactory.getLogger(HoldSweeper.class);

  private final HoldService holds;
  private final int batchSize;
  private final int batchesMax;

  public HoldSweeper(HoldService holds,
      @Value("${holdfast.holds.sweep-batch:5000}") int batchSize,
      @Value("${holdfast.holds.sweep-batches-per-run:1000}") int batchesMax) {
    this.holds = holds;
    this.batchSize = batchSize;
    this.batchesMax = batchesMax;
  }

  @Scheduled(fixedDelayString = "${holdfast.holds.sweep-millis:1000}")
  public void sweep() {
    int total = sweepAll();
    if (total > 0) {
      LOG.info("resolved {} due holds", total);
    }
  }

  /** Sweeps until no due hold is left or the per-run bound is reached; returns the count. */
  public int sweepAll() {
    int total = 0;
    for (int batch = 0; batch < batchesMax; batch++) {
      int resolved = holds.sweepDue(batchSize, ACTOR);
      total += resolved;
      if (resolved < batchSize) {
        break;
      }
    }
    return total;
  }
}
