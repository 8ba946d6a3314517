package io.holdfast.core.outreach;

import io.holdfast.core.outreach.Outreach.ClaimFiled;
import io.holdfast.core.outreach.Outreach.Contacted;
import io.holdfast.core.outreach.Outreach.Declined;
import io.holdfast.core.outreach.Outreach.Read;
import io.holdfast.core.outreach.Outreach.Repaid;
import io.holdfast.core.outreach.Outreach.Replied;
import io.holdfast.core.outreach.Outreach.Unreachable;
import io.holdfast.core.outreach.OutreachCommand.Remind;
import io.holdfast.core.outreach.OutreachCommand.Repay;
import io.holdfast.core.outreach.OutreachCommand.Reply;
import io.holdfast.core.outreach.OutreachCommand.Shown;
import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an outreach conversation moves. The guide goes one message at a time, each sent when the
 * victim has read the one before (or wrote back), so nobody gets five messages at once from a
 * platform they have never heard from about this. An unread conversation is reminded after
 * {@code reminderAfter} (one entry per reminder) and becomes unreachable {@code giveUpAfter}
 * the last one; a read one is nudged about the claim on the same schedule and then left alone.
 *
 * @param reminderAfter the wait before each reminder, in order (default 3 days, then 4)
 * @param giveUpAfter the wait after the last reminder before an unread conversation is given up
 */
public record OutreachPolicy(List<Duration> reminderAfter, Duration giveUpAfter) {

  public OutreachPolicy {
    reminderAfter = List.copyOf(reminderAfter);
    Invariants.check(reminderAfter.size() <= 10, "at most ten reminders");
    Invariants.check(reminderAfter.stream().allMatch(d -> d.compareTo(Duration.ofMinutes(1)) >= 0)
        && giveUpAfter.compareTo(Duration.ofMinutes(1)) >= 0, "waits are at least a minute");
  }

  public static OutreachPolicy defaults() {
    return new OutreachPolicy(List.of(Duration.ofDays(3), Duration.ofDays(4)), Duration.ofDays(7));
  }

  /** A new conversation: contacted, with the first message of the guide. */
  public OutreachOutcome.Changed open(OutreachTerms terms) {
    return new OutreachOutcome.Changed(new Contacted(terms, 1, 0, wait(terms.createdAt(), 0), 1),
        "outreach.contacted", List.of(OutreachStep.GUIDE.get(0)));
  }

  OutreachOutcome handle(Outreach o, OutreachCommand command) {
    if (o instanceof Repaid || o instanceof Declined) {
      return new OutreachOutcome.Rejected(OutreachOutcome.Reason.CLOSED, "outreach "
          + o.terms().outreachId() + " is closed: " + o.stateName().toLowerCase(java.util.Locale.ROOT));
    }
    OutreachOutcome outcome;
    if (command instanceof Reply r) {
      outcome = reply(o, r);
    } else if (command instanceof Shown s) {
      outcome = shown(o, s);
    } else if (command instanceof Remind r) {
      outcome = remind(o, r);
    } else {
      outcome = repay(o, (Repay) command);
    }
    if (outcome instanceof OutreachOutcome.Changed c) {
      Invariants.check(c.next().version() == o.version() + 1, "version must step by one");
      Invariants.check(c.next().terms().equals(o.terms()), "terms never change");
    }
    return outcome;
  }

  private OutreachOutcome reply(Outreach o, Reply r) {
    int v = o.version() + 1;
    switch (r.intent()) {
      case CONFIRM_LOSS -> {
        if (o instanceof ClaimFiled) {
          return refuse(o, "the loss was already confirmed and the claim filed");
        }
        return changed(new ClaimFiled(o.terms(), r.at(), v), "outreach.claim_filed",
            OutreachStep.RECEIVED);
      }
      case DECLINE -> {
        return changed(new Declined(o.terms(), r.at(), v), "outreach.declined",
            OutreachStep.DECLINED);
      }
      default -> {
        if (o instanceof ClaimFiled c) {
          return changed(new ClaimFiled(o.terms(), c.filedAt(), v), "outreach.replied");
        }
        int sent = guideSent(o);
        boolean more = sent < OutreachStep.GUIDE.size();
        Outreach next = new Replied(o.terms(), more ? sent + 1 : sent, reminders(o),
            nudgeAt(r.at(), reminders(o)), v);
        return more ? changed(next, "outreach.replied", OutreachStep.GUIDE.get(sent))
            : changed(next, "outreach.replied");
      }
    }
  }

