package io.holdfast.server.sweeps;

import io.holdfast.core.graph.FundTrace;
import io.holdfast.core.graph.TraceBounds;
import io.holdfast.core.graph.TraceResult;
import io.holdfast.core.money.MinorSums;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.graph.SqlTransferGraph;
import io.holdfast.server.sweeps.ScammerGraph.Edge;
import io.holdfast.server.sweeps.ScammerGraph.Layer;
import io.holdfast.server.sweeps.ScammerGraph.Node;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds a scammer's {@link ScammerGraph} from what its sweeps stored (the cluster and the
 * victims, with whom each paid) and a fresh trace of its money (the same as
 * {@code GET /v1/scammers/{id}/trace}), keeping the largest of each layer so the picture stays
 * readable whatever the scam's size.
 */
@Component
public class ScammerGraphs {
  static final int PAYERS_SHOWN = 15;
  static final int CLUSTER_SHOWN = 15;
  static final int FLOWS_SHOWN = 20;

  private final JdbcTemplate jdbc;
  private final SqlTransferGraph graph;
  private final TraceBounds traceBounds;
  private final Sweeps sweeps;
  private final Clock clock;

  public ScammerGraphs(JdbcTemplate jdbc, SqlTransferGraph graph, TraceBounds traceBounds,
      Sweeps sweeps, Clock clock) {
    this.jdbc = jdbc;
    this.graph = graph;
    this.traceBounds = traceBounds;
    this.sweeps = sweeps;
    this.clock = clock;
  }

  public ScammerGraph of(SweepRows.Scammer s) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    nodes.put(s.subjectKey(), new Node(s.subjectKey(), Layer.CLUSTER, "scammer", 0, null, null));
    long clusterMore = cluster(s.scammerId(), nodes, edges);
    long payersMore = payers(s.scammerId(), nodes, edges);
    boolean traced = s.subjectKey().startsWith("a:");
    long onwardMore = 0;
    List<String> truncations = List.of();
    if (traced) {
      Instant now = clock.instant();
      TraceResult trace = new FundTrace(graph, traceBounds).run(s.subjectKey().substring(2),
          now.minus(sweeps.lookback()), now);
      onwardMore = onward(trace, nodes, edges);
      truncations = trace.truncations();
    }
    Set<String> ends = new HashSet<>();
    edges.forEach(e -> {
      ends.add(e.from());
      ends.add(e.to());
    });
    Invariants.check(nodes.keySet().containsAll(ends), "every edge joins two nodes");
    return new ScammerGraph(s.scammerId(), s.subjectKey(), s.caseId(),
        List.copyOf(nodes.values()), List.copyOf(edges), payersMore, clusterMore, onwardMore,
        traced, List.copyOf(truncations));
  }

  /** The closest members of the cluster, each linked to the member that led to it. */
  private long cluster(String scammerId, Map<String, Node> nodes, List<Edge> edges) {
    jdbc.query("SELECT member_key, relation, hops, via_key, evidence FROM sweep_cluster"
        + " WHERE scammer_id = ? AND hops > 0 ORDER BY hops, member_key LIMIT ?", rs -> {
          String key = rs.getString(1);
          nodes.putIfAbsent(key, new Node(key, Layer.CLUSTER,
              rs.getString(2).toLowerCase(Locale.ROOT), rs.getInt(3), null, null));
          String via = rs.getString(4);
          if (nodes.containsKey(via)) {
            edges.add(new Edge(via, key, "linked", null, null, null, rs.getString(5)));
          }
        }, scammerId, CLUSTER_SHOWN);
    Long all = jdbc.queryForObject("SELECT COUNT(*) FROM sweep_cluster WHERE scammer_id = ?"
        + " AND hops > 0", Long.class, scammerId);
    return Math.max(0, (all == null ? 0 : all) - (nodes.size() - 1));
  }

  /** The victims who paid most (in US dollars), each to the member of the cluster it paid. */
  private long payers(String scammerId, Map<String, Node> nodes, List<Edge> edges) {
    Set<String> shown = new HashSet<>();
    jdbc.query("SELECT victim_account, via_key, currency, amount_minor, transfers, hops"
        + " FROM sweep_victims WHERE scammer_id = ? ORDER BY amount_usd_minor DESC,"
        + " victim_account, currency LIMIT ?", rs -> {
          String victim = "a:" + rs.getString(1);
          String via = rs.getString(2);
          long amount = rs.getLong(4);
          nodes.putIfAbsent(victim, new Node(victim, Layer.PAYER, "victim", rs.getInt(6),
              amount, rs.getString(3)));
          nodes.putIfAbsent(via, new Node(via, Layer.CLUSTER, "linked", rs.getInt(6), null,
              null));
          edges.add(new Edge(victim, via, "paid", amount, rs.getString(3), rs.getInt(5), null));
          shown.add(victim);
        }, scammerId, PAYERS_SHOWN);
    Long all = jdbc.queryForObject("SELECT COUNT(DISTINCT victim_account) FROM sweep_victims"
        + " WHERE scammer_id = ?", Long.class, scammerId);
    return Math.max(0, (all == null ? 0 : all) - shown.size());
  }

  /** The largest traced payments onward, with the accounts they reached. */
  private static long onward(TraceResult trace, Map<String, Node> nodes, List<Edge> edges) {
    List<TraceResult.Flow> flows = new ArrayList<>(trace.flows());
    flows.sort(Comparator.comparingLong(TraceResult.Flow::tracedMinor).reversed()
        .thenComparing(TraceResult.Flow::transferId));
    List<TraceResult.Flow> shown = flows.subList(0, Math.min(FLOWS_SHOWN, flows.size()));
    Map<String, Long> received = new LinkedHashMap<>();
    for (TraceResult.Flow f : shown) {
      received.merge(f.toKey() + "\n" + f.currency(), f.tracedMinor(), MinorSums::saturatingAdd);
    }
    for (TraceResult.Flow f : shown) {
      nodes.putIfAbsent(f.fromKey(), new Node(f.fromKey(), Layer.ONWARD, "holder",
          f.hops() - 1, null, null));
      nodes.putIfAbsent(f.toKey(), new Node(f.toKey(), Layer.ONWARD, "holder", f.hops(),
          received.get(f.toKey() + "\n" + f.currency()), f.currency()));
      edges.add(new Edge(f.fromKey(), f.toKey(), "onward", f.tracedMinor(), f.currency(), 1,
          null));
    }
    return flows.size() - shown.size();
  }
}
