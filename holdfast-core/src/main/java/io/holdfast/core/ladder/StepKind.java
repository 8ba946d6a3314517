package io.holdfast.core.ladder;

import java.util.Locale;

/** The rungs of the cooling-off ladder, from the lightest touch to a person on the phone. */
public enum StepKind {
  /** A warning written for the suspected scam type. */
  WARNING,
  /** Questions whose answers can escalate the hold. */
  QUESTIONNAIRE,
  /** A call from an agent, for vulnerable senders and high risk. */
  CALL_TASK,
  /** A reminder with one-tap cancel, before the money moves. */
  REMINDER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
