package io.holdfast.server.freezes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires precautionary freezes nobody confirmed in time, and keeps the in-memory frozen set
 * equal to the store, so freezes made or lifted on other instances reach this one's screening.
 * The set is loaded before the server accepts requests.
 */
@Component
public class FreezeSweeper implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(FreezeSweeper.class);
  private static final int BATCH = 1_000;
  private static final int BATCHES_MAX = 100;

  private final FreezeService freezes;

  public FreezeSweeper(FreezeService freezes) {
    this.freezes = freezes;
  }

  @Override
  public void afterSingletonsInstantiated() {
    LOG.info("frozen subjects loaded: {}", freezes.reconcile());
  }

  @Scheduled(fixedDelayString = "${holdfast.freezes.sweep-millis:1000}")
  public void sweep() {
    int expired = expireAll();
    if (expired > 0) {
      LOG.info("expired {} precautionary freezes", expired);
    }
    freezes.reconcile();
  }

  /** Expires every due freeze, in bounded batches; returns how many. */
  public int expireAll() {
    int total = 0;
    for (int batch = 0; batch < BATCHES_MAX; batch++) {
      int n = freezes.expireDue(BATCH);
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }
}
