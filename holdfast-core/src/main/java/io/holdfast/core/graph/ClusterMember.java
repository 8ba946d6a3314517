package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;

/**
 * An account or address the sweep treats as part of the scam: the scammer, or an account
 * linked to it, {@code hops} links away through {@code viaKey} (null for the scammer).
 */
public record ClusterMember(String key, Relation relation, int hops, String viaKey,
    String evidence) {

  public ClusterMember {
    Invariants.check(key != null && (key.startsWith("a:") || key.startsWith("x:")),
        "a member is a counterparty key");
    Invariants.check((relation == Relation.SCAMMER) == (hops == 0), "only the scammer is hop 0");
    Invariants.check((hops == 0) == (viaKey == null), "every linked member came through one");
  }
}
