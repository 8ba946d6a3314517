package io.holdfast.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.screening.EngineFailure;
import io.holdfast.core.screening.Outcome;
import io.holdfast.core.screening.RuleHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  private static Rule rule(String name, String expression, RuleStatus status) {
    return new Rule(name, expression, Outcome.WARN, 0.4, "TEST_REASON", "A test rule.", status, 2);
  }

  private static Rule rule(String name, String expression) {
    return rule(name, expression, RuleStatus.ACTIVE);
  }

  @Test
  void unknownFeatureNamesTheRuleAndTheFeature() {
    Rule bad = rule("big_first", "features.frist_transfer_to_recipient");
    assertThatThrownBy(() -> RuleSet.compile(1, List.of(bad)))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageStartingWith("rule big_first: unknown feature 'frist_transfer_to_recipient'")
        .hasMessageContaining("first_transfer_to_recipient");
  }

  @Test
  void unknownTransferKeyIsRejected() {
    Rule bad = rule("x", "transfer.amount > 5");
    assertThatThrownBy(() -> RuleSet.validate(bad))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageStartingWith("rule x: unknown transfer key 'amount'")
        .hasMessageContaining("amount_minor");
  }

  @Test
  void nonBooleanExpressionIsRejected() {
    assertThatThrownBy(() -> RuleSet.validate(rule("x", "features.amount_usd_minor * 2.0")))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessage("rule x: expression must be a boolean, was double");
  }

  @Test
  void syntaxErrorIsRejected() {
    assertThatThrownBy(() -> RuleSet.validate(rule("broken", "features.sender_count_1h >= (")))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageStartingWith("rule broken: syntax error");
  }

  @Test
  void typeErrorIsRejected() {
    assertThatThrownBy(() -> RuleSet.validate(rule("t", "features.sender_known > 1.0")))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageStartingWith("rule t: type error");
  }

  @Test
  void tooLongExpressionIsRejected() {
    String longExpression = "true" + " && true".repeat(600);
    assertThatThrownBy(() -> RuleSet.validate(rule("long_one", longExpression)))
        .isInstanceOf(RuleTooCostlyException.class)
        .hasMessageContaining("rule long_one:")
        .hasMessageContaining("at most 4000");
    String longest = "true" + " && true".repeat(499) + "    ";
    assertThat(longest).hasSize(4_000);
    RuleSet.validate(rule("longest", longest));
  }

  @Test
  void tooDeeplyNestedExpressionIsRejected() {
    // Each operand of a chain of + is a level of CEL's parse recursion, and so is the select:
    // 30 additions are 32 levels, 31 are 33.
    String deep = "transfer.amount_minor" + " + 1".repeat(31) + " > 0";
    assertThatThrownBy(() -> RuleSet.validate(rule("deep", deep)))
        .isInstanceOf(RuleTooCostlyException.class)
        .hasMessage("rule deep: expression nests more than 32 levels deep, the most allowed"
            + " (each bracket, call, comprehension and operand of a chain of operators is a"
            + " level)");
    RuleSet.validate(rule("deepest", "transfer.amount_minor" + " + 1".repeat(30) + " > 0"));
  }

  @Test
  void limitsAreConfigurable() {
    RuleLimits tight = new RuleLimits(100, 8, 10, 1_000_000L);
    assertThatThrownBy(() -> RuleSet.validate(rule("eleven", nested(1, 11)), tight))
        .isInstanceOf(RuleTooCostlyException.class)
        .hasMessageContaining("up to 11 comprehension iterations")
        .hasMessageContaining("at most 10 are allowed");
    RuleSet.validate(rule("ten", nested(1, 10)), tight);
    assertThatThrownBy(() -> RuleSet.validate(rule("long", "true" + " && true".repeat(13)),
        tight)).hasMessageContaining("at most 100");
  }

  @Test
  void duplicateNamesAreRejected() {
    List<Rule> rules = List.of(rule("twice", "true"), rule("twice", "false"));
    assertThatThrownBy(() -> RuleSet.compile(1, rules))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageStartingWith("rule twice:")
        .extracting(e -> ((RuleCompilationException) e).ruleName())
        .isEqualTo("twice");
  }

  @Test
  void disabledRulesAreCompiledToo() {
    Rule bad = rule("off", "features.nope", RuleStatus.DISABLED);
    assertThatThrownBy(() -> RuleSet.compile(1, List.of(bad)))
        .isInstanceOf(RuleCompilationException.class);
  }

  @Test
  void integerLiteralsCompareWithDoubleFeatures() {
    RuleSet set = RuleSet.compile(3, List.of(rule("burst", "features.sender_count_1h >= 5")));
    Scenario s = Scenario.ordinary().set(Feature.SENDER_COUNT_1H, 5);
    assertThat(set.evaluate(s.transfer(), s.features()).hits()).hasSize(1);
    assertThat(set.evaluate(s.transfer(), s.features(), false).hits()).hasSize(1);
    assertThat(set.version()).isEqualTo(3);
    assertThat(set.rules()).hasSize(1);
  }

  @Test
  void transferKeysAreReadable() {
    String expression =
        "transfer.network == 'ETH' && transfer.recipient_account == ''"
            + " && transfer.recipient_address.startsWith('0xabc') && transfer.currency == 'USDT'"
            + " && transfer.amount_minor == 1000000 && transfer.channel == 'web'"
            + " && transfer.created_at.startsWith('2025-03-01') && transfer.transfer_id == 't-2'"
            + " && transfer.sender_account == 'acct-sender'";
    RuleSet set = RuleSet.compile(1, List.of(rule("all_keys", expression)));
    Scenario external = Scenario.ordinary().external();
    assertThat(set.evaluate(external.transfer(), external.features()).hits()).hasSize(1);
    Scenario account = Scenario.ordinary();
    assertThat(set.evaluate(account.transfer(), account.features()).hits()).isEmpty();
  }

  @Test
  void activeHitCarriesTheRule() {
    RuleSet set = RuleSet.compile(1, List.of(rule("listed", "features.recipient_on_intel_list")));
    Scenario s = Scenario.ordinary().set(Feature.RECIPIENT_ON_INTEL_LIST, true);
    assertThat(set.evaluate(s.transfer(), s.features()).hits())
        .containsExactly(
            new RuleHit("listed", 2, "TEST_REASON", "A test rule.", 0.4, Outcome.WARN, false));
  }

  @Test
  void shadowRuleIsRecordedWithoutContribution() {
    RuleSet set = RuleSet.compile(1, List.of(rule("quiet", "true", RuleStatus.SHADOW)));
    Scenario s = Scenario.ordinary();
    assertThat(set.evaluate(s.transfer(), s.features()).hits())
        .containsExactly(
            new RuleHit("quiet", 2, "TEST_REASON", "A test rule.", 0.0, Outcome.WARN, true));
  }

  @Test
  void disabledRuleIsNotEvaluated() {
    // It would fail at run time if it were evaluated, so no failure proves it was skipped.
    List<Rule> rules =
        List.of(
            rule("off", "transfer.amount_minor / 0 > 1", RuleStatus.DISABLED),
            rule("on", "true"));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result = RuleSet.compile(1, rules).evaluate(s.transfer(), s.features());
    assertThat(result.hits()).extracting(RuleHit::ruleName).containsExactly("on");
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void evaluationErrorBecomesFailureAndOtherRulesStillRun() {
    List<Rule> rules =
        List.of(
            rule("before", "true"),
            rule("divides_by_zero", "transfer.amount_minor / 0 > 1"),
            rule("after", "features.amount_usd_minor > 0"));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result = RuleSet.compile(1, rules).evaluate(s.transfer(), s.features());
    assertThat(result.hits()).extracting(RuleHit::ruleName).containsExactly("before", "after");
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.component()).isEqualTo("rule:divides_by_zero");
      assertThat(f.message()).contains("by zero");
    });
  }

  @Test
  void overflowBecomesFailure() {
    Rule rule = rule("overflow", "transfer.amount_minor * 9223372036854775807 > 1");
    Scenario s = Scenario.ordinary();
    List<EngineFailure> failures =
        RuleSet.compile(1, List.of(rule)).evaluate(s.transfer(), s.features()).failures();
    assertThat(failures).extracting(EngineFailure::component).containsExactly("rule:overflow");
  }

  /** {@code depth} comprehensions over [0, 1, ..., width - 1], each inside the last. */
  static String nested(int depth, int width) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < width; i++) {
      list.append(i == 0 ? "" : ",").append(i);
    }
    list.append(']');
    StringBuilder sum = new StringBuilder("transfer.amount_minor");
    for (int d = 0; d < depth; d++) {
      sum.append(" + v").append(d);
    }
    String expression = sum + " >= 0";
    for (int d = depth - 1; d >= 0; d--) {
      expression = list + ".all(v" + d + ", " + expression + ")";
    }
    return expression;
  }

  @Test
  void aShadowRuleThatCannotBeEvaluatedIsNoFailure() {
    List<Rule> rules = List.of(rule("divides", "1 / (transfer.amount_minor"
        + " - transfer.amount_minor) == 0", RuleStatus.SHADOW), rule("after", "true"));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result = RuleSet.compile(1, rules).evaluate(s.transfer(), s.features());
    assertThat(result.failures()).isEmpty();
    // Active rules run before shadow ones, whatever the order they are stored in.
    assertThat(result.hits()).extracting(RuleHit::ruleName, RuleHit::matched)
        .containsExactly(tuple("after", true), tuple("divides", false));
    assertThat(result.hits().get(1).error()).contains("by zero");
  }

  @Test
  void pastTheDeadlineTheRulesThatNeedCelAreSkippedAndTheActiveOnesNamed() {
    // Each read of the ticker is 60 ms after the last; the deadline is 100 ms.
    long[] reads = {0};
    java.util.function.LongSupplier ticker = () -> 60_000_000L * reads[0]++;
    RuleLimits limits = new RuleLimits(4_000, 32, 1_000, 100_000_000L);
    List<Rule> rules = List.of(
        rule("late_shadow", "transfer.channel != ''", RuleStatus.SHADOW),
        rule("first", "transfer.channel != ''"),
        rule("second", "transfer.channel != ''"),
        rule("dismissed", "features.sender_count_1h > 1000.0 && transfer.channel != ''"),
        rule("third", "transfer.channel != ''"),
        rule("fourth", "transfer.channel != ''"));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result =
        RuleSet.compile(1, rules, limits, ticker).evaluate(s.transfer(), s.features());
    // first starts the clock (0), second runs at 60 ms, third finds 120 ms: it and every later
    // rule that needs CEL are skipped without reading the clock again. The guard dismisses
    // "dismissed" exactly, deadline or not.
    assertThat(reads[0]).isEqualTo(3);
    assertThat(result.hits()).extracting(RuleHit::ruleName, RuleHit::matched)
        .containsExactly(tuple("first", true), tuple("second", true),
            tuple("late_shadow", false));
    assertThat(result.hits().get(2).error())
        .isEqualTo("skipped: the rules' deadline of 100 ms had passed");
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.component()).isEqualTo("rules");
      assertThat(f.message()).isEqualTo("the rules' deadline of 100 ms passed; 2 active rule(s)"
          + " were not evaluated: third, fourth");
    });
  }

  @Test
  void rulesWithinTheDeadlineAllRun() {
    long[] reads = {0};
    java.util.function.LongSupplier ticker = () -> 50_000_000L * reads[0]++;
    RuleLimits limits = new RuleLimits(4_000, 32, 1_000, 100_000_000L);
    List<Rule> rules = List.of(rule("one", "transfer.channel != ''"),
        rule("two", "transfer.channel != ''"), rule("three", "transfer.channel != ''"));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result =
        RuleSet.compile(1, rules, limits, ticker).evaluate(s.transfer(), s.features());
    // The clock reads 0, 50 and 100 ms: 100 ms is not past the deadline of 100 ms.
    assertThat(result.hits()).extracting(RuleHit::ruleName).containsExactly("one", "two", "three");
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void fiveNestedComprehensionsAreRefusedBeforeTheyAreSaved() {
    // The rule of the report: 30 + 30^2 + ... + 30^5 iterations, 12.6 s a screening.
    assertThatThrownBy(() -> RuleSet.validate(rule("nested", nested(5, 30))))
        .isInstanceOf(RuleTooCostlyException.class)
        .hasMessageContaining("25,137,930 comprehension iterations")
        .hasMessageContaining("at most 1,000");
  }

  @Test
  void aRuleJustOverTheIterationBoundIsRefusedAndOneJustUnderIsAccepted() {
    // 32 + 32 * 32 = 1,056 iterations; 31 + 31 * 31 = 992.
    assertThatThrownBy(() -> RuleSet.validate(rule("over", nested(2, 32))))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("1,056 comprehension iterations");
    RuleSet.validate(rule("under", nested(2, 31)));
    Scenario s = Scenario.ordinary();
    RuleSet set = RuleSet.compile(1, List.of(rule("under", nested(2, 31))));
    assertThat(set.evaluate(s.transfer(), s.features()).hits()).hasSize(1);
  }

  @Test
  void aStoredRuleOverTheBoundStopsAtTheIterationLimitInsteadOfRunningOn() {
    // Compiling a stored set does not refuse a rule saved before the bound existed; CEL's own
    // iteration limit stops it after 1,000 iterations instead of 27,930.
    RuleSet set = RuleSet.compile(1, List.of(rule("old", nested(3, 30))));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result = set.evaluate(s.transfer(), s.features());
    assertThat(result.hits()).isEmpty();
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.component()).isEqualTo("rule:old");
      assertThat(f.message()).contains("1000");
    });
  }
}
