package io.holdfast.server.rules;

import io.holdfast.server.web.ProblemType;

/**
 * What the validation of one expression found: it compiles within the limits, or the problem
 * type the API would answer (invalid-rule, rule-too-costly) with what is wrong, in words.
 */
public record ExpressionCheck(boolean compiles, String problem, String message) {
  static final ExpressionCheck COMPILES = new ExpressionCheck(true, null,
      "Compiles, within the cost limits.");

  static ExpressionCheck refused(ProblemType type, String message) {
    return new ExpressionCheck(false, type.uri().toString(), message);
  }

  /** Whether it was refused for what it would cost rather than for what it says. */
  public boolean tooCostly() {
    return ProblemType.RULE_TOO_COSTLY.uri().toString().equals(problem);
  }
}
