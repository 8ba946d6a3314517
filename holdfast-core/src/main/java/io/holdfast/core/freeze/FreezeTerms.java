package io.holdfast.core.freeze;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * What a freeze is about and why it began; unchanged for the freeze's whole life.
 *
 * @param subjectKey the frozen counterparty key ({@code a:<account>} or {@code x:<net>:<address>})
 * @param accountId the platform account when the subject is internal, else null
 * @param basis why it was frozen: a scam verdict, an analyst, or a law-enforcement request
 */
public record FreezeTerms(String freezeId, String caseId, String subjectKey, String accountId,
    FreezeBasis basis, String reason, Instant createdAt, String createdBy) {

  public FreezeTerms {
    Invariants.check(freezeId != null && caseId != null, "a freeze needs an id and a case");
    Invariants.check(subjectKey != null
        && (subjectKey.startsWith("a:") || subjectKey.startsWith("x:")), "bad subject key");
    Invariants.check(subjectKey.startsWith("a:") == (accountId != null),
        "only an internal subject names an account");
    Invariants.check(basis != null && createdAt != null && createdBy != null, "terms incomplete");
  }

  public boolean internal() {
    return accountId != null;
  }
}
