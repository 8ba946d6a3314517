package io.holdfast.core.prevention;

/** What opened an intervention task. */
public enum InterventionSource {
  /** The cooling-off ladder of a held payment. */
  LADDER,
  /** The daily proactive risk assessment. */
  ASSESSMENT,
  /** An analyst, by hand. */
  ANALYST
}
