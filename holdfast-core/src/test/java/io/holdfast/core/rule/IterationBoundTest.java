package io.holdfast.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.screening.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The iteration estimate counts what CEL's own limit counts (every iteration of every
 * comprehension in one evaluation), for every way a rule can make a list to range over, and
 * refuses a range it cannot size rather than guessing.
 */
class IterationBoundTest {
  /** The bound, or -1 when a range cannot be sized. */
  private static long bound(String expression) {
    Rule rule = new Rule("r", expression, Outcome.WARN, 0.1, "R", "R.", RuleStatus.ACTIVE, 1);
    return IterationBound.of(CelEnvironment.of(RuleLimits.defaults()).compile(rule).ast().getExpr())
        .orElse(-1);
  }

  @Test
  void aRuleWithoutComprehensionsTakesNone() {
    assertThat(bound("features.sender_count_1h > 3.0 && transfer.currency in ['USD', 'EUR']"))
        .isZero();
  }

  @Test
  void literalListsAndMapsCountTheirElements() {
    assertThat(bound("[1, 2, 3].exists(x, x == transfer.amount_minor)")).isEqualTo(3);
    assertThat(bound("{'a': 1, 'b': 2}.all(k, k != transfer.channel)")).isEqualTo(2);
    assertThat(bound("[].all(x, x == 1)")).isZero();
  }

  @Test
  void nestedComprehensionsMultiplyAndSiblingsAdd() {
    assertThat(bound("[1, 2, 3].all(x, [1, 2].all(y, x + y > transfer.amount_minor))"))
        .isEqualTo(3 + 3 * 2);
    assertThat(bound("[1, 2, 3].all(x, x > 0) && [1, 2].exists(y, y > 1)")).isEqualTo(5);
  }

  @Test
  void listsBuiltFromListsAreSizedByWhatTheyAreBuiltFrom() {
    // map and filter: 3 to build, then at most 3 to range over.
    assertThat(bound("[1, 2, 3].map(x, x * 2).all(y, y > 0)")).isEqualTo(6);
    assertThat(bound("[1, 2, 3].filter(x, x > 1).all(y, y > 0)")).isEqualTo(6);
    assertThat(bound("([1, 2] + [3, 4, 5]).all(x, x > 0)")).isEqualTo(5);
    assertThat(bound("(transfer.amount_minor > 5 ? [1] : [1, 2, 3, 4]).all(x, x > 0)"))
        .isEqualTo(4);
    assertThat(bound("[[1, 2], [3, 4, 5]][1].all(x, x > 0)")).isEqualTo(3);
  }

  @Test
  void aComprehensionVariableThatIsAListIsSizedByTheLargestElement() {
    assertThat(bound("[[1, 2], [3, 4, 5]].all(l, l.all(x, x > 0))")).isEqualTo(2 + 2 * 3);
  }

  @Test
  void aRangeThatCannotBeSizedIsUnbounded() {
    assertThat(bound("[1, 2].map(x, [x, x]).all(l, l.all(y, y > 0))")).isEqualTo(-1);
  }

  @Test
  void theCountSaturatesInsteadOfOverflowing() {
    String list = "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,"
        + "28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49]";
    String expression = "true";
    for (int d = 0; d < 12; d++) {
      expression = list + ".all(v" + d + ", " + expression + ")";
    }
    // 50^12 is more than Long.MAX_VALUE.
    assertThat(bound(expression)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anUnboundedRangeIsRefusedInPlainWords() {
    Rule rule = new Rule("lists", "[1, 2].map(x, [x, x]).all(l, l.all(y, y > 0))", Outcome.WARN,
        0.1, "R", "R.", RuleStatus.ACTIVE, 1);
    assertThatThrownBy(() -> RuleSet.validate(rule))
        .isInstanceOf(RuleTooCostlyException.class)
        .hasMessageStartingWith("rule lists: a comprehension ranges over a list whose size cannot"
            + " be told from the expression");
  }
}
