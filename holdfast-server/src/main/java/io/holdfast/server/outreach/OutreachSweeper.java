package io.holdfast.server.outreach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends outreach reminders whose time has come. The time is a column ({@code next_at}), so a
 * reminder survives restarts like a hold's deadline; batches are claimed with SKIP LOCKED, so
 * several instances share the work, and each message id is derived from the conversation's
 * version, so a retried reminder is written once.
 */
@Component
public class OutreachSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(OutreachSweeper.class);
  private static final int BATCH = 500;
  private static final int BATCHES_MAX = 100;

  private final OutreachService outreach;

  public OutreachSweeper(OutreachService outreach) {
    this.outreach = outreach;
  }

  @Scheduled(fixedDelayString = "${holdfast.outreach.remind-millis:60000}")
  public void sweep() {
    int total = remindAll(outreach);
    if (total > 0) {
      LOG.info("handled {} due outreach reminders", total);
    }
  }

  /** Handles every due reminder of {@code service}, in bounded batches; returns how many. */
  public static int remindAll(OutreachService service) {
    int total = 0;
    for (int batch = 0; batch < BATCHES_MAX; batch++) {
      int n = service.remindDue(BATCH);
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }
}
