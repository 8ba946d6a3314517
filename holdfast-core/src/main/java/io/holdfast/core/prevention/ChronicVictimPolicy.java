package io.holdfast.core.prevention;

import io.holdfast.core.support.Invariants;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is a chronic victim, derived from history only: someone whose loss to a scam was confirmed
 * in at least {@code confirmedLossesMin} separate scams, or who paid flagged recipients at least
 * {@code flaggedTransfersMin} times. Such a person is likely to be targeted again (scammers sell
 * "sucker lists", and recovery-scam fraudsters follow victims), so the register treats them as
 * vulnerable: longer holds, a call on the ladder, and an intervention rather than a banner.
 */
public record ChronicVictimPolicy(int confirmedLossesMin, int flaggedTransfersMin) {
  public ChronicVictimPolicy {
    Invariants.check(confirmedLossesMin >= 1, "confirmed losses threshold must be positive");
    Invariants.check(flaggedTransfersMin >= 1, "flagged transfers threshold must be positive");
  }

  /** Two confirmed losses, or two payments to flagged recipients (issue #7). */
  public static ChronicVictimPolicy defaults() {
    return new ChronicVictimPolicy(2, 2);
  }

  public ChronicAssessment assess(VictimHistory history) {
    List<ChronicReason> reasons = new ArrayList<>(2);
    if (history.confirmedLosses() >= confirmedLossesMin) {
      reasons.add(new ChronicReason(ChronicReason.Code.REPEATED_CONFIRMED_LOSSES,
          history.confirmedLosses() + " confirmed scam losses (threshold "
              + confirmedLossesMin + ")"));
    }
    if (history.flaggedTransfers() >= flaggedTransfersMin) {
      reasons.add(new ChronicReason(ChronicReason.Code.REPEATED_PAYMENTS_TO_FLAGGED_RECIPIENTS,
          history.flaggedTransfers() + " payments to " + history.flaggedRecipients()
              + " flagged recipient(s) (threshold " + flaggedTransfersMin + ")"));
    }
    return new ChronicAssessment(!reasons.isEmpty(), reasons);
  }

  /**
   * Whether the register counts an account as vulnerable: any consented or recorded flag, or
   * the chronic marker. Screening, hold length and the ladder all read this one answer.
   */
  public static boolean vulnerable(boolean anyFlag, boolean chronic) {
    return anyFlag || chronic;
  }
}
