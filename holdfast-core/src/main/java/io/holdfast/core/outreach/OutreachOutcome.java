package io.holdfast.core.outreach;

import java.util.List;

/** The result of a command on a conversation: the next state and what to send, or why not. */
public sealed interface OutreachOutcome {
  /** {@code action} names the change for the audit log; {@code send} are the messages due. */
  record Changed(Outreach next, String action, List<OutreachStep> send)
      implements OutreachOutcome {
    public Changed {
      send = List.copyOf(send);
    }
  }

  /** The command was refused; the conversation is unchanged. */
  record Rejected(Reason reason, String explanation) implements OutreachOutcome {}

  /** Why a command was refused, so the adapter can map it to a typed problem. */
  enum Reason {
    CLOSED,
    NOT_ALLOWED
  }
}
