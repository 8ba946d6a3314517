package io.holdfast.core.freeze;

import java.time.Instant;

/** What someone asks of a freeze; the freeze's own type decides whether it may. */
public sealed interface FreezeCommand {
  String actor();

  Instant at();

  /** An analyst (or a law-enforcement request) confirms a precautionary freeze. */
  record Confirm(String actor, Instant at, String note) implements FreezeCommand {}

  /** The frozen account's holder appeals, through the platform. */
  record Appeal(String actor, Instant at, String grounds) implements FreezeCommand {}

  /** The first of the two people an unfreeze needs asks for it. */
  record RequestUnfreeze(String actor, Instant at, String note) implements FreezeCommand {}

  /** A second person approves the pending unfreeze; the freeze is lifted. */
  record ApproveUnfreeze(String actor, Instant at) implements FreezeCommand {}

  /** The deadline of a precautionary freeze passed without confirmation. */
  record Expire(String actor, Instant at) implements FreezeCommand {}
}
