package io.holdfast.core.feature;

import io.holdfast.core.money.MinorSums;

/**
 * Day-granular counts and sums of the events a {@link TimedAmounts} ring pushed out, for the
 * last 32 days. Only accounts busy enough to overflow their ring ever allocate one, so the
 * per-account memory stays small while 30-day totals stay complete. Sums saturate, as every
 * feature sum does ({@link MinorSums}).
 */
final class DayBuckets {
  private static final int DAYS = 32;
  private static final long SECONDS_PER_DAY = 86_400L;

  private final long[] days = new long[DAYS];
  private final long[] counts = new long[DAYS];
  private final long[] sums = new long[DAYS];

  void add(long second, long amount) {
    long day = Math.floorDiv(second, SECONDS_PER_DAY);
    int slot = (int) Math.floorMod(day, DAYS);
    if (days[slot] != day) {
      days[slot] = day;
      counts[slot] = 0;
      sums[slot] = 0;
    }
    counts[slot]++;
    sums[slot] = MinorSums.saturatingAdd(sums[slot], amount);
  }

  /** Adds the buckets whose day starts in [fromSecond, nowSecond] to {@code out} (count, sum). */
  void sumSince(long fromSecond, long nowSecond, long[] out) {
    long fromDay = Math.floorDiv(fromSecond, SECONDS_PER_DAY);
    long toDay = Math.floorDiv(nowSecond, SECONDS_PER_DAY);
    for (int i = 0; i < DAYS; i++) {
      if (counts[i] > 0 && days[i] >= fromDay && days[i] <= toDay) {
        out[0] += counts[i];
        out[1] = MinorSums.saturatingAdd(out[1], sums[i]);
      }
    }
  }

  static long bytes() {
    return 3L * (16 + 8 * DAYS) + 16;
  }
}
