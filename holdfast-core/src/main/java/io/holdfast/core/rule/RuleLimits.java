package io.holdfast.core.rule;

import io.holdfast.core.support.Invariants;

/**
 * What a rule may cost, so that no rule, however written, can make screening slow. The first
 * three are checked when a rule is saved (and when a ruleset is backtested); the iteration limit
 * is enforced by CEL in every evaluation as well, and the deadline bounds all the rules of one
 * screening together.
 *
 * @param maxExpressionChars the longest expression, in characters
 * @param maxNestingDepth how deeply an expression may nest (CEL's parse recursion depth: each
 *     operand of a chain of {@code +}, each bracket, call, selection and comprehension counts)
 * @param maxIterations comprehension iterations one evaluation of one rule may take, all its
 *     comprehensions together; estimated from the expression when the rule is saved, and CEL
 *     stops an evaluation that reaches it (the rule then fails for that transfer)
 * @param deadlineNanos how long the rules of one screening may take; once it has passed, the
 *     rules that still need CEL are skipped: a skipped active rule degrades the decision (the
 *     fail-safe holds the transfer), a skipped shadow rule is recorded as skipped
 */
public record RuleLimits(
    int maxExpressionChars, int maxNestingDepth, int maxIterations, long deadlineNanos) {

  public RuleLimits {
    Invariants.check(maxExpressionChars >= 1 && maxExpressionChars <= 100_000,
        "max expression chars must be in [1, 100000], was %s", maxExpressionChars);
    // 250 is CEL's own default; beyond it the parser's recursion risks the stack.
    Invariants.check(maxNestingDepth >= 1 && maxNestingDepth <= 250,
        "max nesting depth must be in [1, 250], was %s", maxNestingDepth);
    Invariants.check(maxIterations >= 0, "max iterations must be >= 0, was %s", maxIterations);
    Invariants.check(deadlineNanos > 0, "the rules' deadline must be positive, was %s ns",
        deadlineNanos);
  }

  /**
   * Generous for every readable rule (the default rules nest 3 deep and iterate not at all),
   * tight enough that one rule costs about a millisecond at most: 4,000 characters, 32 levels
   * and 1,000 iterations. The 500 ms deadline for all the rules of a screening is a backstop:
   * the default rules take well under a millisecond, 4 ms on a cold start, and it is set far
   * above a long garbage-collection pause, because passing it holds the transfer.
   */
  public static RuleLimits defaults() {
    return new RuleLimits(4_000, 32, 1_000, 500_000_000L);
  }
}
