package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;

/**
 * The bounds of one sweep, so a scammer who paid an exchange's hot wallet, or shared a mobile
 * carrier's IP with half a country, cannot turn a sweep into a walk of the whole graph.
 *
 * @param depth how many links away from the scammer the cluster reaches (mules, shared devices)
 * @param fanOut the most neighbours followed from one account, the largest payees first
 * @param nodesMax the most accounts in the cluster, the scammer included
 * @param sharingMax a device or IP used by more accounts than this links nobody
 * @param payersPerNodeMax the most payers read for one cluster account
 * @param victimsMax the most victims (account and currency) one sweep reports
 */
public record SweepBounds(int depth, int fanOut, int nodesMax, int sharingMax,
    int payersPerNodeMax, int victimsMax) {

  public SweepBounds {
    Invariants.check(depth >= 0 && depth <= 4, "sweep depth is 0 to 4");
    Invariants.check(fanOut >= 1 && fanOut <= 1_000, "fan-out is 1 to 1000");
    Invariants.check(nodesMax >= 1 && nodesMax <= 10_000, "cluster size is 1 to 10000");
    Invariants.check(sharingMax >= 2 && sharingMax <= 1_000, "sharing bound is 2 to 1000");
    Invariants.check(payersPerNodeMax >= 1 && payersPerNodeMax <= 1_000_000,
        "payers per account is 1 to 1,000,000");
    Invariants.check(victimsMax >= 1 && victimsMax <= 1_000_000, "victims is 1 to 1,000,000");
  }

  /** Two links out, 20 neighbours each, 200 accounts, up to 200,000 victims. */
  public static SweepBounds defaults() {
    return new SweepBounds(2, 20, 200, 10, 200_000, 200_000);
  }

  /** The scammer alone: only who paid it directly. */
  public SweepBounds directOnly() {
    return new SweepBounds(0, fanOut, nodesMax, sharingMax, payersPerNodeMax, victimsMax);
  }
}
