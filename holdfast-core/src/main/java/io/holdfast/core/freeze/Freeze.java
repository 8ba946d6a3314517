package io.holdfast.core.freeze;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * A frozen account or address, as one of three types: {@link Active} stops money moving;
 * {@link Lifted} (by two people) and {@link Expired} (a precautionary freeze nobody confirmed)
 * are terminal. A freeze ends exactly once.
 */
public sealed interface Freeze {
  FreezeTerms terms();

  int version();

  FreezeOutcome handle(FreezeCommand command);

  default String freezeId() {
    return terms().freezeId();
  }

  /** The holder's appeal against the freeze, waiting for an analyst. */
  record Appeal(String by, Instant at, String grounds) {}

  /** The first person's request to lift the freeze, waiting for a second person. */
  record UnfreezeRequest(String by, Instant at, String note) {}

  /**
   * In force. A precautionary freeze has {@code expiresAt}; a confirmed one has none.
   * {@code appeal} and {@code unfreezeRequest} are null until someone asks.
   */
  record Active(FreezeTerms terms, FreezeKind kind, Instant expiresAt, Appeal appeal,
      UnfreezeRequest unfreezeRequest, int version) implements Freeze {
    public Active {
      Invariants.check((kind == FreezeKind.PRECAUTIONARY) == (expiresAt != null),
          "exactly the precautionary freezes expire");
      Invariants.check(expiresAt == null || expiresAt.isAfter(terms.createdAt()),
          "a freeze expires after it began");
      Invariants.check(version >= 1, "version starts at 1");
    }

    @Override
    public FreezeOutcome handle(FreezeCommand command) {
      return ActiveFreezes.handle(this, command);
    }
  }

  /** Lifted: money may move again. {@code requestedBy} and {@code approvedBy} differ. */
  record Lifted(FreezeTerms terms, String requestedBy, String approvedBy, Instant liftedAt,
      int version) implements Freeze {
    public Lifted {
      Invariants.check(!requestedBy.equals(approvedBy), "an unfreeze needs two people");
      Invariants.check(!liftedAt.isBefore(terms.createdAt()), "lifted before it began");
    }

    @Override
    public FreezeOutcome handle(FreezeCommand command) {
      return ended(freezeId(), "lifted");
    }
  }

  /** A precautionary freeze nobody confirmed in time. */
  record Expired(FreezeTerms terms, Instant expiredAt, int version) implements Freeze {
    @Override
    public FreezeOutcome handle(FreezeCommand command) {
      return ended(freezeId(), "expired");
    }
  }

  private static FreezeOutcome ended(String freezeId, String how) {
    return new FreezeOutcome.Rejected(FreezeOutcome.Reason.ALREADY_ENDED,
        "freeze " + freezeId + " already ended: " + how);
  }
}
