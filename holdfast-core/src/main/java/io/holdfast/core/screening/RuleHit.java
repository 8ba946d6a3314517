package io.holdfast.core.screening;

import io.holdfast.core.support.Invariants;

/**
 * A rule whose expression matched a transfer, or a shadow rule that could not say: a shadow
 * rule's evaluation error is recorded here, beside its hits, instead of as an engine failure,
 * because a shadow rule never decides and so may never make a decision degraded either.
 *
 * @param outcome the direct outcome the rule asks for, or null when it only adds score
 * @param scoreContribution what the rule added to the risk score (0 for shadow rules)
 * @param shadow a shadow rule is recorded but never changes the decision
 * @param error null when the rule matched; else why this shadow rule has no answer
 */
public record RuleHit(
    String ruleName,
    int ruleVersion,
    String reasonCode,
    String description,
    double scoreContribution,
    Outcome outcome,
    boolean shadow,
    String error) {

  public RuleHit {
    Invariants.check(error == null || shadow,
        "only a shadow rule's error is a hit; an active rule's is an engine failure");
    Invariants.check(error == null || scoreContribution == 0.0,
        "a rule that has no answer contributes nothing");
  }

  /** A rule that matched. */
  public RuleHit(String ruleName, int ruleVersion, String reasonCode, String description,
      double scoreContribution, Outcome outcome, boolean shadow) {
    this(ruleName, ruleVersion, reasonCode, description, scoreContribution, outcome, shadow, null);
  }

  /** Whether the rule matched, rather than failing to be evaluated. */
  public boolean matched() {
    return error == null;
  }
}
