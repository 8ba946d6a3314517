package io.holdfast.server.holds;

import java.util.List;
import java.util.Set;

/**
 * The investigation's "earlier hold" front: is the sender's own earlier payment to the same
 * recipient still under investigation, or was it returned on a finding, in the last 30 days (an
 * analyst's return may be for another reason)? What the investigation found about that payment's
 * recipient holds for this one too. Without it a victim who pays again while the first payment is
 * under investigation had the second released at its deadline once the first finding's evidence had
 * aged out of its window (seed 13 of the demo: USD 8,687 of investment payments, two held and
 * released while the same sender's first payment to that address was being investigated and then
 * returned). Only the sender's own holds count here, so no one can make a finding against a
 * recipient for somebody else's payments; other senders count in {@link StoppedByOthers} and {@link
 * HeldAlongside}. A payment the sender cancelled is not a finding: people cancel to correct an
 * amount.
 */
final class EarlierHoldOfSender {
  private static final Set<String> RETURNED = Set.of("RETURNED_AS_SCAM", "RETURNED_AT_DEADLINE");

  private EarlierHoldOfSender() {}

  /**
   * The finding for a hold of {@code sender}'s placed at {@code heldAt}, from the holds to its
   * recipient of the last 30 days ({@link RecipientHolds}), or null.
   */
  static String finding(String sender, java.time.Instant heldAt,
      List<RecipientHolds.RecipientHold> holds) {
    if (holds == null) {
      return null;
    }
    for (RecipientHolds.RecipientHold h : holds) {
      if (!h.sender().equals(sender) || !h.createdAt().isBefore(heldAt)) {
        continue;
      }
      if (h.resolution() == null && h.underInvestigation()) {
        return "the sender's earlier payment to this recipient, held since " + h.createdAt()
            + ", is under investigation";
      }
      if (h.resolution() != null && RETURNED.contains(h.resolution())) {
        return "the sender's earlier payment to this recipient was returned on "
            + h.resolvedAt() + " (" + h.resolution().toLowerCase(java.util.Locale.ROOT) + ")";
      }
    }
    return null;
  }
}
