package io.holdfast.core.outreach;

import java.time.Instant;

/** What happens to a conversation; its state's type decides what follows. */
public sealed interface OutreachCommand {
  Instant at();

  /** The platform showed the victim one of the conversation's messages. */
  record Shown(Instant at) implements OutreachCommand {}

  /** The victim replied through the platform. */
  record Reply(Instant at, ReplyIntent intent) implements OutreachCommand {}

  /** The conversation's stored deadline passed. */
  record Remind(Instant at) implements OutreachCommand {}

  /** Every claim the victim has on the case was repaid in full. */
  record Repay(Instant at) implements OutreachCommand {}
}
