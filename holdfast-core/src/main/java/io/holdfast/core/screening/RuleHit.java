package io.holdfast.core.screening;

/**
 * A rule whose expression matched a transfer.
 *
 * @param outcome the direct outcome the rule asks for, or null when it only adds score
 * @param scoreContribution what the rule added to the risk score (0 for shadow rules)
 * @param shadow a shadow rule is recorded but never changes the decision
 */
public record RuleHit(
    String ruleName,
    int ruleVersion,
    String reasonCode,
    String description,
    double scoreContribution,
    Outcome outcome,
    boolean shadow) {}
