package io.holdfast.core.prevention;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.support.Invariants;

/**
 * One thing an assessment noticed, with its weight in the score, the scam it resembles, and a
 * sentence for the person (the customer, "what we noticed") and one for the analyst.
 *
 * @param amplifier true for a trait (vulnerability, age, past losses) that raises the score of
 *     other findings but never makes an account exposed on its own
 */
public record Finding(String code, double weight, boolean amplifier, ScamType resembles,
    String forCustomer, String forAnalyst) {

  public Finding {
    Invariants.check(code != null && !code.isBlank(), "finding code is required");
    Invariants.check(weight > 0 && weight < 1, "finding weight must lie in (0, 1)");
    Invariants.check(resembles != null, "a finding says which scam it resembles");
    Invariants.check(forCustomer != null && forAnalyst != null, "a finding explains itself");
  }
}
