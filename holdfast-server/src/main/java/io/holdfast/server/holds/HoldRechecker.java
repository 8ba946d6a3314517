package io.holdfast.server.holds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-runs the investigation's checks on held holds during their window
 * ({@link HoldService#recheckDue}), so a recipient listed or reported an hour into a 24-hour
 * hold is acted on then. When each hold is next re-checked is a column ({@code recheck_at}),
 * so the schedule survives restarts, and a re-check that runs twice finds nothing due the
 * second time. Batches are bounded and claimed with SKIP LOCKED, as the sweeper's are, so
 * several instances share the work. {@code holdfast.holds.recheck-scheduled=false} stops the
 * timer; tests and the demo call {@link #recheckAll()} by their own clocks.
 */
@Component
public class HoldRechecker {
  static final String ACTOR = "recheck";
  private static final Logger LOG = LoggerFactory.getLogger(HoldRechecker.class);

  private final HoldService holds;
  private final int batchSize;
  private final int batchesMax;
  private final boolean scheduled;

  public HoldRechecker(HoldService holds,
      @Value("${holdfast.holds.recheck-batch:1000}") int batchSize,
      @Value("${holdfast.holds.recheck-batches-per-run:100}") int batchesMax,
      @Value("${holdfast.holds.recheck-scheduled:true}") boolean scheduled) {
    this.holds = holds;
    this.batchSize = batchSize;
    this.batchesMax = batchesMax;
    this.scheduled = scheduled;
  }

  @Scheduled(fixedDelayString = "${holdfast.holds.recheck-millis:10000}")
  public void recheck() {
    if (!scheduled) {
      return;
    }
    HoldService.Rechecked done = recheckAll();
    if (done.escalated() > 0) {
      LOG.info("re-checked {} held holds, escalated {} with a new finding", done.checked(),
          done.escalated());
    }
  }

  /**
   * Re-checks until no re-check is due or the per-run bound is reached; returns the totals.
   * Holds re-checked without a finding are due again only an interval later, so the loop ends.
   */
  public HoldService.Rechecked recheckAll() {
    int checked = 0;
    int escalated = 0;
    for (int batch = 0; batch < batchesMax; batch++) {
      HoldService.Rechecked done = holds.recheckDue(batchSize, ACTOR);
      checked += done.checked();
      escalated += done.escalated();
      if (done.checked() < batchSize) {
        break;
      }
    }
    return new HoldService.Rechecked(checked, escalated);
  }
}
