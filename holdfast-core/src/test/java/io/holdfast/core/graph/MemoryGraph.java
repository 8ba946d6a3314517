package io.holdfast.core.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A transfer graph held in lists, for the tests: the same contract as the SQL one. */
final class MemoryGraph implements TransferGraph {
  private final List<GraphTransfer> transfers = new ArrayList<>();
  private final Map<String, Set<String>> devices = new HashMap<>();
  private final Map<String, Set<String>> ips = new HashMap<>();
  private int seq;
  int reads;

  GraphTransfer pay(String from, String toKey, long amount, String currency, Instant at) {
    GraphTransfer t = new GraphTransfer("t" + (++seq), from, toKey, amount, currency, at);
    transfers.add(t);
    return t;
  }

  GraphTransfer pay(String from, String to, long amount, Instant at) {
    return pay(from, "a:" + to, amount, "USD", at);
  }

  void device(String account, String device) {
    devices.computeIfAbsent(device, d -> new TreeSet<>()).add(account);
  }

  void ip(String account, String ip) {
    ips.computeIfAbsent(ip, d -> new TreeSet<>()).add(account);
  }

  private static boolean in(Instant t, Instant since, Instant until) {
    return !t.isBefore(since) && t.isBefore(until);
  }

  @Override
  public List<PayerTotal> payers(String key, Instant since, Instant until, int limit) {
    reads++;
    Map<String, PayerTotal> totals = new LinkedHashMap<>();
    for (GraphTransfer t : transfers) {
      if (t.recipientKey().equals(key) && in(t.createdAt(), since, until)) {
        totals.merge(t.senderAccount() + "/" + t.currency(), new PayerTotal(t.senderAccount(),
            t.currency(), t.amountMinor(), t.amountMinor(), 1, t.createdAt(), t.createdAt()),
            (a, b) -> new PayerTotal(a.senderAccount(), a.currency(),
                a.amountMinor() + b.amountMinor(), a.amountUsdMinor() + b.amountUsdMinor(),
                a.transfers() + 1, a.firstAt().isBefore(b.firstAt()) ? a.firstAt() : b.firstAt(),
                a.lastAt().isAfter(b.lastAt()) ? a.lastAt() : b.lastAt()));
      }
    }
    return totals.values().stream().limit(limit).toList();
  }

  @Override
  public List<PayeeTotal> payees(String account, Instant since, Instant until, int limit) {
    reads++;
    Map<String, PayeeTotal> totals = new LinkedHashMap<>();
    for (GraphTransfer t : transfers) {
      if (t.senderAccount().equals(account) && t.recipientKey().startsWith("a:")
          && in(t.createdAt(), since, until)) {
        String to = t.recipientKey().substring(2);
        totals.merge(to, new PayeeTotal(to, t.amountMinor(), 1, t.createdAt()),
            (a, b) -> new PayeeTotal(to, a.amountUsdMinor() + b.amountUsdMinor(),
                a.transfers() + 1, a.firstAt().isBefore(b.firstAt()) ? a.firstAt()
                    : b.firstAt()));
      }
    }
    return totals.values().stream()
        .sorted(Comparator.comparingLong(PayeeTotal::amountUsdMinor).reversed()
            .thenComparing(PayeeTotal::accountId)).limit(limit).toList();
  }

  @Override
  public boolean paidOut(String account, Instant after, Instant until) {
    return transfers.stream().anyMatch(t -> t.senderAccount().equals(account)
        && in(t.createdAt(), after, until));
  }

  @Override
  public List<LinkedAccount> linked(String account, int sharingMax, int limit) {
    Map<String, LinkedAccount> out = new LinkedHashMap<>();
    link(devices, Relation.DEVICE, account, sharingMax, out);
    link(ips, Relation.IP, account, sharingMax, out);
    return out.values().stream().limit(limit).toList();
  }

  private static void link(Map<String, Set<String>> shared, Relation relation, String account,
      int sharingMax, Map<String, LinkedAccount> out) {
    shared.forEach((value, accounts) -> {
      if (accounts.contains(account) && accounts.size() <= sharingMax) {
        for (String other : accounts) {
          if (!other.equals(account)) {
            out.putIfAbsent(other, new LinkedAccount(other, relation, value));
          }
        }
      }
    });
  }

  @Override
  public List<GraphTransfer> transfersOf(String account, Instant since, Instant until,
      int limit) {
    reads++;
    return transfers.stream().filter(t -> (t.senderAccount().equals(account)
            || t.recipientKey().equals("a:" + account)) && in(t.createdAt(), since, until))
        .sorted(Comparator.comparing(GraphTransfer::createdAt)).limit(limit).toList();
  }
}
