package io.holdfast.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.screening.RuleHit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultRulesTest {
  private static final RuleSet DEFAULTS = RuleSet.compile(1, DefaultRules.all());

  static List<DefaultRuleCases.Case> cases() {
    return DefaultRuleCases.all();
  }

  private static Set<String> matched(Scenario s) {
    RuleEvaluation result = DEFAULTS.evaluate(s.transfer(), s.features());
    assertThat(result.failures()).isEmpty();
    return result.hits().stream().map(RuleHit::ruleName).collect(Collectors.toSet());
  }

  @Test
  void everyDefaultRuleIsWithinTheDefaultLimits() {
    for (Rule rule : DefaultRules.all()) {
      RuleSet.validate(rule, RuleLimits.defaults());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesItsCase(DefaultRuleCases.Case c) {
    assertThat(matched(c.matching())).contains(c.rule());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void doesNotMatchItsNearMiss(DefaultRuleCases.Case c) {
    assertThat(matched(c.missing())).doesNotContain(c.rule());
  }

  @Test
  void everyDefaultRuleHasExactlyOneCase() {
    List<String> ruleNames = DefaultRules.all().stream().map(Rule::name).toList();
    List<String> caseNames = cases().stream().map(DefaultRuleCases.Case::rule).toList();
    assertThat(caseNames).doesNotHaveDuplicates();
    assertThat(caseNames).containsExactlyInAnyOrderElementsOf(ruleNames);
  }

  /**
   * De-escalation keeps the full hold after a security change by reason code; a default rule
   * that reads a security-change feature must have its reason on that list, and nothing else.
   */
  @Test
  void securityChangeRulesAreTheOnesWhoseHoldsAnswersCannotShorten() {
    Set<String> fromRules = DefaultRules.all().stream()
        .filter(r -> r.expression().contains("seconds_since_password_reset")
            || r.expression().contains("seconds_since_2fa_change")
            || r.expression().contains("seconds_since_new_device")
            || r.expression().contains("seconds_since_contact_change")
            || r.expression().contains("seconds_since_security_change"))
        .map(Rule::reasonCode).collect(Collectors.toSet());
    assertThat(fromRules).isEqualTo(io.holdfast.core.ladder.Deescalation.SECURITY_CHANGE_REASONS);
  }

  @Test
  void ordinaryTransferMatchesNothing() {
    assertThat(matched(Scenario.ordinary())).isEmpty();
  }

  @Test
  void ordinaryPaymentsAcrossCommonAmountsMatchNothing() {
    // Everyday payments up to $300 to a known recipient must pass untouched.
    for (int cents = 100; cents <= 30_000; cents += 700) {
      Scenario s = Scenario.ordinary().set(Feature.AMOUNT_USD_MINOR, cents);
      assertThat(matched(s)).as("$%d.%02d", cents / 100, cents % 100).isEmpty();
    }
  }

  @Test
  void defaultRulesAreWellFormed() {
    List<Rule> rules = DefaultRules.all();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(30);
    Set<String> reasons = new HashSet<>();
    for (Rule r : rules) {
      assertThat(r.version()).isEqualTo(1);
      assertThat(r.status()).isNotEqualTo(RuleStatus.DISABLED);
      assertThat(r.description()).isNotBlank().endsWith(".");
      assertThat(reasons.add(r.reasonCode())).as("reason %s is unique", r.reasonCode()).isTrue();
    }
    assertThat(rules).filteredOn(r -> r.status() == RuleStatus.SHADOW).isNotEmpty();
  }

  @Test
  void shadowDefaultRuleIsReportedAsShadow() {
    Scenario s = cases().stream()
        .filter(c -> c.rule().equals("stablecoin_first_payment_to_address"))
        .findFirst().orElseThrow().matching();
    RuleHit hit = DEFAULTS.evaluate(s.transfer(), s.features()).hits().stream()
        .filter(h -> h.ruleName().equals("stablecoin_first_payment_to_address"))
        .findFirst().orElseThrow();
    assertThat(hit.shadow()).isTrue();
    assertThat(hit.scoreContribution()).isZero();
  }
}
