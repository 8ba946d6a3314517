package io.holdfast.core.graph;

import io.holdfast.core.support.Invariants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every account that paid a confirmed scammer within a window, and the victims of the
 * accounts around it: mules (accounts that received the scammer's money and paid it on) and
 * accounts that share its devices or IPs. The cluster is walked breadth first, within
 * {@link SweepBounds}; then each cluster member's payers are gathered, and an account that
 * paid several members is one victim per currency, with its sums, its first and last payment,
 * and the hops of the closest member it paid. Payments between cluster members are not losses.
 */
public final class VictimSweep {
  private final TransferGraph graph;
  private final SweepBounds bounds;

  public VictimSweep(TransferGraph graph, SweepBounds bounds) {
    this.graph = graph;
    this.bounds = bounds;
  }

  /** Sweeps {@code scammerKey} over {@code [since, until)}. */
  public SweepResult run(String scammerKey, Instant since, Instant until) {
    Invariants.check(since.isBefore(until), "a sweep window must not be empty");
    List<String> truncations = new ArrayList<>();
    Map<String, ClusterMember> cluster = cluster(scammerKey, since, until, truncations);
    List<Victim> victims = victims(cluster, since, until, truncations);
    for (Victim v : victims) {
      Invariants.check(!cluster.containsKey("a:" + v.victimAccount()),
          "a cluster member is never its own victim");
      Invariants.check(!v.firstPaidAt().isBefore(since) && v.lastPaidAt().isBefore(until),
          "every payment counted lies in the window");
    }
    return new SweepResult(new ArrayList<>(cluster.values()), victims, truncations);
  }

  private Map<String, ClusterMember> cluster(String scammerKey, Instant since, Instant until,
      List<String> truncations) {
    Map<String, ClusterMember> cluster = new LinkedHashMap<>();
    cluster.put(scammerKey, new ClusterMember(scammerKey, Relation.SCAMMER, 0, null,
        "the confirmed scammer"));
    List<String> frontier = List.of(scammerKey);
    for (int hops = 1; hops <= bounds.depth() && !frontier.isEmpty(); hops++) {
      List<String> next = new ArrayList<>();
      for (String key : frontier) {
        // An address's outflows and devices are not on the platform: nothing to follow.
        if (key.startsWith("a:")) {
          expand(key, hops, since, until, cluster, next, truncations);
        }
      }
      frontier = next;
    }
    Invariants.check(cluster.size() <= bounds.nodesMax(), "the cluster outgrew its bound");
    return cluster;
  }

  private void expand(String key, int hops, Instant since, Instant until,
      Map<String, ClusterMember> cluster, List<String> next, List<String> truncations) {
    String account = key.substring(2);
    List<PayeeTotal> payees = graph.payees(account, since, until, bounds.fanOut() + 1);
    if (payees.size() > bounds.fanOut()) {
      truncations.add(key + " paid more than " + bounds.fanOut() + " accounts; the "
          + bounds.fanOut() + " largest were checked for mules");
    }
    for (PayeeTotal p : payees.subList(0, Math.min(payees.size(), bounds.fanOut()))) {
      String payee = "a:" + p.accountId();
      if (!cluster.containsKey(payee) && room(cluster, truncations)
          && graph.paidOut(p.accountId(), p.firstAt(), until)) {
        cluster.put(payee, new ClusterMember(payee, Relation.MULE, hops, key, "received "
            + p.transfers() + " payments from " + key + " and paid money on"));
        next.add(payee);
      }
    }
    List<LinkedAccount> links = graph.linked(account, bounds.sharingMax(), bounds.fanOut() + 1);
    if (links.size() > bounds.fanOut()) {
      truncations.add(key + " shares devices or IPs with more than " + bounds.fanOut()
          + " accounts; " + bounds.fanOut() + " were swept");
    }
    for (LinkedAccount l : links.subList(0, Math.min(links.size(), bounds.fanOut()))) {
      String linked = "a:" + l.accountId();
      if (!cluster.containsKey(linked) && room(cluster, truncations)) {
        cluster.put(linked, new ClusterMember(linked, l.relation(), hops, key,
            "shares " + l.relation().name().toLowerCase(java.util.Locale.ROOT) + " "
                + l.shared() + " with " + key));
        next.add(linked);
      }
    }
  }

  private boolean room(Map<String, ClusterMember> cluster, List<String> truncations) {
    if (cluster.size() < bounds.nodesMax()) {
      return true;
    }
    String note = "the cluster reached its bound of " + bounds.nodesMax() + " accounts";
    if (!truncations.contains(note)) {
      truncations.add(note);
    }
    return false;
  }

  private List<Victim> victims(Map<String, ClusterMember> cluster, Instant since, Instant until,
      List<String> truncations) {
    Map<String, Victim> byAccountAndCurrency = new LinkedHashMap<>();
    for (ClusterMember member : cluster.values()) {
      List<PayerTotal> payers = graph.payers(member.key(), since, until,
          bounds.payersPerNodeMax() + 1);
      if (payers.size() > bounds.payersPerNodeMax()) {
        truncations.add(member.key() + " has more than " + bounds.payersPerNodeMax()
            + " payers; only that many were read");
        payers = payers.subList(0, bounds.payersPerNodeMax());
      }
      for (PayerTotal p : payers) {
        if (cluster.containsKey("a:" + p.senderAccount())) {
          continue;
        }
        String id = p.senderAccount() + "\n" + p.currency();
        Victim known = byAccountAndCurrency.get(id);
        if (known == null && byAccountAndCurrency.size() >= bounds.victimsMax()) {
          truncations.add("the sweep reached its bound of " + bounds.victimsMax() + " victims");
          return sorted(byAccountAndCurrency);
        }
        byAccountAndCurrency.put(id, known == null ? new Victim(p.senderAccount(), p.currency(),
            p.amountMinor(), p.amountUsdMinor(), p.transfers(), p.firstAt(), p.lastAt(),
            member.hops(), member.key()) : known.plus(p, member.hops(), member.key()));
      }
    }
    return sorted(byAccountAndCurrency);
  }

  private static List<Victim> sorted(Map<String, Victim> victims) {
    List<Victim> out = new ArrayList<>(victims.values());
    out.sort(Comparator.comparing(Victim::victimAccount).thenComparing(Victim::currency));
    return out;
  }
}
