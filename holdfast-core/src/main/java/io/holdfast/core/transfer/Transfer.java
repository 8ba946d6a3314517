package io.holdfast.core.transfer;

import io.holdfast.core.money.Money;
import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * An outgoing transfer as the platform describes it, validated: the sender, the counterparty
 * (normalised), a positive amount in a known currency, the channel and the time it was created.
 */
public record Transfer(
    String transferId,
    String senderAccount,
    Counterparty recipient,
    Money amount,
    String channel,
    Instant createdAt) {

  public Transfer {
    Invariants.check(transferId != null && !transferId.isBlank(), "transfer id is required");
    Invariants.check(senderAccount != null && !senderAccount.isBlank(), "sender is required");
    Invariants.check(recipient != null, "recipient is required");
    Invariants.check(amount != null, "amount is required");
    Invariants.check(channel != null && !channel.isBlank(), "channel is required");
    Invariants.check(createdAt != null, "created_at is required");
    Invariants.check(
        !(recipient instanceof Counterparty.PlatformAccount p && p.accountId().equals(senderAccount)),
        "a transfer to oneself is not an outgoing transfer");
  }

  public String senderKey() {
    return Counterparty.accountKey(senderAccount);
  }
}
