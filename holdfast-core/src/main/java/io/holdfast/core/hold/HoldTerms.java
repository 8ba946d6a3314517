package io.holdfast.core.hold;

import io.holdfast.core.money.Money;
import io.holdfast.core.support.Invariants;
import java.time.Instant;
import java.util.List;

/**
 * What never changes about a hold: the transfer it holds, who sent it to whom, how much, why it
 * was held and when. Every state of a hold carries the same terms.
 *
 * @param recipientKey the recipient as {@code Counterparty.key()}
 * @param senderVulnerable the sender had a vulnerability flag when the hold was placed
 * @param legalDeadline the latest the money may be held, by law or policy; never passed
 */
public record HoldTerms(
    String holdId,
    String transferId,
    String senderAccount,
    String recipientKey,
    Money amount,
    RiskTier tier,
    boolean senderVulnerable,
    List<String> reasonCodes,
    Instant createdAt,
    Instant legalDeadline) {

  public HoldTerms {
    Invariants.check(holdId != null && !holdId.isBlank(), "hold id is required");
    Invariants.check(transferId != null && !transferId.isBlank(), "transfer id is required");
    Invariants.check(senderAccount != null, "sender is required");
    Invariants.check(recipientKey != null, "recipient is required");
    Invariants.check(amount != null, "amount is required");
    Invariants.check(tier != null, "tier is required");
    Invariants.check(createdAt != null && legalDeadline != null, "times are required");
    Invariants.check(legalDeadline.isAfter(createdAt), "the legal deadline must be after creation");
    reasonCodes = List.copyOf(reasonCodes);
  }
}
