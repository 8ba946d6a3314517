package io.holdfast.core.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a scammer's money went, by the first-in-first-out rule of {@link FundTrace}.
 *
 * @param enteredMinor per currency, the money that entered the scammer's account in the window:
 *     everything traced starts here
 * @param holdings accounts that still hold traced money at the end of the window (freeze
 *     candidates), largest first
 * @param exits traced money paid to addresses off the platform
 * @param untraced traced money the bounds stopped following, with the bound that stopped it
 * @param flows every traced payment, with the part of it that was traced money
 * @param nodes every account visited, with what traced money went in and out
 */
public record TraceResult(String sourceKey, Map<String, Long> enteredMinor,
    List<Amount> holdings, List<Amount> exits, List<Amount> untraced, List<Flow> flows,
    List<Node> nodes, List<String> truncations, int transfersRead) {

  /** Why traced money was not followed further. */
  public enum Stop {
    /** Not stopped: held by an account, or paid off the platform. */
    NONE,
    /** It left an account at the last hop. */
    HOPS,
    /** It was in an account's smaller payments, past the fan-out bound. */
    FAN_OUT,
    /** It reached a new account after the node bound was reached. */
    NODES,
    /** It reached an account whose transfers the read bound left unread. */
    READ,
    /** It came back to the scammer, whose receipts are all traced already. */
    CYCLE
  }

  /** Traced money in one currency at one key (an account, or the address it was paid to). */
  public record Amount(String key, String currency, long tracedMinor, int hops, Stop stop) {}

  /**
   * A traced payment: {@code tracedMinor} of its {@code amountMinor} was traced money;
   * {@code hops} is the payer's hops plus one.
   */
  public record Flow(String transferId, String fromKey, String toKey, String currency,
      long amountMinor, long tracedMinor, Instant createdAt, int hops) {}

  /** An account visited, with the traced money in and out of it per currency. */
  public record Node(String key, int hops, Map<String, Long> tracedInMinor,
      Map<String, Long> tracedOutMinor, Map<String, Long> heldMinor, boolean read) {}
}
