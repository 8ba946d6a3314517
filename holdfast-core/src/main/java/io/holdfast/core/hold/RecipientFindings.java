package io.holdfast.core.hold;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import java.util.Optional;

/**
 * What the recipient of a held payment did while the payment was held, read from its features
 * when the hold falls due: the investigation's "follow the recipient" front. Each finding is a
 * named pattern of scam collection or mule accounts, confined to young recipients, because an
 * established shop or friend collects from many people and pays money on without being a scam.
 */
public final class RecipientFindings {
  /** A recipient first seen within this many days counts as young. */
  static final double YOUNG_DAYS = 30;
  static final long FAN_IN_SENDERS_MIN = 3;
  /**
   * An external address is usually paid by one customer (their own wallet elsewhere), so two
   * customers paying the same new address within a week is already a collection pattern.
   */
  static final long ADDRESS_FAN_IN_SENDERS_MIN = 2;
  static final double NEW_SENDER_SHARE_MIN = 0.6;
  static final long FAST_TURNAROUND_SECONDS = 6 * 3_600;
  static final double PASSED_ON_SHARE_MIN = 0.5;

  private RecipientFindings() {}

  /** The first finding about a recipient (an external address when {@code external}), if any. */
  public static Optional<String> first(boolean external, FeatureVector recipient) {
    Optional<String> found = collectsFromManyNewSenders(recipient,
        external ? ADDRESS_FAN_IN_SENDERS_MIN : FAN_IN_SENDERS_MIN);
    return found.isPresent() ? found : passesMoneyOnFast(recipient);
  }

  /**
   * Giveaway, marketplace and investment collection: a young recipient paid by many new people
   * ({@code sendersMin} or more in a week).
   */
  static Optional<String> collectsFromManyNewSenders(FeatureVector r, long sendersMin) {
    long senders = (long) r.get(Feature.RECIPIENT_DISTINCT_SENDERS_7D);
    if (young(r) && senders >= sendersMin
        && r.get(Feature.RECIPIENT_NEW_SENDER_SHARE_7D) >= NEW_SENDER_SHARE_MIN) {
      return Optional.of("recipient is young and collected from " + senders
          + " senders in 7 days, most of them paying it for the first time");
    }
    return Optional.empty();
  }

  /**
   * A mule's layering: money in, and most of a day's inbound money out again within hours. The
   * day's share keeps a young honest account that once paid someone soon after being paid
   * from counting: a demo run without it returned 11 honest held payments against 5 with it
   * (one run each, so a hint rather than a measurement).
   */
  static Optional<String> passesMoneyOnFast(FeatureVector r) {
    double turnaround = r.get(Feature.RECIPIENT_TURNAROUND_SECONDS);
    if (young(r) && turnaround >= 0 && turnaround <= FAST_TURNAROUND_SECONDS
        && r.get(Feature.RECIPIENT_OUTBOUND_INBOUND_RATIO_24H) >= PASSED_ON_SHARE_MIN) {
      return Optional.of("recipient is young and passed money on within "
          + Math.round(turnaround / 3_600) + " h of receiving it");
    }
    return Optional.empty();
  }

  private static boolean young(FeatureVector r) {
    return r.get(Feature.RECIPIENT_KNOWN) > 0 && r.get(Feature.RECIPIENT_AGE_DAYS) <= YOUNG_DAYS;
  }
}
