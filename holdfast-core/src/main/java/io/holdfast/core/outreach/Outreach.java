package io.holdfast.core.outreach;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * An outreach conversation with a victim who never reported, as one of its states. The open
 * states ({@link Contacted}, {@link Read}, {@link Replied}) carry how much of the guide was
 * sent, how many reminders, and the stored deadline of the next reminder ({@code nextAt}, null
 * when none is due). {@link ClaimFiled} waits for restitution; {@link Repaid} and
 * {@link Declined} are closed; {@link Unreachable} stops reminding but a late reply revives it.
 */
public sealed interface Outreach {
  OutreachTerms terms();

  int version();

  /** When the next reminder is due; null when none is. */
  default Instant nextAt() {
    return null;
  }

  default OutreachOutcome handle(OutreachCommand command, OutreachPolicy policy) {
    return policy.handle(this, command);
  }

  /** The state's name in the store and the API. */
  default String stateName() {
    return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2")
        .toUpperCase(java.util.Locale.ROOT);
  }

  private static void checkOpen(int guideSent, int remindersSent, int version) {
    Invariants.check(guideSent >= 1 && guideSent <= OutreachStep.GUIDE.size(),
        "an open conversation has sent part of the guide");
    Invariants.check(remindersSent >= 0 && version >= 1, "counts start at zero, versions at 1");
  }

  /** The first message was sent; the victim has not read anything yet. */
  record Contacted(OutreachTerms terms, int guideSent, int remindersSent, Instant nextAt,
      int version) implements Outreach {
    public Contacted {
      checkOpen(guideSent, remindersSent, version);
      Invariants.check(nextAt != null, "an unread conversation always has its next reminder");
    }
  }

  /** The victim has read at least one message. */
  record Read(OutreachTerms terms, int guideSent, int remindersSent, Instant nextAt,
      int version) implements Outreach {
    public Read {
      checkOpen(guideSent, remindersSent, version);
    }
  }

  /** The victim wrote back without filing or declining. */
  record Replied(OutreachTerms terms, int guideSent, int remindersSent, Instant nextAt,
      int version) implements Outreach {
    public Replied {
      checkOpen(guideSent, remindersSent, version);
    }
  }

  /** The victim confirmed the loss: their claim counts like a reporter's. */
  record ClaimFiled(OutreachTerms terms, Instant filedAt, int version) implements Outreach {}

  /** Every claim of the victim on the case was repaid in full. */
  record Repaid(OutreachTerms terms, Instant repaidAt, int version) implements Outreach {}

  /** The victim said it was not a scam, or asked not to be contacted. */
  record Declined(OutreachTerms terms, Instant declinedAt, int version) implements Outreach {}

  /** Nothing was read after every reminder. */
  record Unreachable(OutreachTerms terms, Instant since, int guideSent, int version)
      implements Outreach {}
}
