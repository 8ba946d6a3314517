package io.holdfast.core.hold;

/** The result of a command: the hold's next state and what happened, or why not. */
public sealed interface HoldOutcome {
  /** The command changed the hold. */
  record Changed(Hold next, HoldEvent event) implements HoldOutcome {}

  /** The command was refused; the hold is unchanged. */
  record Rejected(HoldRejection rejection) implements HoldOutcome {}
}
