package io.holdfast.core.simulation;

import io.holdfast.core.verdict.ReportEvidence;

/**
 * One generated victim report.
 *
 * @param id the report's number in its generator's sequence, from 1
 * @param kind what the report really is
 * @param text the narrative, with any messages the scammer sent quoted in it
 * @param evidence what the platform's records say; {@link ReportEvidence#NONE} or partly null
 *     when the generator simulates a report judged without (some of) the records
 * @param scam the ground truth: whether the report describes a real scam
 * @param labelledScam the label an analyst recorded; it differs from {@code scam} for a few
 *     reports (label noise), as real labels do
 */
public record GeneratedReport(long id, ReportKind kind, String text, ReportEvidence evidence,
    boolean scam, boolean labelledScam) {}
