package io.holdfast.core.prevention;

import io.holdfast.core.support.Invariants;

/**
 * What an account's history says about how often it has been scammed, as counted by the store.
 *
 * @param confirmedLosses distinct scams (cases) in which the account's loss was confirmed: a
 *     confirmed claim, or a report of theirs labelled confirmed
 * @param flaggedTransfers the account's payments to recipients that are flagged (actively
 *     frozen, declared scammers, or on an intel list), blocked attempts included: being drawn
 *     back to a scammer is the pattern, whether or not the money left
 * @param flaggedRecipients how many distinct flagged recipients those payments went to
 */
public record VictimHistory(int confirmedLosses, int flaggedTransfers, int flaggedRecipients) {
  public VictimHistory {
    Invariants.check(confirmedLosses >= 0 && flaggedTransfers >= 0 && flaggedRecipients >= 0,
        "history counts must not be negative");
    Invariants.check(flaggedRecipients <= flaggedTransfers,
        "more flagged recipients than payments to them");
  }

  public static VictimHistory none() {
    return new VictimHistory(0, 0, 0);
  }
}
