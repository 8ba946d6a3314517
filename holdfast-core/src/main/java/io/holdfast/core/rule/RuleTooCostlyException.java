package io.holdfast.core.rule;

/**
 * A rule that compiles but is over a {@link RuleLimits} bound: too long, nested too deeply, or
 * able to iterate more than a rule may in one evaluation. The message says which limit and its
 * value, in plain words.
 */
public final class RuleTooCostlyException extends RuleCompilationException {
  public RuleTooCostlyException(String ruleName, String problem) {
    super(ruleName, problem);
  }
}
