package io.holdfast.core.verdict;

/** What the Scam Verdict Model concludes about one victim report. */
public enum VerdictOutcome {
  /** The report describes a scam with enough confidence to act on automatically. */
  SCAM,
  /** The report does not describe a scam (a dispute, a mistake, or a false report). */
  NOT_SCAM,
  /** The model is not confident either way; an analyst decides. */
  NEEDS_REVIEW
}
