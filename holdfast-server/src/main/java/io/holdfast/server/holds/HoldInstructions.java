package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldEvent;
import io.holdfast.core.hold.HoldTerms;
import io.holdfast.server.instructions.Instruction;
import java.time.Instant;
import java.util.Optional;

/**
 * The money instruction each hold event sends to the platform. Instruction ids are derived
 * from the hold and the kind, so each hold produces at most one of each and a platform can
 * apply them idempotently.
 */
public final class HoldInstructions {
  private HoldInstructions() {}

  public static Instruction placed(Hold.Held hold) {
    return of(hold.terms(), Instruction.Kind.HOLD_FUNDS, "held: "
        + String.join(",", hold.terms().reasonCodes()), hold.terms().createdAt());
  }

  static Optional<Instruction> forEvent(Hold next, HoldEvent event) {
    if (event instanceof HoldEvent.Released r) {
      return Optional.of(of(next.terms(), Instruction.Kind.RELEASE, r.resolution().wire(),
          r.at()));
    }
    if (event instanceof HoldEvent.Returned r) {
      return Optional.of(of(next.terms(), Instruction.Kind.RETURN, r.resolution().wire(),
          r.at()));
    }
    return Optional.empty();
  }

  private static Instruction of(HoldTerms t, Instruction.Kind kind, String reason, Instant at) {
    return new Instruction(t.holdId() + ":" + kind.name().toLowerCase(java.util.Locale.ROOT),
        kind, t.holdId(), t.transferId(), t.senderAccount(), t.recipientKey(),
        t.amount().amountMinor(), t.amount().currency().code(), reason, at);
  }
}
