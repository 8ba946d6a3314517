package io.holdfast.core.graph;

import io.holdfast.core.graph.TraceResult.Amount;
import io.holdfast.core.graph.TraceResult.Flow;
import io.holdfast.core.graph.TraceResult.Stop;
import io.holdfast.core.support.Invariants;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows a confirmed scammer's money forward through the platform, hop by hop, to the accounts
 * that still hold it.
 *
 * <p>The attribution rule is first in, first out (the rule of Clayton's case): each account's
 * money is a queue per currency of the amounts it received, in time order; each payment out
 * takes from the head of the queue, and the traced part of a payment is the traced part of what
 * it took. Everything the scammer received in the window is traced money. Within one received
 * transfer the traced part comes first. Money an account had before the window is unknown and
 * counted as zero; a payment larger than the queue is paid from that unknown money, which is not
 * traced. FIFO is chosen over pro-rata taint because mules pass money on within hours: FIFO
 * follows the actual payments that carried the money and leaves whole, freezable amounts where
 * the money stopped, while pro-rata smears a little taint over every later payment and names
 * many accounts for small sums. Both conserve money; FIFO is also exact in integers.
 *
 * <p>Accounts are visited breadth first, so an account collects the traced money of every
 * account one hop closer before it is read. Traced money that reaches an account already read
 * (through a cycle or a longer path) stays there as held: it is counted, not followed.
 *
 * <p>Conservation is checked on every run: at each account, traced money out plus held equals
 * traced money in, no payment carries more traced money than its amount, and what entered the
 * scammer equals what is held plus what left the platform plus what the bounds left untraced.
 * Traced money may be frozen, so every sum is exact ({@link Math#addExact}): a sum that does
 * not fit a long fails the trace rather than wrap (see {@code MinorSums}).
 */
public final class FundTrace {
  private final TransferGraph graph;
  private final TraceBounds bounds;

  public FundTrace(TransferGraph graph, TraceBounds bounds) {
    this.graph = graph;
    this.bounds = bounds;
  }

  /** Traced money arriving at an account by one transfer, waiting for the account's read. */
  private record Arrival(String currency, long tracedMinor) {}

  /** An account on the trace. */
  private static final class Node {
    final String key;
    final int hops;
    final Map<String, Arrival> arrivals = new HashMap<>();
    final Map<String, Long> in = new TreeMap<>();
    final Map<String, Long> out = new TreeMap<>();
    final Map<String, Long> held = new TreeMap<>();
    boolean read;

    Node(String key, int hops) {
      this.key = key;
      this.hops = hops;
    }
  }

  /** The state of one run. */
  private final class Run {
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Amount> exits = new ArrayList<>();
    final List<Amount> untraced = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();
    final List<String> truncations = new ArrayList<>();
    final Instant since;
    final Instant until;
    int transfersRead;

    Run(Instant since, Instant until) {
      this.since = since;
      this.until = until;
    }
  }

  /** Traces the money of platform account {@code sourceAccount} over {@code [since, until)}. */
  public TraceResult run(String sourceAccount, Instant since, Instant until) {
    Invariants.check(since.isBefore(until), "a trace window must not be empty");
    Run run = new Run(since, until);
    Node source = new Node("a:" + sourceAccount, 0);
    run.nodes.put(source.key, source);
    ArrayDeque<Node> queue = new ArrayDeque<>();
    queue.add(source);
    // Each node enters the queue once, and nodes are bounded, so this loop is too.
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      if (run.transfersRead >= bounds.transfersReadMax()) {
        leaveUnread(run, node);
      } else {
        read(run, node, node == source, queue);
      }
    }
    return result(run, source);
  }

  private void read(Run run, Node node, boolean isSource, ArrayDeque<Node> queue) {
    String account = node.key.substring(2);
    int limit = Math.min(bounds.transfersPerNodeMax(),
        bounds.transfersReadMax() - run.transfersRead);
    List<GraphTransfer> transfers = new ArrayList<>(
        graph.transfersOf(account, run.since, run.until, limit + 1));
    if (transfers.size() > limit) {
      run.truncations.add(node.key + " has more than " + limit + " transfers in the window;"
          + " only the first " + limit + " were read");
      transfers = transfers.subList(0, limit);
    }
    run.transfersRead += transfers.size();
    node.read = true;
    // Received before paid at the same instant, then by id: the queue's order is total.
    transfers.sort(Comparator.comparing(GraphTransfer::createdAt)
        .thenComparing(t -> !t.recipientKey().equals(node.key))
        .thenComparing(GraphTransfer::transferId));
    Map<String, ArrayDeque<long[]>> queues = new HashMap<>();
    List<Flow> tracedOut = new ArrayList<>();
    for (GraphTransfer t : transfers) {
      if (t.recipientKey().equals(node.key)) {
        receive(node, t, isSource, queues);
      } else if (t.senderAccount().equals(account)) {
        long traced = pay(queues, t);
        if (traced > 0) {
          tracedOut.add(new Flow(t.transferId(), node.key, t.recipientKey(), t.currency(),
              t.amountMinor(), traced, t.createdAt(), node.hops + 1));
        }
      }
    }
    settle(node, queues);
    follow(run, node, tracedOut, queue);
  }

  private static void receive(Node node, GraphTransfer t, boolean isSource,
      Map<String, ArrayDeque<long[]>> queues) {
    long traced;
    if (isSource) {
      traced = t.amountMinor();
      node.in.merge(t.currency(), traced, Math::addExact);
    } else {
      Arrival arrival = node.arrivals.remove(t.transferId());
      traced = arrival == null ? 0 : arrival.tracedMinor();
      Invariants.check(traced <= t.amountMinor(), "more traced than the transfer carried");
    }
    queues.computeIfAbsent(t.currency(), c -> new ArrayDeque<>())
        .addLast(new long[] {t.amountMinor(), traced});
  }

  /** Takes a payment from the head of its currency's queue; returns the traced part. */
  private static long pay(Map<String, ArrayDeque<long[]>> queues, GraphTransfer t) {
    ArrayDeque<long[]> queue = queues.get(t.currency());
    long need = t.amountMinor();
    long traced = 0;
    // Each pass empties a slice or the need, so the passes are bounded by the slices.
    while (need > 0 && queue != null && !queue.isEmpty()) {
      long[] slice = queue.peekFirst();
      long take = Math.min(need, slice[0]);
      long tracedTake = Math.min(take, slice[1]);
      slice[0] -= take;
      slice[1] -= tracedTake;
      traced = Math.addExact(traced, tracedTake);
      need -= take;
      if (slice[0] == 0) {
        queue.pollFirst();
      }
    }
    Invariants.check(traced >= 0 && traced <= t.amountMinor(), "a payment's traced part");
    return traced;
  }

  /** What is left traced in the queues, and arrivals the read did not see, stay held. */
  private static void settle(Node node, Map<String, ArrayDeque<long[]>> queues) {
    for (Map.Entry<String, ArrayDeque<long[]>> e : queues.entrySet()) {
      long left = 0;
      for (long[] slice : e.getValue()) {
        left = Math.addExact(left, slice[1]);
      }
      if (left > 0) {
        node.held.merge(e.getKey(), left, Math::addExact);
      }
    }
    for (Arrival unseen : node.arrivals.values()) {
      node.held.merge(unseen.currency(), unseen.tracedMinor(), Math::addExact);
    }
    node.arrivals.clear();
  }

  private void follow(Run run, Node node, List<Flow> tracedOut, ArrayDeque<Node> queue) {
    tracedOut.sort(Comparator.comparingLong(Flow::tracedMinor).reversed()
        .thenComparing(Flow::transferId));
    for (int i = 0; i < tracedOut.size(); i++) {
      Flow f = tracedOut.get(i);
      node.out.merge(f.currency(), f.tracedMinor(), Math::addExact);
      run.flows.add(f);
      if (node.hops >= bounds.hops()) {
        stop(run, f, Stop.HOPS);
      } else if (i >= bounds.fanOut()) {
        stop(run, f, Stop.FAN_OUT);
      } else if (f.toKey().startsWith("x:")) {
        run.exits.add(new Amount(f.toKey(), f.currency(), f.tracedMinor(), f.hops(), Stop.NONE));
      } else {
        arrive(run, f, queue);
      }
    }
    if (tracedOut.size() > bounds.fanOut() && node.hops < bounds.hops()) {
      run.truncations.add(node.key + " made " + tracedOut.size() + " traced payments; the "
          + bounds.fanOut() + " largest were followed");
    }
  }

  private void arrive(Run run, Flow f, ArrayDeque<Node> queue) {
    Node child = run.nodes.get(f.toKey());
    if (child != null && child.hops == 0) {
      // Back at the scammer, whose every receipt is already traced: counting it again as held
      // would count the same money twice.
      stop(run, f, Stop.CYCLE);
      return;
    }
    if (child == null) {
      if (run.nodes.size() >= bounds.nodesMax()) {
        stop(run, f, Stop.NODES);
        return;
      }
      child = new Node(f.toKey(), f.hops());
      run.nodes.put(child.key, child);
      queue.add(child);
    }
    child.in.merge(f.currency(), f.tracedMinor(), Math::addExact);
    if (child.read) {
      // Reached again after it was read (a cycle or a longer path): counted, not followed.
      child.held.merge(f.currency(), f.tracedMinor(), Math::addExact);
    } else {
      child.arrivals.put(f.transferId(), new Arrival(f.currency(), f.tracedMinor()));
    }
  }

  private static void stop(Run run, Flow f, Stop why) {
    run.untraced.add(new Amount(f.toKey(), f.currency(), f.tracedMinor(), f.hops(), why));
  }

  private void leaveUnread(Run run, Node node) {
    for (Arrival a : node.arrivals.values()) {
      run.untraced.add(new Amount(node.key, a.currency(), a.tracedMinor(), node.hops,
          Stop.READ));
    }
    node.arrivals.clear();
    String note = "the trace reached its bound of " + bounds.transfersReadMax()
        + " transfers read";
    if (!run.truncations.contains(note)) {
      run.truncations.add(note);
    }
  }

  private TraceResult result(Run run, Node source) {
    List<Amount> holdings = new ArrayList<>();
    List<TraceResult.Node> nodes = new ArrayList<>(run.nodes.size());
    for (Node n : run.nodes.values()) {
      checkConserved(n, run);
      n.held.forEach((currency, minor) -> holdings.add(new Amount(n.key, currency, minor,
          n.hops, Stop.NONE)));
      nodes.add(new TraceResult.Node(n.key, n.hops, Map.copyOf(n.in), Map.copyOf(n.out),
          Map.copyOf(n.held), n.read));
    }
    holdings.sort(Comparator.comparingLong(Amount::tracedMinor).reversed()
        .thenComparing(Amount::key).thenComparing(Amount::currency));
    checkConserved(source.in, holdings, run);
    return new TraceResult(source.key, Map.copyOf(source.in), holdings, run.exits,
        run.untraced, run.flows, nodes, run.truncations, run.transfersRead);
  }

  /** At one account: traced in = traced out + held (+ unread, for an account never read). */
  private static void checkConserved(Node n, Run run) {
    for (Map.Entry<String, Long> e : n.in.entrySet()) {
      long out = n.out.getOrDefault(e.getKey(), 0L);
      long held = n.held.getOrDefault(e.getKey(), 0L);
      long unread = n.read ? 0 : run.untraced.stream().filter(a -> a.stop() == Stop.READ
          && a.key().equals(n.key) && a.currency().equals(e.getKey()))
          .mapToLong(Amount::tracedMinor).reduce(0, Math::addExact);
      long accounted = Math.addExact(Math.addExact(out, held), unread);
      Invariants.check(accounted == e.getValue(), "traced money not conserved at %s"
          + " in %s: in %d, out %d, held %d", n.key, e.getKey(), e.getValue(), out, held);
    }
  }

  /** Overall: what entered the scammer is held, left the platform, or was left untraced. */
  private static void checkConserved(Map<String, Long> entered, List<Amount> holdings,
      Run run) {
    Map<String, Long> accounted = new TreeMap<>();
    for (List<Amount> list : List.of(holdings, run.exits, run.untraced)) {
      for (Amount a : list) {
        accounted.merge(a.currency(), a.tracedMinor(), Math::addExact);
      }
    }
    accounted.values().removeIf(v -> v == 0);
    Map<String, Long> expected = new TreeMap<>(entered);
    expected.values().removeIf(v -> v == 0);
    Invariants.check(accounted.equals(expected), "traced money not conserved: entered %s,"
        + " accounted for %s", expected, accounted);
  }
}
