package io.holdfast.core.hold;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * The transitions of an active hold (held or under investigation), in one place because both
 * accept the same commands. Each transition checks the invariants on both sides: the version
 * goes up by one, the deadline never passes the legal deadline, a hold is never released before
 * its deadline by the clock, and a shortened deadline is earlier than before yet still after
 * the hold was placed.
 */
final class ActiveHolds {
  private ActiveHolds() {}

  static void checkActive(HoldTerms terms, Instant releaseAt, int ladderStep, int version) {
    Invariants.check(terms != null, "terms are required");
    Invariants.check(releaseAt != null, "an active hold has a deadline");
    Invariants.check(!releaseAt.isAfter(terms.legalDeadline()),
        "hold %s would be held past its legal deadline", terms.holdId());
    Invariants.check(ladderStep >= 0, "ladder step must not be negative");
    Invariants.check(version >= 1, "version starts at 1");
  }

  static HoldOutcome handle(Hold hold, Instant releaseAt, int ladderStep, HoldCommand command) {
    HoldOutcome outcome = dispatch(hold, releaseAt, ladderStep, command);
    if (outcome instanceof HoldOutcome.Changed changed) {
      Invariants.check(changed.next().version() == hold.version() + 1, "version must go up by 1");
      Invariants.check(changed.next().terms().equals(hold.terms()), "terms never change");
    }
    return outcome;
  }

  private static HoldOutcome dispatch(Hold hold, Instant releaseAt, int ladderStep,
      HoldCommand command) {
    HoldTerms terms = hold.terms();
    int next = hold.version() + 1;
    if (command instanceof HoldCommand.Cancel c) {
      return returned(terms, Resolution.CANCELLED_BY_SENDER, c.actor(), next, c.at(), null);
    }
    if (command instanceof HoldCommand.Release r) {
      return released(terms, Resolution.RELEASED_BY_ANALYST, r.actor(), next, r.at(), r.note());
    }
    if (command instanceof HoldCommand.ReturnToSender r) {
      return returned(terms, r.resolution(), r.actor(), next, r.at(), r.note());
    }
    if (command instanceof HoldCommand.Escalate e) {
      Instant until = later(releaseAt, e.extendTo(), terms.legalDeadline());
      Hold investigated = new Hold.UnderInvestigation(terms, until, ladderStep, e.finding(), next);
      return new HoldOutcome.Changed(investigated,
          new HoldEvent.Escalated(terms.holdId(), e.at(), e.finding(), until));
    }
    if (command instanceof HoldCommand.AdvanceLadder a) {
      return advance(hold, releaseAt, ladderStep, a);
    }
    if (command instanceof HoldCommand.Extend x) {
      return extend(hold, releaseAt, ladderStep, x.releaseAt(), x.at(), x.why());
    }
    if (command instanceof HoldCommand.Shorten s) {
      return shorten(hold, releaseAt, ladderStep, s);
    }
    return deadline(hold, releaseAt, ladderStep, (HoldCommand.Deadline) command);
  }

  private static HoldOutcome deadline(Hold hold, Instant releaseAt, int ladderStep,
      HoldCommand.Deadline d) {
    HoldTerms terms = hold.terms();
    if (d.at().isBefore(releaseAt)) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "the hold is not due until " + releaseAt));
    }
    int next = hold.version() + 1;
    if (!d.openFindings()) {
      return released(terms, Resolution.RELEASED_AT_DEADLINE, d.actor(), next, d.at(), null);
    }
    Instant wanted = d.at().plus(d.extendBy());
    if (!d.extendBy().isZero() && d.at().isBefore(terms.legalDeadline())) {
      Instant until = wanted.isAfter(terms.legalDeadline()) ? terms.legalDeadline() : wanted;
      return extend(hold, releaseAt, ladderStep, until, d.at(), null);
    }
    return returned(terms, Resolution.RETURNED_AT_DEADLINE, d.actor(), next, d.at(), null);
  }

  private static HoldOutcome advance(Hold hold, Instant releaseAt, int ladderStep,
      HoldCommand.AdvanceLadder a) {
    HoldTerms terms = hold.terms();
    if (a.nextStep() <= ladderStep) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "the ladder only moves forward, it is at step " + ladderStep));
    }
    int next = hold.version() + 1;
    Hold moved = hold instanceof Hold.UnderInvestigation u
        ? new Hold.UnderInvestigation(terms, releaseAt, a.nextStep(), u.finding(), next)
        : new Hold.Held(terms, releaseAt, a.nextStep(), next);
    return new HoldOutcome.Changed(moved,
        new HoldEvent.LadderAdvanced(terms.holdId(), a.at(), a.nextStep()));
  }

  private static HoldOutcome extend(Hold hold, Instant releaseAt, int ladderStep, Instant until,
      Instant at, String why) {
    HoldTerms terms = hold.terms();
    if (until.isAfter(terms.legalDeadline())) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "cannot hold past the legal deadline " + terms.legalDeadline()));
    }
    if (!until.isAfter(releaseAt)) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "an extension must move the deadline later than " + releaseAt));
    }
    int next = hold.version() + 1;
    Hold extended = hold instanceof Hold.UnderInvestigation u
        ? new Hold.UnderInvestigation(terms, until, ladderStep, u.finding(), next)
        : new Hold.Held(terms, until, ladderStep, next);
    return new HoldOutcome.Changed(extended, new HoldEvent.Extended(terms.holdId(), at, until,
        why));
  }

  /**
   * Moves a held hold's deadline earlier. A hold under investigation keeps its deadline: its
   * finding, not the sender's word, decides when it ends. The new deadline must be in the
   * future, so shortening never releases on the spot; the sweeper releases at the deadline.
   */
  private static HoldOutcome shorten(Hold hold, Instant releaseAt, int ladderStep,
      HoldCommand.Shorten s) {
    HoldTerms terms = hold.terms();
    if (!(hold instanceof Hold.Held)) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "a hold under investigation is not shortened"));
    }
    if (!s.releaseAt().isBefore(releaseAt)) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "a shortening must move the deadline earlier than " + releaseAt));
    }
    if (!s.releaseAt().isAfter(s.at())) {
      return new HoldOutcome.Rejected(new HoldRejection.NotAllowed(terms.holdId(),
          "a shortened hold still ends in the future, never on the spot"));
    }
    Hold.Held shortened = new Hold.Held(terms, s.releaseAt(), ladderStep, hold.version() + 1);
    Invariants.check(shortened.releaseAt().isAfter(terms.createdAt()),
        "hold %s would end before it was placed", terms.holdId());
    Invariants.check(shortened.releaseAt().isBefore(releaseAt),
        "hold %s would be lengthened by a shortening", terms.holdId());
    return new HoldOutcome.Changed(shortened,
        new HoldEvent.Shortened(terms.holdId(), s.at(), s.releaseAt(), s.why()));
  }

  private static HoldOutcome released(HoldTerms terms, Resolution resolution, String actor,
      int version, Instant at, String note) {
    return new HoldOutcome.Changed(new Hold.Released(terms, resolution, at, actor, version),
        new HoldEvent.Released(terms.holdId(), at, resolution, note));
  }

  private static HoldOutcome returned(HoldTerms terms, Resolution resolution, String actor,
      int version, Instant at, String note) {
    return new HoldOutcome.Changed(new Hold.Returned(terms, resolution, at, actor, version),
        new HoldEvent.Returned(terms.holdId(), at, resolution, note));
  }

  private static Instant later(Instant a, Instant b, Instant cap) {
    Instant later = b != null && b.isAfter(a) ? b : a;
    return later.isAfter(cap) ? cap : later;
  }
}
