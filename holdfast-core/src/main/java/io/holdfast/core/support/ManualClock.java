package io.holdfast.core.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, forward only: the simulated platform runs the real
 * server in virtual time with it, and tests use it instead of sleeping.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock to {@code at}; moving it backwards is a bug in the caller. */
  public void set(Instant at) {
    Instant before = now.getAndUpdate(current -> at.isBefore(current) ? current : at);
    Invariants.check(!at.isBefore(before), "the clock never goes back: %s before %s", at, before);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the manual clock is UTC only");
  }
}
