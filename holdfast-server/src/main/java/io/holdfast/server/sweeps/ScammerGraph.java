package io.holdfast.server.sweeps;

import java.util.List;

/**
 * A scammer's money as a graph a person can read, in three layers: the accounts that paid it
 * (its victims, as its sweep found them), the scammer and the accounts linked to it (its
 * cluster), and the accounts its money went on to (the first-in-first-out trace, by hop).
 * Each layer is bounded to its largest members; {@code payersMore}, {@code clusterMore} and
 * {@code onwardMore} count what was left out. The API answers it and the console draws it.
 *
 * @param traced whether the money was traced onward (only an account's can be: an address's
 *     onward payments are not on the platform)
 * @param truncations what the trace's bounds stopped following
 */
public record ScammerGraph(String scammerId, String subject, String caseId, List<Node> nodes,
    List<Edge> edges, long payersMore, long clusterMore, long onwardMore, boolean traced,
    List<String> truncations) {

  /** Where a node sits: who paid the scammer, the scammer's cluster, or where money went. */
  public enum Layer { PAYER, CLUSTER, ONWARD }

  /**
   * An account or address in the graph.
   *
   * @param relation victim, scammer, mule, device, ip, or holder (an onward account)
   * @param hops links from the scammer: 0 for the scammer, a victim's is the hops of whom it
   *     paid, an onward account's the payments from the scammer
   * @param amountMinor what it paid (a victim), or the traced money it received (onward), in
   *     {@code currency}; absent for cluster members
   */
  public record Node(String key, Layer layer, String relation, int hops, Long amountMinor,
      String currency) {}

  /**
   * A link: a victim paid a cluster member ({@code paid}), a member is linked to the one that
   * led to it ({@code linked}, with {@code why}), or traced money moved on ({@code onward}).
   */
  public record Edge(String from, String to, String kind, Long amountMinor, String currency,
      Integer transfers, String why) {}
}