  private OutreachOutcome shown(Outreach o, Shown s) {
    if (o instanceof ClaimFiled c) {
      return changed(new ClaimFiled(o.terms(), c.filedAt(), o.version() + 1), "outreach.read");
    }
    int sent = guideSent(o);
    boolean more = sent < OutreachStep.GUIDE.size();
    int reminders = o instanceof Unreachable ? 0 : reminders(o);
    Instant nextAt = nudgeAt(s.at(), reminders);
    Outreach next = o instanceof Replied
        ? new Replied(o.terms(), more ? sent + 1 : sent, reminders, nextAt, o.version() + 1)
        : new Read(o.terms(), more ? sent + 1 : sent, reminders, nextAt, o.version() + 1);
    return more ? changed(next, "outreach.read", OutreachStep.GUIDE.get(sent))
        : changed(next, "outreach.read");
  }

  private OutreachOutcome remind(Outreach o, Remind r) {
    if (o.nextAt() == null || r.at().isBefore(o.nextAt())) {
      return refuse(o, "no reminder is due");
    }
    int reminders = reminders(o) + 1;
    int v = o.version() + 1;
    if (o instanceof Contacted c) {
      if (c.remindersSent() >= reminderAfter.size()) {
        return changed(new Unreachable(o.terms(), r.at(), c.guideSent(), v),
            "outreach.unreachable");
      }
      return changed(new Contacted(o.terms(), c.guideSent(), reminders, wait(r.at(), reminders),
          v), "outreach.reminded", OutreachStep.REMINDER);
    }
    // Read or replied: nudge about the claim while reminders last, then leave them be.
    Instant nextAt = nudgeAt(r.at(), reminders);
    Outreach next = o instanceof Replied p
        ? new Replied(o.terms(), p.guideSent(), reminders, nextAt, v)
        : new Read(o.terms(), guideSent(o), reminders, nextAt, v);
    return changed(next, "outreach.reminded", OutreachStep.REMINDER);
  }

  private OutreachOutcome repay(Outreach o, Repay r) {
    if (!(o instanceof ClaimFiled)) {
      return refuse(o, "only a filed claim is repaid");
    }
    return changed(new Repaid(o.terms(), r.at(), o.version() + 1), "outreach.repaid",
        OutreachStep.REPAID);
  }

  /** The deadline after {@code reminders} reminders: the next wait, or the give-up wait. */
  Instant wait(Instant from, int reminders) {
    return from.plus(reminders < reminderAfter.size() ? reminderAfter.get(reminders)
        : giveUpAfter);
  }

  /** When a read conversation is next nudged about its claim; null once reminders ran out. */
  Instant nudgeAt(Instant from, int reminders) {
    return reminders < reminderAfter.size() ? from.plus(reminderAfter.get(reminders)) : null;
  }

  private static int guideSent(Outreach o) {
    if (o instanceof Contacted c) {
      return c.guideSent();
    }
    if (o instanceof Read r) {
      return r.guideSent();
    }
    if (o instanceof Replied r) {
      return r.guideSent();
    }
    return o instanceof Unreachable u ? u.guideSent() : OutreachStep.GUIDE.size();
  }

  private static int reminders(Outreach o) {
    if (o instanceof Contacted c) {
      return c.remindersSent();
    }
    if (o instanceof Read r) {
      return r.remindersSent();
    }
    return o instanceof Replied r ? r.remindersSent() : 0;
  }

  private static OutreachOutcome changed(Outreach next, String action, OutreachStep... send) {
    return new OutreachOutcome.Changed(next, action, List.of(send));
  }

  private static OutreachOutcome refuse(Outreach o, String why) {
    return new OutreachOutcome.Rejected(OutreachOutcome.Reason.NOT_ALLOWED, "outreach "
        + o.terms().outreachId() + ": " + why);
  }
}
