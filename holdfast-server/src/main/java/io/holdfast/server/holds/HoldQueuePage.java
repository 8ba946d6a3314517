package io.holdfast.server.holds;

import java.time.Instant;
import java.util.List;

/**
 * A page of the open-holds queue, soonest deadline first, with how many open holds each state
 * and tier has (the whole queue, not the page); {@code next} continues after the page, null at
 * its end. The counts are those taken at {@code countedAt}, a few seconds old at most while the
 * queue is being read (counting every open hold for every page would cost more than the page).
 * The API answers it and the console renders it.
 */
public record HoldQueuePage(List<HoldQueueItem> holds, List<Count> counts, long total,
    String next, Instant countedAt) {
  /** Open holds in one state and tier. */
  public record Count(String state, String tier, long holds) {}
}
