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
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("rule long_one:")
        .hasMessageContaining("at most 4000");
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

  @Test
  void aShadowRuleThatCannotBeEvaluatedIsNoFailure() {
    List<Rule> rules = List.of(rule("divides", "1 / (transfer.amount_minor"
        + " - transfer.amount_minor) == 0", RuleStatus.SHADOW), rule("after", "true"));
    Scenario s = Scenario.ordinary();
    RuleEvaluation result = RuleSet.compile(1, rules).evaluate(s.transfer(), s.features());
    assertThat(result.failures()).isEmpty();
    assertThat(result.hits()).extracting(RuleHit::ruleName, RuleHit::matched)
        .containsExactly(tuple("divides", false), tuple("after", true));
    assertThat(result.hits().get(0).error()).contains("by zero");
  }
}
