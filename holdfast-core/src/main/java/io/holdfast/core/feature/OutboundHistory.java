package io.holdfast.core.feature;

import io.holdfast.core.money.MinorSums;

/** Updates an account's outbound history; the caller holds the account's monitor. */
final class OutboundHistory {
  private OutboundHistory() {}

  static void record(AccountState s, long second, long amountUsd, long recipientHash) {
    if (s.outbound == null) {
      s.outbound = new TimedAmounts(AccountState.OUTBOUND_RING_MAX);
      s.recipients = new DistinctParties(AccountState.RECIPIENTS_MAX);
    }
    long[] evicted = new long[2];
    if (s.outbound.add(second, amountUsd, recipientHash, evicted)) {
      if (s.outboundEvicted == null) {
        s.outboundEvicted = new DayBuckets();
      }
      s.outboundEvicted.add(evicted[0], evicted[1]);
    }
    s.recipients.touch(recipientHash, second, false);
    s.outboundCount++;
    s.outboundUsdTotal = MinorSums.saturatingAdd(s.outboundUsdTotal, amountUsd);
    if (s.lastInboundSecond != AccountState.UNKNOWN && second >= s.lastInboundSecond) {
      s.turnaroundSeconds = second - s.lastInboundSecond;
    }
  }
}
