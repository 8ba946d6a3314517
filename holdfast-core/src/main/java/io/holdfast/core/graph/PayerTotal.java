package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * What one account paid one recipient in one currency within a window: the sum, its value in US
 * cents, how many transfers, and the first and last of them.
 */
public record PayerTotal(String senderAccount, String currency, long amountMinor,
    long amountUsdMinor, int transfers, Instant firstAt, Instant lastAt) {

  public PayerTotal {
    Invariants.check(senderAccount != null && currency != null, "a payer and a currency");
    Invariants.check(amountMinor > 0 && amountUsdMinor >= 0 && transfers > 0,
        "a payer paid something");
    Invariants.check(!lastAt.isBefore(firstAt), "the last payment is not before the first");
  }
}
