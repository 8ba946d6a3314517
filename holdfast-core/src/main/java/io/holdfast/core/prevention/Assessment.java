package io.holdfast.core.prevention;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.support.Invariants;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One account's scam exposure on one day: a score in [0, 1], the scam its findings resemble
 * most, and the findings themselves, which are the explanation.
 */
public record Assessment(String accountId, double score, ScamType resembles,
    List<Finding> findings) {

  public Assessment {
    Invariants.check(score >= 0 && score <= 1, "score out of range");
    findings = List.copyOf(findings);
    Invariants.check(score == 0 || findings.stream().anyMatch(f -> !f.amplifier()),
        "a positive score needs a finding that is not only a trait");
  }

  public static Assessment clear(String accountId) {
    return new Assessment(accountId, 0, ScamType.GENERAL, List.of());
  }

  /** The analyst's explanation: every finding, strongest first. */
  public String explanation() {
    return findings.stream().map(f -> f.code() + " (" + f.forAnalyst() + ")")
        .collect(Collectors.joining("; "));
  }

  /** "What we noticed" for the customer: the sentences of the findings that are not traits. */
  public String noticed() {
    return findings.stream().filter(f -> !f.amplifier()).map(Finding::forCustomer)
        .collect(Collectors.joining(" "));
  }

  /** Score in thousandths, as stored. */
  public int scoreMilli() {
    return (int) Math.round(score * 1000);
  }
}
