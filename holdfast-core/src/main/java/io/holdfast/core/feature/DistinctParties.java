package io.holdfast.core.feature;

import io.holdfast.core.support.Invariants;

/**
 * The distinct counterparties of an account (senders who paid it, or recipients it paid), each
 * with the last time seen and one flag, bounded in size. When full, the least recently seen
 * counterparty is forgotten, so a count over a window saturates at the capacity instead of
 * growing without bound; rules compare fan-in against thresholds far below it.
 */
final class DistinctParties {
  private static final int INITIAL_CAPACITY = 4;

  private final int capacityMax;
  private long[] hashes = new long[INITIAL_CAPACITY];
  private long[] lastSeconds = new long[INITIAL_CAPACITY];
  private boolean[] flags = new boolean[INITIAL_CAPACITY];
  private int size;

  DistinctParties(int capacityMax) {
    Invariants.check(capacityMax >= INITIAL_CAPACITY, "capacity too small");
    this.capacityMax = capacityMax;
  }

  boolean contains(long hash) {
    return indexOf(hash) >= 0;
  }

  private int indexOf(long hash) {
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash) {
        return i;
      }
    }
    return -1;
  }

  void touch(long hash, long second, boolean flag) {
    int i = indexOf(hash);
    if (i >= 0) {
      lastSeconds[i] = Math.max(lastSeconds[i], second);
      return;
    }
    if (size == hashes.length && size < capacityMax) {
      grow();
    }
    if (size == hashes.length) {
      i = oldest();
    } else {
      i = size++;
    }
    hashes[i] = hash;
    lastSeconds[i] = second;
    flags[i] = flag;
    Invariants.check(size <= capacityMax, "distinct set over capacity");
  }

  private int oldest() {
    int oldest = 0;
    for (int i = 1; i < size; i++) {
      if (lastSeconds[i] < lastSeconds[oldest]) {
        oldest = i;
      }
    }
    return oldest;
  }

  private void grow() {
    int length = Math.min(capacityMax, hashes.length * 2);
    long[] h = new long[length];
    long[] s = new long[length];
    boolean[] f = new boolean[length];
    System.arraycopy(hashes, 0, h, 0, size);
    System.arraycopy(lastSeconds, 0, s, 0, size);
    System.arraycopy(flags, 0, f, 0, size);
    hashes = h;
    lastSeconds = s;
    flags = f;
  }

  /** Counts counterparties seen since {@code fromSecond}: out[0] all, out[1] flagged. */
  void countSince(long fromSecond, long[] out) {
    for (int i = 0; i < size; i++) {
      if (lastSeconds[i] >= fromSecond) {
        out[0]++;
        if (flags[i]) {
          out[1]++;
        }
      }
    }
  }

  long bytes() {
    return 17L * hashes.length + 64;
  }
}
