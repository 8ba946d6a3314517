package io.holdfast.core.feature;

import io.holdfast.core.support.Invariants;

/**
 * The most recent events of one kind (time, amount, counterparty hash) in a ring that grows on
 * demand up to a fixed capacity. Window sums over the ring are exact while the ring holds every
 * event of the window; events pushed out are handed to {@link DayBuckets} by the caller.
 */
final class TimedAmounts {
  private static final int INITIAL_CAPACITY = 4;

  private final int capacityMax;
  private long[] seconds = new long[INITIAL_CAPACITY];
  private long[] amounts = new long[INITIAL_CAPACITY];
  private long[] parties = new long[INITIAL_CAPACITY];
  private int start;
  private int size;

  TimedAmounts(int capacityMax) {
    Invariants.check(capacityMax >= INITIAL_CAPACITY, "capacity too small");
    this.capacityMax = capacityMax;
  }

  int size() {
    return size;
  }

  /** Adds an event; returns true and fills {@code evicted} when the oldest event had to go. */
  boolean add(long second, long amount, long party, long[] evicted) {
    if (size == seconds.length && size < capacityMax) {
      grow();
    }
    boolean full = size == seconds.length;
    if (full) {
      evicted[0] = seconds[start];
      evicted[1] = amounts[start];
      seconds[start] = second;
      amounts[start] = amount;
      parties[start] = party;
      start = (start + 1) % seconds.length;
    } else {
      int slot = (start + size) % seconds.length;
      seconds[slot] = second;
      amounts[slot] = amount;
      parties[slot] = party;
      size++;
    }
    Invariants.check(size <= capacityMax, "ring over capacity");
    return full;
  }

  private void grow() {
    int length = Math.min(capacityMax, seconds.length * 2);
    long[] s = new long[length];
    long[] a = new long[length];
    long[] p = new long[length];
    for (int i = 0; i < size; i++) {
      int from = (start + i) % seconds.length;
      s[i] = seconds[from];
      a[i] = amounts[from];
      p[i] = parties[from];
    }
    seconds = s;
    amounts = a;
    parties = p;
    start = 0;
  }

  long second(int i) {
    return seconds[(start + i) % seconds.length];
  }

  long amount(int i) {
    return amounts[(start + i) % amounts.length];
  }

  long party(int i) {
    return parties[(start + i) % parties.length];
  }

  /** Whether the ring still holds every event since {@code fromSecond}. */
  boolean coversSince(long fromSecond) {
    return size < capacityMax || second(0) < fromSecond;
  }

  long bytes() {
    return 24L * seconds.length + 48;
  }
}
