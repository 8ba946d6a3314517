package io.holdfast.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleLimits;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DraftReplayTest {
  private static final long NO_BUDGET = Long.MAX_VALUE;

  private static Rule rule(String name, String expression, Outcome outcome, double score,
      RuleStatus status) {
    return new Rule(name, expression, outcome, score, "TEST_" + name.toUpperCase(),
        "A test rule.", status, 1);
  }

  private static Transfer transfer(long amountMinor) {
    return new Transfer("t-" + amountMinor, "sender", new Counterparty.PlatformAccount("them"),
        new Money(amountMinor, CurrencyCatalog.defaults().find("USD").orElseThrow()), "p2p",
        Instant.parse("2026-10-01T00:00:00Z"));
  }

  private static FeatureVector features(boolean firstToRecipient) {
    return new FeatureVector().set(Feature.byName("first_transfer_to_recipient"),
        firstToRecipient);
  }

  private static DraftReplay replay(List<Rule> live, Rule draft) {
    return new DraftReplay(live, draft, RuleLimits.defaults(), ScoringPolicy.defaults(),
        System::nanoTime, NO_BUDGET);
  }

  @Test
  void aNewRuleCountsItsHitsByTheOutcomeTheRulesWouldGiveThem() {
    Rule warnFirst = rule("warn_first", "features.first_transfer_to_recipient", Outcome.WARN,
        0.1, RuleStatus.ACTIVE);
    DraftReplay replay = replay(List.of(warnFirst), rule("hold_big",
        "transfer.amount_minor > 100000", Outcome.HOLD, 0.2, RuleStatus.ACTIVE));
    replay.replay(transfer(500_000), features(true));
    replay.replay(transfer(200_000), features(false));
    replay.replay(transfer(1_000), features(true));
    replay.replay(transfer(2_000), features(false));

    DraftReplay.Result r = replay.result();
    assertThat(r.replayed()).isEqualTo(4);
    assertThat(r.hits()).isEqualTo(2);
    assertThat(r.errors()).isZero();
    assertThat(r.hitOutcomes()).containsExactly(new DraftReplay.Count(Outcome.HOLD, 2));
    assertThat(r.changes()).containsExactly(
        new DraftReplay.Change(Outcome.ALLOW, Outcome.HOLD, 1),
        new DraftReplay.Change(Outcome.WARN, Outcome.HOLD, 1));
  }

  @Test
  void aScoreOnlyRuleGetsTheOutcomeItsScorePassesWithTheOthers() {
    Rule first = rule("first", "features.first_transfer_to_recipient", null, 0.5,
        RuleStatus.ACTIVE);
    DraftReplay replay = replay(List.of(first), rule("big", "transfer.amount_minor > 100000",
        null, 0.5, RuleStatus.ACTIVE));
    replay.replay(transfer(500_000), features(true));
    replay.replay(transfer(500_000), features(false));

    // 1 - 0.5 * 0.5 = 0.75 passes the hold threshold; 0.5 alone only warns.
    assertThat(replay.result().hitOutcomes()).containsExactly(
        new DraftReplay.Count(Outcome.WARN, 1), new DraftReplay.Count(Outcome.HOLD, 1));
  }

  @Test
  void aShadowDraftSaysWhatItWouldMatchAndChangesNoOutcome() {
    DraftReplay replay = replay(List.of(), rule("big", "transfer.amount_minor > 100000",
        Outcome.BLOCK, 0.9, RuleStatus.SHADOW));
    replay.replay(transfer(500_000), features(true));

    assertThat(replay.result().hits()).isEqualTo(1);
    assertThat(replay.result().hitOutcomes())
        .containsExactly(new DraftReplay.Count(Outcome.ALLOW, 1));
    assertThat(replay.result().changes()).isEmpty();
  }

  @Test
  void anEditReplacesTheLiveRuleSoTransfersItNoLongerMatchesAreLetThrough() {
    Rule live = rule("big", "transfer.amount_minor > 100000", Outcome.HOLD, 0.2,
        RuleStatus.ACTIVE);
    Rule narrower = rule("big", "transfer.amount_minor > 400000", Outcome.HOLD, 0.2,
        RuleStatus.ACTIVE).withVersion(2);
    DraftReplay replay = replay(List.of(live), narrower);
    replay.replay(transfer(500_000), features(false));
    replay.replay(transfer(200_000), features(false));

    assertThat(replay.result().hits()).isEqualTo(1);
    assertThat(replay.result().changes())
        .containsExactly(new DraftReplay.Change(Outcome.HOLD, Outcome.ALLOW, 1));
  }

  @Test
  void aRuleThatCannotBeEvaluatedIsCountedAndItsTransfersHeldByTheFailSafe() {
    DraftReplay replay = replay(List.of(), rule("divides",
        "1 / (transfer.amount_minor - transfer.amount_minor) == 0", Outcome.WARN, 0.1,
        RuleStatus.ACTIVE));
    replay.replay(transfer(500_000), features(false));

    assertThat(replay.result().errors()).isEqualTo(1);
    assertThat(replay.result().hits()).isZero();
    assertThat(replay.result().changes())
        .containsExactly(new DraftReplay.Change(Outcome.ALLOW, Outcome.HOLD, 1));
  }

  @Test
  void theTimeBudgetIsMeasuredOnTheTickerItIsGiven() {
    AtomicLong now = new AtomicLong(1_000);
    DraftReplay replay = new DraftReplay(List.of(), rule("any", "true", null, 0.1,
        RuleStatus.ACTIVE), RuleLimits.defaults(), ScoringPolicy.defaults(), now::get, 50);
    assertThat(replay.overBudget()).isFalse();
    now.addAndGet(49);
    assertThat(replay.overBudget()).isFalse();
    now.addAndGet(1);
    assertThat(replay.overBudget()).isTrue();
  }
}
