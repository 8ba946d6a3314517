package io.holdfast.core.hold;

import java.time.Instant;

/** What happened to a hold, in the past tense; money-moving events become instructions. */
public sealed interface HoldEvent {
  String holdId();

  Instant at();

  /** The money goes to the recipient; {@code note} is why, when a person said (else null). */
  record Released(String holdId, Instant at, Resolution resolution, String note)
      implements HoldEvent {}

  /** The money goes back to the sender; {@code note} is why, when a person said (else null). */
  record Returned(String holdId, Instant at, Resolution resolution, String note)
      implements HoldEvent {}

  /** The hold is now under investigation. */
  record Escalated(String holdId, Instant at, String finding, Instant releaseAt)
      implements HoldEvent {}

  /** The ladder moved on to {@code nextStep}. */
  record LadderAdvanced(String holdId, Instant at, int nextStep) implements HoldEvent {}

  /** The hold's deadline moved earlier, for the reason given. */
  record Shortened(String holdId, Instant at, Instant releaseAt, String why)
      implements HoldEvent {}

  /** The hold's deadline moved later; {@code why}, when a person said (else null). */
  record Extended(String holdId, Instant at, Instant releaseAt, String why)
      implements HoldEvent {}
}
