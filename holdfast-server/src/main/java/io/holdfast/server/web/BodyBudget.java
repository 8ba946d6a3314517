package io.holdfast.server.web;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the bytes of request bodies held in memory at once, across all requests. Each
 * per-route limit bounds one request; without this, 64 worker threads each holding a 16 MiB
 * upload (and the strings and entries made from it) exhaust the heap. A reservation is taken
 * before a body is read and given back when the request ends; one that does not fit is refused
 * at once, never waited for, so a request that cannot be served costs no thread.
 */
public final class BodyBudget {
  private final long capacityBytes;
  private final boolean metered;
  private final AtomicLong reservedBytes = new AtomicLong();

  public BodyBudget(long capacityBytes) {
    this(capacityBytes, true);
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("a body budget must be positive: " + capacityBytes);
    }
  }

  private BodyBudget(long capacityBytes, boolean metered) {
    this.capacityBytes = capacityBytes;
    this.metered = metered;
  }

  /**
   * A budget that never refuses and counts nothing, for bodies bounded well enough by their
   * route's limit; it touches no shared counter, since every screening draws on it.
   */
  public static BodyBudget unmetered() {
    return new BodyBudget(Long.MAX_VALUE, false);
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  public long reservedBytes() {
    return reservedBytes.get();
  }

  /** Reserves {@code bytes}, or nothing at all when they do not fit. */
  public Optional<Reservation> reserve(long bytes) {
    Reservation reservation = new Reservation();
    return reservation.grow(bytes) ? Optional.of(reservation) : Optional.empty();
  }

  private boolean take(long bytes) {
    if (!metered) {
      return true;
    }
    while (true) {
      long reserved = reservedBytes.get();
      if (bytes > capacityBytes - reserved) {
        return false;
      }
      if (reservedBytes.compareAndSet(reserved, reserved + bytes)) {
        return true;
      }
    }
  }

  private void give(long bytes) {
    if (!metered) {
      return;
    }
    long after = reservedBytes.addAndGet(-bytes);
    assert after >= 0 : "more bytes given back than were reserved: " + after;
  }

  /** Bytes held for one request; closing gives them back, once. */
  public final class Reservation implements AutoCloseable {
    private long bytes;
    private boolean closed;

    private Reservation() {}

    public long bytes() {
      return bytes;
    }

    /** Adds {@code more} bytes to this reservation; false, and nothing added, if they do not fit. */
    public synchronized boolean grow(long more) {
      if (more < 0) {
        throw new IllegalArgumentException("a reservation grows by a positive amount: " + more);
      }
      if (closed) {
        throw new IllegalStateException("the reservation was already given back");
      }
      if (!take(more)) {
        return false;
      }
      bytes += more;
      return true;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        give(bytes);
      }
    }
  }
}
