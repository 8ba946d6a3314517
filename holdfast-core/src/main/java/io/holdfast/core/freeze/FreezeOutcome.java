package io.holdfast.core.freeze;

/** The result of a command on a freeze: the next state, or why not. */
public sealed interface FreezeOutcome {
  /** The command changed the freeze; {@code action} names the change for the audit log. */
  record Changed(Freeze next, String action) implements FreezeOutcome {}

  /** The command was refused; the freeze is unchanged. */
  record Rejected(Reason reason, String explanation) implements FreezeOutcome {}

  /** Why a command was refused, so the adapter can map it to a typed problem. */
  enum Reason {
    ALREADY_ENDED,
    NOT_ALLOWED,
    SAME_PERSON
  }
}
