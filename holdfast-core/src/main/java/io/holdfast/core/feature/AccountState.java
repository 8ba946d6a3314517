package io.holdfast.core.feature;

/**
 * Everything the feature store remembers about one account or address, bounded in size. Parts
 * an account does not use (it never receives, never deposits) are never allocated. Callers hold
 * the object's monitor while reading or changing it.
 */
final class AccountState {
  static final long UNKNOWN = Long.MIN_VALUE;
  static final int OUTBOUND_RING_MAX = 64;
  static final int INBOUND_RING_MAX = 128;
  static final int RECIPIENTS_MAX = 256;
  static final int SENDERS_MAX = 512;
  static final int DEPOSITS_MAX = 16;
  static final int REPORTERS_MAX = 64;
  static final int HELD_MAX = 16;

  // Profile, as the platform sent it; createdSecond stays UNKNOWN for accounts never described.
  boolean profiled;
  long createdSecond = UNKNOWN;
  long seniorFromSecond = UNKNOWN;
  boolean vulnerable;
  // The register's own reasons (an analyst's flag, the chronic-victim marker): kept apart from
  // the platform's flags so a profile update does not erase them.
  boolean registerVulnerable;
  int kycLevel;
  // The platform's country of the account as a two-letter code packed by CountryCode; 0 when
  // the platform did not say. A short, not a String, because there is one per account.
  short countryCode;
  long firstSeenSecond = UNKNOWN;

  // Security events: the last time each happened.
  long passwordResetSecond = UNKNOWN;
  long twoFaChangeSecond = UNKNOWN;
  long newDeviceSecond = UNKNOWN;
  long contactChangeSecond = UNKNOWN;
  TimedAmounts deposits;

  // As a sender.
  long outboundCount;
  long outboundUsdTotal;
  TimedAmounts outbound;
  DayBuckets outboundEvicted;
  DistinctParties recipients;
  // The sender's own payments that screening held (time, amount, recipient hash): allocated at
  // the first hold, so the one account in two hundred that is ever held pays for it.
  TimedAmounts held;

  // As a recipient.
  TimedAmounts inbound;
  DayBuckets inboundEvicted;
  DistinctParties senders;
  long lastInboundSecond = UNKNOWN;
  long turnaroundSeconds = UNKNOWN;
  DistinctParties reporters;

  void seen(long second) {
    if (firstSeenSecond == UNKNOWN || second < firstSeenSecond) {
      firstSeenSecond = second;
    }
  }

  /** Account creation if the platform told us, else the first time Holdfast saw it. */
  long originSecond() {
    return createdSecond != UNKNOWN ? createdSecond : firstSeenSecond;
  }

  boolean known() {
    return profiled || firstSeenSecond != UNKNOWN;
  }

  long bytes() {
    long total = 160;
    total += deposits == null ? 0 : deposits.bytes();
    total += outbound == null ? 0 : outbound.bytes();
    total += outboundEvicted == null ? 0 : DayBuckets.bytes();
    total += recipients == null ? 0 : recipients.bytes();
    total += held == null ? 0 : held.bytes();
    total += inbound == null ? 0 : inbound.bytes();
    total += inboundEvicted == null ? 0 : DayBuckets.bytes();
    total += senders == null ? 0 : senders.bytes();
    total += reporters == null ? 0 : reporters.bytes();
    return total;
  }
}
