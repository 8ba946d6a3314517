package io.holdfast.core.freeze;

import io.holdfast.core.support.Invariants;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counterparty keys under an active freeze, for the screening hot path: a frozen recipient
 * is blocked and a frozen sender held. The store is the record; this is its in-memory copy,
 * changed after each local commit and reconciled with the store on a timer so that freezes made
 * or lifted by other instances arrive too.
 *
 * <p>A reconciliation reads a snapshot that may predate a local freeze committed while it ran;
 * each local add is stamped with a generation, and a reconciliation only removes keys added
 * before it began, so it never undoes a freeze it could not have seen.
 */
public final class FrozenSubjects {
  /** A bound on the frozen set, far above any real platform's active freezes. */
  public static final int MAX_SUBJECTS = 5_000_000;

  private final Map<String, Long> addedAt = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  public boolean contains(String key) {
    return !addedAt.isEmpty() && addedAt.containsKey(key);
  }

  public boolean isEmpty() {
    return addedAt.isEmpty();
  }

  public int size() {
    return addedAt.size();
  }

  /** Adds a key frozen by a commit on this instance. */
  public void add(String key) {
    Invariants.check(key != null && !key.isEmpty(), "a frozen key is required");
    Invariants.check(addedAt.size() < MAX_SUBJECTS, "too many frozen subjects");
    addedAt.put(key, generation.incrementAndGet());
  }

  /** Removes a key whose freeze ended by a commit on this instance. */
  public void remove(String key) {
    addedAt.remove(key);
  }

  /** The generation to pass to {@link #reconcile} for a snapshot read from now on. */
  public long beginSnapshot() {
    return generation.get();
  }

  /** Makes the set equal to a store snapshot taken after {@code snapshotGeneration}. */
  public void reconcile(Collection<String> active, long snapshotGeneration) {
    Invariants.check(active.size() <= MAX_SUBJECTS, "too many frozen subjects");
    Set<String> wanted = new HashSet<>(active);
    for (String key : wanted) {
      addedAt.putIfAbsent(key, snapshotGeneration);
    }
    addedAt.entrySet().removeIf(e -> !wanted.contains(e.getKey())
        && e.getValue() <= snapshotGeneration);
  }
}
