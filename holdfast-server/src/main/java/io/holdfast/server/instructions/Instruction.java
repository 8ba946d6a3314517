package io.holdfast.server.instructions;

import java.time.Instant;

/**
 * A money instruction to the platform: hold the funds of a transfer, release them to the
 * recipient, return them to the sender, freeze or unfreeze an
 * account, or refund a victim from frozen funds. The id is derived from what it
 * is about (for example {@code hold_123:release}), so a platform applying it twice can tell.
 */
public record Instruction(
    String instructionId,
    Kind kind,
    String holdId,
    String transferId,
    String accountId,
    String recipientKey,
    long amountMinor,
    String currency,
    String reason,
    Instant createdAt) {

  /** What the platform must do with the money. */
  public enum Kind {
    HOLD_FUNDS,
    RELEASE,
    RETURN,
    FREEZE,
    UNFREEZE,
    REFUND
  }
}
