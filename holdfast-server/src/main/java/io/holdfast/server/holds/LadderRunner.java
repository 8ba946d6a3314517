package io.holdfast.server.holds;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs due ladder steps. The next step's time is a column ({@code ladder_next_at}), so steps
 * survive restarts like deadlines do; message and task ids make a retried step a no-op.
 */
@Component
public class LadderRunner {
  private static final int BATCH = 500;
  private static final int BATCHES_MAX = 100;

  private final HoldService holds;

  public LadderRunner(HoldService holds) {
    this.holds = holds;
  }

  @Scheduled(fixedDelayString = "${holdfast.ladder.run-millis:5000}")
  public void run() {
    for (int i = 0; i < BATCHES_MAX; i++) {
      if (holds.runLadder(BATCH) < BATCH) {
        return;
      }
    }
  }
}
