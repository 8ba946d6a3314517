package io.holdfast.core.hold;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything that can be asked of a hold. Commands name who asks (for the audit log) and when
 * (from the caller's injected clock).
 */
public sealed interface HoldCommand {
  String actor();

  Instant at();

  /** The sender changed their mind: the money goes back to them. */
  record Cancel(String actor, Instant at) implements HoldCommand {}

  /** An analyst lets the transfer go on early. */
  record Release(String actor, Instant at, String note) implements HoldCommand {}

  /** The money goes back to the sender: a confirmed scam or an analyst's call. */
  record ReturnToSender(String actor, Instant at, Resolution resolution, String note)
      implements HoldCommand {
    public ReturnToSender {
      if (resolution.released()) {
        throw new IllegalArgumentException("a return cannot resolve as " + resolution);
      }
    }
  }

  /** A finding (a report, an answer matching a scam script) moves the hold to investigation. */
  record Escalate(String actor, Instant at, String finding, Instant extendTo)
      implements HoldCommand {}

  /** Keeps the money longer, never past the legal deadline. */
  record Extend(String actor, Instant at, Instant releaseAt, String why) implements HoldCommand {}

  /**
   * Keeps the money for less time: the sender's answers de-escalated the hold. Only a held
   * hold (not one under investigation) is shortened, and never to now or earlier: a
   * de-escalated hold still ends at a deadline the sweeper meets, never on the spot.
   */
  record Shorten(String actor, Instant at, Instant releaseAt, String why) implements HoldCommand {}

  /** The cooling-off ladder ran its due steps; {@code nextStep} is the next one to run. */
  record AdvanceLadder(String actor, Instant at, int nextStep) implements HoldCommand {}

  /**
   * The deadline passed. With no open findings the hold is released; with findings it is
   * extended by {@code extendBy} within the legal deadline, or returned when it cannot be.
   */
  record Deadline(String actor, Instant at, boolean openFindings, Duration extendBy)
      implements HoldCommand {}
}
