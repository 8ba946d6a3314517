package io.holdfast.core.feature;

/** Updates an account's inbound history; the caller holds the account's monitor. */
final class InboundHistory {
  private InboundHistory() {}

  static void record(
      AccountState s, long second, long amountUsd, long senderHash, boolean senderIsNew) {
    if (s.inbound == null) {
      s.inbound = new TimedAmounts(AccountState.INBOUND_RING_MAX);
      s.senders = new DistinctParties(AccountState.SENDERS_MAX);
    }
    long[] evicted = new long[2];
    if (s.inbound.add(second, amountUsd, senderHash, evicted)) {
      if (s.inboundEvicted == null) {
        s.inboundEvicted = new DayBuckets();
      }
      s.inboundEvicted.add(evicted[0], evicted[1]);
    }
    s.senders.touch(senderHash, second, senderIsNew);
    if (second > s.lastInboundSecond) {
      s.lastInboundSecond = second;
    }
  }
}
