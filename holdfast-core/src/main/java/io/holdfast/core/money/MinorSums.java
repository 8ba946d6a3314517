package io.holdfast.core.money;

import io.holdfast.core.support.Invariants;
import java.math.BigDecimal;

/**
 * Sums of amounts in minor units that never wrap. Holdfast sums money in two ways, chosen by
 * what the sum is for:
 *
 * <ul>
 *   <li><b>Saturating</b> ({@link #saturatingAdd}, {@link #saturated}): for totals that describe
 *       (statistics, evidence, a victim's message) and for features compared with thresholds. A
 *       total pinned at {@link Long#MAX_VALUE} is unmistakably "more than can be counted" and
 *       still exceeds every threshold, so a decision is the one the exact total would give;
 *       failing instead would make a report unreadable or a screening answer an error.
 *   <li><b>Exact</b> ({@link Math#addExact}): for money that is owed, frozen, refunded or moved
 *       (claims, restitution, fund traces, the sandbox ledger). There a rounded number would
 *       move the wrong amount, so a sum that does not fit fails loudly and rolls back.
 * </ul>
 *
 * <p>Either way one amount is bounded at input by {@link Money#ACCEPTED_MAX_MINOR}, so exact
 * sums of thousands of amounts fit, and saturation only shows for stored rows an earlier
 * version accepted (up to {@link Money#MAX_MINOR} each).
 */
public final class MinorSums {
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private MinorSums() {}

  /** {@code a + b} for amounts that are never negative, or {@link Long#MAX_VALUE}. */
  public static long saturatingAdd(long a, long b) {
    if (a < 0 || b < 0) {
      Invariants.check(false, "a sum of money has a negative term: %d + %d", a, b);
    }
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /**
   * A total computed exactly elsewhere (PostgreSQL's SUM over bigint is numeric), as a long:
   * itself when it fits, else the nearest bound; null (a SUM over no rows) is zero.
   */
  public static long saturated(BigDecimal total) {
    if (total == null) {
      return 0;
    }
    if (total.compareTo(LONG_MAX) > 0) {
      return Long.MAX_VALUE;
    }
    if (total.compareTo(LONG_MIN) < 0) {
      return Long.MIN_VALUE;
    }
    return total.longValue();
  }
}
