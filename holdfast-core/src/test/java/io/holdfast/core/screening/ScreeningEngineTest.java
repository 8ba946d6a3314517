package io.holdfast.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.AddressNormalizer;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.intel.IntelList;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleLimits;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The screening policies: intel lists hold or block naming the list, direct rule outcomes and
 * score thresholds combine to the most severe, shadow rules never decide, and a failing part
 * never lets a transfer through.
 */
class ScreeningEngineTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final String LISTED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

  private final FeatureStore store = new FeatureStore();
  private final IntelIndex intel = new IntelIndex();
  private final AtomicReference<RuleSet> rules =
      new AtomicReference<>(RuleSet.compile(1, List.of()));
  private final ScreeningEngine engine = new ScreeningEngine(store, intel, rules::get,
      ScoringPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static Transfer toAddress(String network, String address, long usdCents) {
    AddressCheck.Valid valid = (AddressCheck.Valid) AddressNormalizer.normalize(network, address);
    return new Transfer("t-" + usdCents, "sender",
        new Counterparty.ExternalAddress(valid.network(), valid.address()),
        new Money(usdCents, CurrencyCatalog.defaults().find("USD").orElseThrow()), "withdrawal",
        NOW);
  }

  private static Rule rule(String name, String expression, Outcome outcome, double score,
      RuleStatus status) {
    return new Rule(name, expression, outcome, score, "CODE_" + name.toUpperCase(), "because",
        status, 1);
  }

  @Test
  void withNoRulesAndNoListsATransferIsAllowedWithoutReasons() {
    Decision d = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.reasons()).isEmpty();
    assertThat(d.riskScore()).isZero();
    assertThat(d.decidedAt()).isEqualTo(NOW);
  }

  @Test
  void aBlockingListBlocksOnEveryEvmChainAndNamesTheList() {
    intel.putList(new IntelList("ofac", Outcome.BLOCK, "sanctions"));
    intel.addAddress("ofac", (AddressCheck.Valid) AddressNormalizer.normalize("ETH", LISTED));
    Decision d = engine.screen(toAddress("BSC", "  " + LISTED.toLowerCase() + " ", 100));
    assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(d.riskScore()).isEqualTo(1.0);
    assertThat(d.reasons()).extracting(Reason::code, Reason::source)
        .containsExactly(Tuple.tuple("RECIPIENT_ON_INTEL_LIST", "ofac"));
  }

  @Test
  void aFrozenRecipientIsBlockedAndAFrozenSendersPaymentsAreHeld() {
    io.holdfast.core.freeze.FrozenSubjects frozen = new io.holdfast.core.freeze.FrozenSubjects();
    ScreeningEngine withFreezes = new ScreeningEngine(store, intel, rules::get,
        ScoringPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), frozen);
    Transfer out = toAddress("ETH", LISTED, 100);
    assertThat(withFreezes.screen(out).outcome()).isEqualTo(Outcome.ALLOW);
    frozen.add(out.recipient().key());
    Decision blocked = withFreezes.screen(out);
    assertThat(blocked.outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(blocked.reasons()).extracting(Reason::code).containsExactly("RECIPIENT_FROZEN");
    frozen.remove(out.recipient().key());
    frozen.add("a:sender");
    Decision held = withFreezes.screen(out);
    assertThat(held.outcome()).isEqualTo(Outcome.HOLD);
    assertThat(held.reasons()).extracting(Reason::code).containsExactly("SENDER_FROZEN");
  }

  @Test
  void scoresCombineAsNoisyOrAndCrossThresholds() {
    rules.set(RuleSet.compile(2, List.of(
        rule("a", "features.amount_usd_minor > 50.0", null, 0.25, RuleStatus.ACTIVE),
        rule("b", "features.first_transfer_to_recipient", null, 0.2, RuleStatus.ACTIVE),
        rule("c", "features.to_external_address", null, 0.5, RuleStatus.ACTIVE))));
    Decision d = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(d.riskScore()).isCloseTo(1 - 0.75 * 0.8 * 0.5, Offset.offset(1e-9));
    assertThat(d.outcome()).isEqualTo(Outcome.HOLD);
    assertThat(d.reasons()).extracting(Reason::source).containsExactly("c", "a", "b");
    assertThat(d.rulesetVersion()).isEqualTo(2);
  }

  @Test
  void aDirectOutcomeWinsOverALowScoreAndShadowRulesNeverDecide() {
    rules.set(RuleSet.compile(3, List.of(
        rule("warn", "features.to_external_address", Outcome.WARN, 0.0, RuleStatus.ACTIVE),
        rule("shadow_block", "features.to_external_address", Outcome.BLOCK, 0.9,
            RuleStatus.SHADOW))));
    Decision d = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(d.outcome()).isEqualTo(Outcome.WARN);
    assertThat(d.ruleHits()).extracting(RuleHit::ruleName).contains("warn", "shadow_block");
    assertThat(d.ruleHits()).filteredOn(RuleHit::shadow)
        .allSatisfy(h -> assertThat(h.scoreContribution()).isZero());
  }

  @Test
  void aShadowRuleThatCannotBeEvaluatedNeverChangesTheDecision() {
    Rule warn = rule("warn", "features.to_external_address", Outcome.WARN, 0.2, RuleStatus.ACTIVE);
    rules.set(RuleSet.compile(5, List.of(warn)));
    Decision without = engine.screen(toAddress("ETH", LISTED, 100));
    rules.set(RuleSet.compile(5, List.of(warn, rule("divides", "1 / (transfer.amount_minor"
        + " - transfer.amount_minor) == 0", Outcome.BLOCK, 0.9, RuleStatus.SHADOW))));
    Decision with = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(with.degraded()).isFalse();
    assertThat(with.failures()).isEmpty();
    assertThat(with.outcome()).isEqualTo(without.outcome()).isEqualTo(Outcome.WARN);
    assertThat(with.reasons()).isEqualTo(without.reasons());
    assertThat(with.riskScore()).isEqualTo(without.riskScore());
    assertThat(with.ruleHits()).filteredOn(h -> !h.matched()).singleElement().satisfies(h -> {
      assertThat(h.ruleName()).isEqualTo("divides");
      assertThat(h.shadow()).isTrue();
      assertThat(h.scoreContribution()).isZero();
      assertThat(h.error()).contains("by zero");
    });
  }

  @Test
  void pastTheRulesDeadlineASkippedActiveRuleHoldsAndSkippedShadowRulesChangeNothing() {
    // Every read of this ticker is just past the deadline after the last.
    RuleLimits limits = RuleLimits.defaults();
    long[] reads = {0};
    java.util.function.LongSupplier ticker = () -> (limits.deadlineNanos() + 1) * reads[0]++;
    Rule warn = rule("warn", "transfer.channel == 'withdrawal'", Outcome.WARN, 0.2,
        RuleStatus.ACTIVE);
    Rule shadow = rule("shadow", "transfer.channel == 'withdrawal'", Outcome.BLOCK, 0.9,
        RuleStatus.SHADOW);
    rules.set(RuleSet.compile(6, List.of(warn, shadow), limits, ticker));
    Decision shadowSkipped = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(shadowSkipped.outcome()).isEqualTo(Outcome.WARN);
    assertThat(shadowSkipped.degraded()).isFalse();
    assertThat(shadowSkipped.ruleHits()).extracting(RuleHit::ruleName, RuleHit::matched)
        .containsExactly(Tuple.tuple("warn", true), Tuple.tuple("shadow", false));

    Rule late = rule("late", "transfer.channel == 'p2p'", null, 0.1, RuleStatus.ACTIVE);
    rules.set(RuleSet.compile(7, List.of(warn, late, shadow), limits, ticker));
    Decision activeSkipped = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(activeSkipped.outcome()).isEqualTo(Outcome.HOLD);
    assertThat(activeSkipped.failures()).extracting(EngineFailure::component)
        .containsExactly("rules");
    assertThat(activeSkipped.failures().get(0).message()).endsWith("were not evaluated: late");
    assertThat(activeSkipped.reasons()).extracting(Reason::code).contains("ENGINE_DEGRADED");
  }

  @Test
  void aFailingRuleHoldsTheTransferAndSaysWhatFailed() {
    rules.set(RuleSet.compile(4, List.of(
        rule("broken", "transfer.amount_minor / 0 > 1", null, 0.1, RuleStatus.ACTIVE))));
    Decision d = engine.screen(toAddress("ETH", LISTED, 100));
    assertThat(d.outcome()).isEqualTo(Outcome.HOLD);
    assertThat(d.degraded()).isTrue();
    assertThat(d.failures()).extracting(EngineFailure::component).containsExactly("rule:broken");
    assertThat(d.reasons()).extracting(Reason::code).contains("ENGINE_DEGRADED");
  }

  @Test
  void aMissingRulesetHoldsTheTransfer() {
    AtomicReference<RuleSet> missing = new AtomicReference<>();
    ScreeningEngine noRules = new ScreeningEngine(store, intel, missing::get,
        ScoringPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    Decision d = noRules.screen(toAddress("ETH", LISTED, 100));
    assertThat(d.outcome()).isEqualTo(Outcome.HOLD);
    assertThat(d.failures()).isNotEmpty();
  }
}
