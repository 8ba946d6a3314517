package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * One edge of the transfer graph: money that moved from a platform account to an account
 * ({@code a:<id>}) or an address ({@code x:<network>:<address>}).
 */
public record GraphTransfer(String transferId, String senderAccount, String recipientKey,
    long amountMinor, String currency, Instant createdAt) {

  public GraphTransfer {
    Invariants.check(transferId != null && senderAccount != null && recipientKey != null,
        "an edge needs its id and both ends");
    Invariants.check(amountMinor > 0, "an edge carries a positive amount");
    Invariants.check(currency != null && createdAt != null, "an edge needs a currency and time");
  }

  public String senderKey() {
    return "a:" + senderAccount;
  }
}
