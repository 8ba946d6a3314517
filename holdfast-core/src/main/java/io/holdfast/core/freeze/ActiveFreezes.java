package io.holdfast.core.freeze;

import io.holdfast.core.support.Invariants;

/** The rules of an active freeze, one method per command. */
final class ActiveFreezes {
  private ActiveFreezes() {}

  static FreezeOutcome handle(Freeze.Active f, FreezeCommand command) {
    FreezeOutcome outcome;
    if (command instanceof FreezeCommand.Confirm c) {
      outcome = confirm(f, c);
    } else if (command instanceof FreezeCommand.Appeal a) {
      outcome = appeal(f, a);
    } else if (command instanceof FreezeCommand.RequestUnfreeze r) {
      outcome = requestUnfreeze(f, r);
    } else if (command instanceof FreezeCommand.ApproveUnfreeze a) {
      outcome = approveUnfreeze(f, a);
    } else {
      outcome = expire(f, (FreezeCommand.Expire) command);
    }
    if (outcome instanceof FreezeOutcome.Changed changed) {
      Invariants.check(changed.next().version() == f.version() + 1, "version must step by one");
      Invariants.check(changed.next().terms().equals(f.terms()), "terms never change");
    }
    return outcome;
  }

  private static FreezeOutcome confirm(Freeze.Active f, FreezeCommand.Confirm c) {
    if (f.kind() == FreezeKind.CONFIRMED) {
      return refuse(FreezeOutcome.Reason.NOT_ALLOWED, "freeze " + f.freezeId()
          + " is already confirmed");
    }
    return changed(new Freeze.Active(f.terms(), FreezeKind.CONFIRMED, null, f.appeal(),
        f.unfreezeRequest(), f.version() + 1), "freeze.confirmed");
  }

  private static FreezeOutcome appeal(Freeze.Active f, FreezeCommand.Appeal a) {
    if (f.appeal() != null) {
      return refuse(FreezeOutcome.Reason.NOT_ALLOWED, "freeze " + f.freezeId()
          + " already has an appeal open since " + f.appeal().at());
    }
    return changed(new Freeze.Active(f.terms(), f.kind(), f.expiresAt(),
        new Freeze.Appeal(a.actor(), a.at(), a.grounds()), f.unfreezeRequest(),
        f.version() + 1), "freeze.appealed");
  }

  private static FreezeOutcome requestUnfreeze(Freeze.Active f, FreezeCommand.RequestUnfreeze r) {
    if (f.unfreezeRequest() != null) {
      return refuse(FreezeOutcome.Reason.NOT_ALLOWED, "an unfreeze of " + f.freezeId()
          + " is already waiting for approval");
    }
    return changed(new Freeze.Active(f.terms(), f.kind(), f.expiresAt(), f.appeal(),
        new Freeze.UnfreezeRequest(r.actor(), r.at(), r.note()), f.version() + 1),
        "freeze.unfreeze_requested");
  }

  private static FreezeOutcome approveUnfreeze(Freeze.Active f, FreezeCommand.ApproveUnfreeze a) {
    Freeze.UnfreezeRequest request = f.unfreezeRequest();
    if (request == null) {
      return refuse(FreezeOutcome.Reason.NOT_ALLOWED, "nobody has asked to unfreeze "
          + f.freezeId() + "; an unfreeze needs a request and a second person's approval");
    }
    if (request.by().equals(a.actor())) {
      return refuse(FreezeOutcome.Reason.SAME_PERSON, "the person who asked for the unfreeze"
          + " cannot approve it; a second person must");
    }
    return changed(new Freeze.Lifted(f.terms(), request.by(), a.actor(), a.at(),
        f.version() + 1), "freeze.lifted");
  }

  private static FreezeOutcome expire(Freeze.Active f, FreezeCommand.Expire e) {
    if (f.kind() != FreezeKind.PRECAUTIONARY || e.at().isBefore(f.expiresAt())) {
      return refuse(FreezeOutcome.Reason.NOT_ALLOWED, "freeze " + f.freezeId()
          + " is not due to expire");
    }
    return changed(new Freeze.Expired(f.terms(), e.at(), f.version() + 1), "freeze.expired");
  }

  private static FreezeOutcome changed(Freeze next, String action) {
    return new FreezeOutcome.Changed(next, action);
  }

  private static FreezeOutcome refuse(FreezeOutcome.Reason reason, String why) {
    return new FreezeOutcome.Rejected(reason, why);
  }
}
