package io.holdfast.core.rule;

import io.holdfast.core.screening.Outcome;
import io.holdfast.core.support.Invariants;

/**
 * A screening rule as data: a CEL expression over {@code transfer} and {@code features}, what a
 * match contributes (a score, a direct outcome, or both) and the reason given to the user.
 *
 * @param outcome WARN, HOLD or BLOCK when a match decides the outcome directly, else null
 * @param score added to the risk score on a match, between 0 and 1
 * @param version bumped on every change to the rule
 */
public record Rule(
    String name,
    String expression,
    Outcome outcome,
    double score,
    String reasonCode,
    String description,
    RuleStatus status,
    int version) {

  public Rule {
    Invariants.check(name != null && name.matches("[a-z][a-z0-9_]{0,63}"), "bad rule name %s", name);
    Invariants.check(expression != null && !expression.isBlank(), "expression is required");
    Invariants.check(outcome != Outcome.ALLOW, "a rule cannot force ALLOW");
    Invariants.check(score >= 0.0 && score <= 1.0, "score must be in [0, 1], was %s", score);
    Invariants.check(
        reasonCode != null && reasonCode.matches("[A-Z][A-Z0-9_]{0,63}"), "bad reason %s", reasonCode);
    Invariants.check(status != null, "status is required");
    Invariants.check(version >= 1, "version must be at least 1");
  }

  public Rule withVersion(int newVersion) {
    return new Rule(name, expression, outcome, score, reasonCode, description, status, newVersion);
  }
}
