package io.holdfast.core.rule;

/**
 * A rule that cannot be compiled: it does not parse, names a feature or transfer field that does
 * not exist, is not a boolean, repeats another rule's name, or is over a limit (then it is a
 * {@link RuleTooCostlyException}). The message always starts with {@code rule <name>:} so that
 * an operator or an API client can fix the right rule.
 */
public class RuleCompilationException extends RuntimeException {
  private final String ruleName;

  public RuleCompilationException(String ruleName, String problem) {
    super("rule " + ruleName + ": " + problem);
    this.ruleName = ruleName;
  }

  /** The name of the rule that failed, for an API to point at the offending entry. */
  public String ruleName() {
    return ruleName;
  }
}
