package io.holdfast.core.graph;

import java.time.Instant;
import java.util.List;

/**
 * The transfer graph as the sweeps and the trace read it. Edges are transfers whose money
 * moved (a blocked payment, or a held one that was returned, never reached the recipient).
 * Windows are {@code [since, until)}. Every method takes a limit and returns at most that many
 * rows, so no caller can ask for unbounded work; callers ask for one more than they keep to
 * learn that a limit cut the answer.
 */
public interface TransferGraph {
  /** Per sender and currency, what accounts paid {@code recipientKey} in the window. */
  List<PayerTotal> payers(String recipientKey, Instant since, Instant until, int limit);

  /** The platform accounts {@code accountId} paid in the window, largest (in USD) first. */
  List<PayeeTotal> payees(String accountId, Instant since, Instant until, int limit);

  /** Whether {@code accountId} paid anything out in {@code [after, until)}. */
  boolean paidOut(String accountId, Instant after, Instant until);

  /**
   * Accounts that share a device or an IP with {@code accountId}. A device or IP used by more
   * than {@code sharingMax} accounts (a shared office, a mobile carrier's gateway) says nothing
   * about who someone is, and is ignored.
   */
  List<LinkedAccount> linked(String accountId, int sharingMax, int limit);

  /** Every transfer into or out of {@code accountId} in the window, oldest first. */
  List<GraphTransfer> transfersOf(String accountId, Instant since, Instant until, int limit);
}
