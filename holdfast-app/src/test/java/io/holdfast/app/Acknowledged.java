package io.holdfast.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** What a crash test's clients were told, in the order they were told it. */
final class Acknowledged {
  /** A screening the server answered 200, with the body that was sent. */
  record Screening(String transferId, String body, String holdId) {}

  final Map<String, Screening> decisions = new ConcurrentHashMap<>();
  final Set<String> holds = ConcurrentHashMap.newKeySet();
  final Set<String> cancels = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedDeque<Screening> order = new ConcurrentLinkedDeque<>();

  void screened(String body, String transferId, String holdId) {
    Screening s = new Screening(transferId, body, holdId);
    decisions.put(transferId, s);
    order.addLast(s);
    if (!holdId.isEmpty()) {
      holds.add(holdId);
    }
  }

  /** The last {@code count} acknowledged screenings, oldest first. */
  List<Screening> last(int count) {
    List<Screening> all = new ArrayList<>(order);
    return all.subList(Math.max(0, all.size() - count), all.size());
  }
}
