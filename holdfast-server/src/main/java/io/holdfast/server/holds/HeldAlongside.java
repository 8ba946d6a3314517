package io.holdfast.server.holds;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The investigation's "held alongside" front: while this hold was held, was another sender's
 * payment to the same recipient held too? Screening holds about one honest payment in 250, so
 * two unrelated senders held on their way to one recipient in the same window is independent
 * corroboration: on the demo's default world, before this finding, 13 scam holds and no honest
 * one released at their deadline had had such company. It counts only when those senders are
 * at least a quarter of everyone who paid the recipient in the last week, so a busy shop whose
 * many customers now and then include a held one is not accused by its own size. Holds an
 * analyst released or returned for another reason do not count: a person looked at them. Nor do
 * senders whose account was young when they were held ({@link Corroboration}). Counting holds
 * that had ended up to 72 hours before this one was placed, too, saved one more point of scam
 * money on one world of three and returned 10 more honest payments over the three, so it does
 * not.
 */
final class HeldAlongside {
  /** The held senders must be at least 1 in this many of the recipient's payers over 7 days. */
  static final int PAYERS_PER_HELD_SENDER_MAX = 4;
  private static final Set<String> ANALYSTS = Set.of("RELEASED_BY_ANALYST",
      "RETURNED_BY_ANALYST");

  private HeldAlongside() {}

  /**
   * The finding for a hold of {@code sender}'s placed at {@code heldSince}, or null: other
   * senders whose holds to the recipient were held at some moment since then, when they are
   * enough of the recipient's {@code payers7d} distinct payers over the last 7 days.
   */
  static String finding(String sender, Instant heldSince, List<RecipientHolds.RecipientHold> holds,
      long payers7d) {
    if (holds == null) {
      return null;
    }
    Set<String> alongside = new HashSet<>();
    for (RecipientHolds.RecipientHold h : holds) {
      boolean overlaps = h.resolvedAt() == null || !h.resolvedAt().isBefore(heldSince);
      boolean judged = h.resolution() != null && ANALYSTS.contains(h.resolution());
      if (overlaps && !judged && h.established() && !h.sender().equals(sender)) {
        alongside.add(h.sender());
      }
    }
    int others = alongside.size();
    if (others == 0 || (long) others * PAYERS_PER_HELD_SENDER_MAX < payers7d) {
      return null;
    }
    return others + " other sender(s) had payments to this recipient held while this one was"
        + " held (" + others + " of its " + payers7d + " payer(s) in the last 7 days)";
  }
}
