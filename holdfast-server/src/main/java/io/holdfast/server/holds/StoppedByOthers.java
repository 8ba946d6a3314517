package io.holdfast.server.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The investigation's "other senders" front: did other senders' held payments to the same
 * recipient end without reaching it in the last 30 days, because the sender cancelled during
 * the window, a call or an analyst confirmed a scam, or the investigation returned them? People
 * who stop payments to one recipient after the safety net's warnings are telling the platform
 * what that recipient is; a coached victim who insists is usually not the first to pay it.
 * Payments an analyst returned for some other reason do not count, nor do senders whose account
 * was young when they were held ({@link Corroboration}).
 */
final class StoppedByOthers {
  static final Duration WINDOW = RecipientHolds.WINDOW;
  private static final Set<String> STOPPED = Set.of("CANCELLED_BY_SENDER", "RETURNED_AS_SCAM",
      "RETURNED_AT_DEADLINE");

  private StoppedByOthers() {}

  /**
   * The finding for a hold of {@code sender}'s, or null when no other sender's hold to the
   * recipient was stopped since {@code now - 30 d}.
   */
  static String finding(String sender, List<RecipientHolds.RecipientHold> holds, Instant now) {
    if (holds == null) {
      return null;
    }
    Instant since = now.minus(WINDOW);
    long others = holds.stream()
        .filter(h -> h.established() && h.resolution() != null
            && STOPPED.contains(h.resolution())
            && !h.resolvedAt().isBefore(since) && !h.sender().equals(sender))
        .map(RecipientHolds.RecipientHold::sender).distinct().count();
    return others == 0 ? null : others + " other sender(s) stopped their held payments to this"
        + " recipient in the last 30 days (cancelled, or returned as a suspected scam)";
  }
}
