package io.holdfast.server.console;

import io.holdfast.server.holds.HoldDetail;
import java.util.Optional;

/**
 * An action on a hold as the console offers it: what the button says and, before anything is
 * done, what it will do, in words, for this hold.
 */
public record HoldAction(String name, String verb, String consequence, boolean needsUntil,
    boolean needsSupervisor) {

  static Optional<HoldAction> of(String name, HoldDetail d, Formats f) {
    String amount = f.money(d.hold().amountMinor(), d.hold().currency());
    return switch (name) {
      case "release" -> Optional.of(new HoldAction(name, "Release the payment", amount
          + " goes to the recipient " + d.recipientKey() + " now, and the hold ends.", false,
          d.paidReportersAgainstRecipient() > 0));
      case "return" -> Optional.of(new HoldAction(name, "Return the money", amount
          + " goes back to the sender " + d.hold().senderAccount() + " now, and the hold ends."
          + " The platform is told to return it.", false, false));
      case "escalate" -> Optional.of(new HoldAction(name, "Escalate to investigation",
          "The hold moves to investigation with what you found, and is kept longer, within"
              + " the legal deadline.", false, false));
      case "extend" -> Optional.of(new HoldAction(name, "Keep it longer", "The hold is kept"
          + " until the time you give, which may be no later than the legal deadline.", true,
          false));
      default -> Optional.empty();
    };
  }
}
