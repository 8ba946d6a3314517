package io.holdfast.server.screening;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.transfer.Transfer;
import java.util.concurrent.CompletableFuture;

/**
 * A screened transfer waiting for its group commit, with the exact response it will be
 * answered with. {@code idempotencyKey} is null when the client sent none; {@code hold} is
 * null unless the decision is HOLD.
 */
record PendingDecision(
    Transfer transfer,
    long amountUsdMinor,
    String requestHash,
    Decision decision,
    String responseJson,
    String actor,
    String idempotencyKey,
    Hold.Held hold,
    CompletableFuture<WriteOutcome> done) {

  /** Whether the rows were written, or the transfer or key already existed. */
  enum WriteOutcome {
    INSERTED,
    DUPLICATE
  }
}
