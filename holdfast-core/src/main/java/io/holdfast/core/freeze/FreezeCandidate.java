package io.holdfast.core.freeze;

import io.holdfast.core.verdict.VerdictOutcome;

/**
 * What the freeze policies need to know about a report's target before an automatic freeze.
 *
 * @param payingReporters distinct reporters, this one included, who really paid the target
 * @param targetAgeDays the target account's age; null for an external address
 * @param targetKycLevel the target account's verification level; null for an external address
 * @param targetCounterparties distinct accounts the target has exchanged money with
 */
public record FreezeCandidate(VerdictOutcome outcome, double probability,
    boolean reporterPaidTarget, int payingReporters, Integer targetAgeDays,
    Integer targetKycLevel, int targetCounterparties, boolean alreadyFrozen) {}
