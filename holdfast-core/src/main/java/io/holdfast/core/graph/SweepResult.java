package io.holdfast.core.graph;

import java.util.List;

/**
 * What a sweep found: the cluster it swept, every victim (sorted by account, then currency),
 * and, when a bound cut the walk short, what was cut, in words an analyst can act on.
 */
public record SweepResult(List<ClusterMember> cluster, List<Victim> victims,
    List<String> truncations) {

  public SweepResult {
    cluster = List.copyOf(cluster);
    victims = List.copyOf(victims);
    truncations = List.copyOf(truncations);
  }
}
