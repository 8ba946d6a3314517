package io.holdfast.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.freeze.FrozenSubjects;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.screening.Outcome;
import io.holdfast.core.screening.ScoringPolicy;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskModelTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  /** A model that only looks at the amount: large payments are risky. */
  private static RiskModel amountOnly() throws Exception {
    double[] weights = new double[RiskInputs.size()];
    weights[Feature.AMOUNT_USD_MINOR.ordinal()] = 10.0;
    String file = RiskModelFile.format("test", List.of("a test model"), -13.0, weights, 1.0, 0.0,
        0.3, 0.8);
    return RiskModelFile.read(new StringReader(file));
  }

  private static Decision screen(RiskModel model, long cents) {
    RuleSet rules = RuleSet.compile(1, List.of());
    ScreeningEngine engine = new ScreeningEngine(new FeatureStore(), new IntelIndex(),
        () -> rules, ScoringPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC),
        new FrozenSubjects(), model);
    return engine.screen(new Transfer("t" + cents, "sender",
        new Counterparty.PlatformAccount("recipient"),
        new Money(cents, CurrencyCatalog.defaults().find("USD").orElseThrow()), "p2p", NOW));
  }

  @Test
  void theFileRoundTripsAndItsVersionIsAHashOfItsBytes() throws Exception {
    RiskModel model = amountOnly();
    assertThat(model.version()).matches("test-[0-9a-f]{8}");
    assertThat(amountOnly().version()).isEqualTo(model.version());
    String other = RiskModelFile.format("test", List.of("another note"), -13.0, model.weights(),
        1.0, 0.0, 0.3, 0.8);
    assertThat(RiskModelFile.read(new StringReader(other)).version())
        .isNotEqualTo(model.version());
    assertThatThrownBy(() -> RiskModelFile.read(new StringReader("name x\nbias 1\n")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theModelWarnsAndHoldsBesideTheRulesAndExplainsWhy() throws Exception {
    RiskModel model = amountOnly();
    Decision small = screen(model, 100);
    assertThat(small.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(small.risk().probability()).isLessThan(0.3);
    Decision large = screen(model, 50_000_000);
    assertThat(large.outcome()).isEqualTo(Outcome.HOLD);
    assertThat(large.reasons().get(0).code()).isEqualTo("RISK_MODEL");
    assertThat(large.reasons().get(0).explanation()).contains("amount usd minor");
    assertThat(large.riskScore()).isEqualTo(large.risk().probability());
    assertThat(large.risk().modelVersion()).isEqualTo(model.version());
  }

  @Test
  void withoutAModelScreeningIsRulesAloneAndSaysNothingOfOne() {
    assertThat(screen(null, 50_000_000).risk()).isNull();
    assertThat(screen(null, 50_000_000).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void theShippedModelLoads() {
    assertThat(RiskModels.loadDefault()).hasValueSatisfying(m ->
        assertThat(m.version()).startsWith("risk-1.0-"));
  }
}
