package io.holdfast.core.prevention;

import io.holdfast.core.support.Invariants;
import java.util.List;
import java.util.stream.Collectors;

/** The chronic-victim policy's answer: chronic or not, and every reason that made it so. */
public record ChronicAssessment(boolean chronic, List<ChronicReason> reasons) {
  public ChronicAssessment {
    reasons = List.copyOf(reasons);
    Invariants.check(chronic != reasons.isEmpty(),
        "a chronic victim has reasons, anyone else none");
  }

  /** The reasons as one line, for the register's row and the audit log. */
  public String summary() {
    return reasons.stream().map(ChronicReason::toString).collect(Collectors.joining("; "));
  }
}
