package io.holdfast.core.prevention;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.support.Invariants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores an account's exposure from its findings. Findings combine as independent signs (a
 * noisy-or: 1 minus the product of 1 minus each weight), which keeps every score explainable as
 * "these things, together", and no single finding can reach 1. Traits (vulnerability, age, past
 * losses) then raise the score the same way, but only when some pattern was found: a vulnerable
 * customer who did nothing unusual is not told they are at risk every day.
 */
public final class Assessor {
  private final List<ExposureRule> rules;
  private final List<ExposureRule> amplifiers;

  public Assessor(List<ExposureRule> rules, List<ExposureRule> amplifiers) {
    Invariants.check(!rules.isEmpty(), "an assessor needs rules");
    this.rules = List.copyOf(rules);
    this.amplifiers = List.copyOf(amplifiers);
  }

  public static Assessor defaults() {
    return new Assessor(ExposureRules.defaults(), ExposureRules.amplifiers());
  }

  /** A stable name for this set of rules, stored with each run. */
  public String version() {
    StringBuilder codes = new StringBuilder("exposure-v1");
    rules.forEach(r -> codes.append('+').append(r.code()));
    return Integer.toHexString(codes.toString().hashCode());
  }

  public Assessment assess(AccountActivity activity) {
    List<Finding> found = new ArrayList<>();
    for (ExposureRule rule : rules) {
      rule.check(activity).ifPresent(found::add);
    }
    if (found.isEmpty()) {
      return Assessment.clear(activity.accountId());
    }
    for (ExposureRule trait : amplifiers) {
      trait.check(activity).ifPresent(found::add);
    }
    found.sort(Comparator.comparing(Finding::amplifier)
        .thenComparing(Comparator.comparingDouble(Finding::weight).reversed()));
    double keep = 1;
    for (Finding f : found) {
      keep *= 1 - f.weight();
    }
    double score = 1 - keep;
    Invariants.check(score > 0 && score < 1, "a found pattern gives a score in (0, 1)");
    return new Assessment(activity.accountId(), score, resembles(found), found);
  }

  /** The scam type of the strongest finding that names one; GENERAL when none does. */
  private static ScamType resembles(List<Finding> sortedFindings) {
    return sortedFindings.stream().filter(f -> !f.amplifier())
        .map(Finding::resembles).filter(t -> t != ScamType.GENERAL).findFirst()
        .orElse(ScamType.GENERAL);
  }
}
