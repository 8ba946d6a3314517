package io.holdfast.server.holds;

import java.time.Instant;
import java.util.List;

/**
 * Everything an analyst needs to judge a held payment on one page: the hold, why it was held
 * and the features behind the reasons, what happened since (the ladder's messages, when the
 * sender saw them and what they answered, every change and who made it), and who else is
 * paying the same recipient.
 */
public record HoldDetail(HoldView hold, String recipientKey, Instant createdAt,
    List<Reason> reasons, List<FeatureValue> features, List<TimelineEntry> timeline,
    List<HoldQueueItem> otherHoldsToRecipient, int paidReportersAgainstRecipient) {

  /** Why the payment was held, in plain language. */
  public record Reason(String code, String source, String explanation) {}

  /** A feature of the screening, as computed when the payment was screened. */
  public record FeatureValue(String name, String value) {}

  /** One thing that happened to the hold. */
  public record TimelineEntry(Instant at, String kind, String text, String actor) {}
}
