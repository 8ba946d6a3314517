package io.holdfast.server.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids numbered in the order they are made, for a simulation on a fresh store
 * ({@code holdfast.ids=sequential}): the same run makes the same ids, so anything derived from
 * an id (a campaign's holdout draw is a hash of its id) comes out the same on every run. Never
 * for a store that outlives the process: a restart would number from one again.
 */
public final class SequentialIds extends IdGenerator {
  private final AtomicLong next = new AtomicLong();

  @Override
  public String next(String prefix) {
    return String.format(java.util.Locale.ROOT, "%s_%012d", prefix, next.incrementAndGet());
  }
}
