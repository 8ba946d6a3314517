package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;

/**
 * The bounds of one trace. Money fans out fast (a mule pays ten accounts, each pays ten more),
 * so the walk stops at {@code hops} links from the scammer, follows at most {@code fanOut}
 * traced payments from an account (the largest), visits at most {@code nodesMax} accounts,
 * reads at most {@code transfersPerNodeMax} transfers of one account and
 * {@code transfersReadMax} in all. Whatever a bound stops is reported as untraced, never lost.
 */
public record TraceBounds(int hops, int fanOut, int nodesMax, int transfersPerNodeMax,
    int transfersReadMax) {

  public TraceBounds {
    Invariants.check(hops >= 0 && hops <= 6, "trace hops are 0 to 6");
    Invariants.check(fanOut >= 1 && fanOut <= 1_000, "fan-out is 1 to 1000");
    Invariants.check(nodesMax >= 1 && nodesMax <= 100_000, "nodes are 1 to 100,000");
    Invariants.check(transfersPerNodeMax >= 1 && transfersPerNodeMax <= 1_000_000,
        "transfers per account are 1 to 1,000,000");
    Invariants.check(transfersReadMax >= transfersPerNodeMax && transfersReadMax <= 10_000_000,
        "the read bound covers at least one account");
  }

  /** Three hops, ten payments followed per account, 500 accounts, 200,000 transfers read. */
  public static TraceBounds defaults() {
    return new TraceBounds(3, 10, 500, 50_000, 200_000);
  }

  public TraceBounds withHops(int otherHops) {
    return new TraceBounds(otherHops, fanOut, nodesMax, transfersPerNodeMax, transfersReadMax);
  }

  public TraceBounds withFanOut(int otherFanOut) {
    return new TraceBounds(hops, otherFanOut, nodesMax, transfersPerNodeMax, transfersReadMax);
  }
}
