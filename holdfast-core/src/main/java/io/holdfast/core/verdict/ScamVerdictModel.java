package io.holdfast.core.verdict;

/**
 * The Scam Verdict Model: judges a victim report from its text (the narrative and the messages
 * the scammer sent) and the evidence the platform holds. Implementations are immutable and safe
 * to share between threads.
 */
public interface ScamVerdictModel {
  /** The version of the loaded model file, e.g. {@code verdict-1.0-3f2a9c1e}. */
  String version();

  /**
   * Judges one report. {@code text} may be empty but not null; {@code evidence} may be
   * {@link ReportEvidence#NONE}.
   */
  ScamVerdict judge(String text, ReportEvidence evidence);
}
