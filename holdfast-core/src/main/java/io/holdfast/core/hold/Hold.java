package io.holdfast.core.hold;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * A held transfer, as one of four types: {@link Held} and {@link UnderInvestigation} are
 * active and have a deadline; {@link Released} and {@link Returned} are terminal. A hold ends in
 * exactly one terminal state; any command on a terminal hold is rejected with the resolution it
 * already has.
 */
public sealed interface Hold {
  HoldTerms terms();

  /** Bumped by every change; the store uses it for conditional updates. */
  int version();

  HoldOutcome handle(HoldCommand command);

  default String holdId() {
    return terms().holdId();
  }

  /** Held, the sender being cooled off step by step; {@code ladderStep} is the next step due. */
  record Held(HoldTerms terms, Instant releaseAt, int ladderStep, int version) implements Hold {
    public Held {
      ActiveHolds.checkActive(terms, releaseAt, ladderStep, version);
    }

    @Override
    public HoldOutcome handle(HoldCommand command) {
      return ActiveHolds.handle(this, releaseAt, ladderStep, command);
    }
  }

  /** Held while someone looks into a finding; analysts work these from a queue. */
  record UnderInvestigation(HoldTerms terms, Instant releaseAt, int ladderStep, String finding,
      int version) implements Hold {
    public UnderInvestigation {
      ActiveHolds.checkActive(terms, releaseAt, ladderStep, version);
      Invariants.check(finding != null && !finding.isBlank(), "an investigation needs a finding");
    }

    @Override
    public HoldOutcome handle(HoldCommand command) {
      return ActiveHolds.handle(this, releaseAt, ladderStep, command);
    }
  }

  /** Ended: the money went on to the recipient. */
  record Released(HoldTerms terms, Resolution resolution, Instant resolvedAt, String resolvedBy,
      int version) implements Hold {
    public Released {
      Invariants.check(resolution.released(), "%s is not a release", resolution);
      Invariants.check(!resolvedAt.isBefore(terms.createdAt()), "resolved before it was held");
    }

    @Override
    public HoldOutcome handle(HoldCommand command) {
      return new HoldOutcome.Rejected(new HoldRejection.AlreadyResolved(holdId(), resolution));
    }
  }

  /** Ended: the money went back to the sender. */
  record Returned(HoldTerms terms, Resolution resolution, Instant resolvedAt, String resolvedBy,
      int version) implements Hold {
    public Returned {
      Invariants.check(!resolution.released(), "%s is not a return", resolution);
      Invariants.check(!resolvedAt.isBefore(terms.createdAt()), "resolved before it was held");
    }

    @Override
    public HoldOutcome handle(HoldCommand command) {
      return new HoldOutcome.Rejected(new HoldRejection.AlreadyResolved(holdId(), resolution));
    }
  }
}
