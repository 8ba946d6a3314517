package io.holdfast.core.outreach;

import io.holdfast.core.support.Invariants;
import java.time.Instant;

/** Whom an outreach conversation is with, about which case; unchanged for its whole life. */
public record OutreachTerms(String outreachId, String caseId, String victimAccount,
    String scamType, String language, Instant createdAt) {

  public OutreachTerms {
    Invariants.check(outreachId != null && caseId != null && victimAccount != null,
        "an outreach needs its id, case and victim");
    Invariants.check(scamType != null && language != null && createdAt != null,
        "an outreach needs a scam type, a language and a start");
  }
}
