package io.holdfast.core.feature;

import io.holdfast.core.money.MinorSums;

/**
 * Counts and sums of a ring over the 1 h, 24 h and 30 d windows ending now, in one pass. Events
 * dated after {@code now} (a late-arriving earlier transfer) are left out, so features never see
 * the future.
 */
final class WindowSums {
  long count1h;
  long sum1h;
  long count24h;
  long sum24h;
  long count30d;
  long sum30d;

  void clear() {
    count1h = sum1h = count24h = sum24h = count30d = sum30d = 0;
  }

  void add(TimedAmounts ring, DayBuckets evicted, long now) {
    if (ring == null) {
      return;
    }
    long from1h = now - FeatureStore.HOUR_SECONDS;
    long from24h = now - FeatureStore.DAY_SECONDS;
    long from30d = now - 30 * FeatureStore.DAY_SECONDS;
    int size = ring.size();
    for (int i = 0; i < size; i++) {
      long second = ring.second(i);
      if (second > now || second < from30d) {
        continue;
      }
      long amount = ring.amount(i);
      count30d++;
      sum30d = MinorSums.saturatingAdd(sum30d, amount);
      if (second >= from24h) {
        count24h++;
        sum24h = MinorSums.saturatingAdd(sum24h, amount);
        if (second >= from1h) {
          count1h++;
          sum1h = MinorSums.saturatingAdd(sum1h, amount);
        }
      }
    }
    if (evicted != null) {
      long[] out = new long[2];
      evicted.sumSince(from30d, now, out);
      count30d += out[0];
      sum30d = MinorSums.saturatingAdd(sum30d, out[1]);
      if (!ring.coversSince(from24h)) {
        out[0] = 0;
        out[1] = 0;
        evicted.sumSince(from24h, now, out);
        count24h += out[0];
        sum24h = MinorSums.saturatingAdd(sum24h, out[1]);
      }
    }
  }
}
