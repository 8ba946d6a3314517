package io.holdfast.core.feature;

/** Computes the recipient's features; reads the recipient's state under its monitor. */
final class RecipientFeatures {
  private RecipientFeatures() {}

  static void compute(AccountState s, long now, FeatureVector into) {
    if (s == null) {
      into.set(Feature.RECIPIENT_KNOWN, false);
      into.set(Feature.RECIPIENT_AGE_DAYS, 0.0);
      into.set(Feature.RECIPIENT_DISTINCT_SENDERS_24H, 0);
      into.set(Feature.RECIPIENT_DISTINCT_SENDERS_7D, 0);
      into.set(Feature.RECIPIENT_NEW_SENDER_SHARE_7D, 0.0);
      into.set(Feature.RECIPIENT_INBOUND_USD_MINOR_24H, 0);
      into.set(Feature.RECIPIENT_OUTBOUND_USD_MINOR_24H, 0);
      into.set(Feature.RECIPIENT_OUTBOUND_INBOUND_RATIO_24H, 0.0);
      into.set(Feature.RECIPIENT_TURNAROUND_SECONDS, Feature.NEVER_SECONDS);
      into.set(Feature.RECIPIENT_REPORT_COUNT, 0);
      return;
    }
    synchronized (s) {
      long origin = s.originSecond();
      into.set(Feature.RECIPIENT_KNOWN, s.known());
      into.set(Feature.RECIPIENT_AGE_DAYS, origin == AccountState.UNKNOWN
          ? 0.0 : Math.max(0.0, (now - origin) / (double) FeatureStore.DAY_SECONDS));
      fanIn(s, now, into);
      flows(s, now, into);
      into.set(Feature.RECIPIENT_TURNAROUND_SECONDS, s.turnaroundSeconds == AccountState.UNKNOWN
          ? Feature.NEVER_SECONDS : s.turnaroundSeconds);
      long[] reporters = new long[2];
      if (s.reporters != null) {
        s.reporters.countSince(Long.MIN_VALUE, reporters);
      }
      into.set(Feature.RECIPIENT_REPORT_COUNT, reporters[0]);
    }
  }

  private static void fanIn(AccountState s, long now, FeatureVector into) {
    long[] day = new long[2];
    long[] week = new long[2];
    if (s.senders != null) {
      s.senders.countSince(now - FeatureStore.DAY_SECONDS, day);
      s.senders.countSince(now - 7 * FeatureStore.DAY_SECONDS, week);
    }
    into.set(Feature.RECIPIENT_DISTINCT_SENDERS_24H, day[0]);
    into.set(Feature.RECIPIENT_DISTINCT_SENDERS_7D, week[0]);
    into.set(Feature.RECIPIENT_NEW_SENDER_SHARE_7D, week[0] == 0 ? 0.0 : week[1] / (double) week[0]);
  }

  private static void flows(AccountState s, long now, FeatureVector into) {
    WindowSums in = new WindowSums();
    in.add(s.inbound, s.inboundEvicted, now);
    WindowSums out = new WindowSums();
    out.add(s.outbound, s.outboundEvicted, now);
    into.set(Feature.RECIPIENT_INBOUND_USD_MINOR_24H, in.sum24h);
    into.set(Feature.RECIPIENT_OUTBOUND_USD_MINOR_24H, out.sum24h);
    into.set(Feature.RECIPIENT_OUTBOUND_INBOUND_RATIO_24H,
        in.sum24h == 0 ? 0.0 : out.sum24h / (double) in.sum24h);
  }
}
