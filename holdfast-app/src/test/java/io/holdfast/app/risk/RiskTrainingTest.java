package io.holdfast.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.risk.RiskModel;
import io.holdfast.core.risk.RiskModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk model's training is reproducible, and the shipped model, on a world it never saw,
 * stops much more scam money beside the rules than the rules alone, within the honest-hold
 * budget it was set for.
 */
class RiskTrainingTest {
  @Test
  void theSameDataAndSeedMakeTheSameFile() {
    List<FeaturePlatform.Sample> samples = RiskData.worlds(3_000, 15, new long[] {5, 6});
    String first = RiskTrainer.train(samples, 1, "test").file();
    String second = RiskTrainer.train(RiskData.worlds(3_000, 15, new long[] {5, 6}), 1, "test")
        .file();
    assertThat(second).isEqualTo(first);
    assertThat(RiskTrainer.train(samples, 2, "test").file()).isNotEqualTo(first);
  }

  @Test
  void theShippedModelIsWhatTheDefaultTrainingMakes(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path temp) throws Exception {
    java.nio.file.Path model = temp.resolve("risk.model");
    int code = new picocli.CommandLine(new TrainRiskCommand()).execute("--out", model.toString(),
        "--report", temp.resolve("risk-model.md").toString());
    assertThat(code).isZero();
    try (var shipped = RiskModels.class.getResourceAsStream(RiskModels.DEFAULT_RESOURCE)) {
      assertThat(java.nio.file.Files.readString(model))
          .isEqualTo(new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    java.nio.file.Path docs = java.nio.file.Path.of("..", TrainRiskCommand.DEFAULT_REPORT);
    assertThat(java.nio.file.Files.readString(temp.resolve("risk-model.md")))
        .as("docs/risk-model.md is the default training's report")
        .isEqualTo(java.nio.file.Files.readString(docs));
  }

  @Test
  void theShippedModelBeatsTheRulesOnAnUnseenWorld() {
    RiskModel model = RiskModels.loadDefault().orElseThrow();
    List<FeaturePlatform.Sample> unseen = RiskData.world(10_000, 20, 31_337);
    List<RiskEvaluation.Line> lines = RiskEvaluation.compare(model, unseen);
    RiskEvaluation.Line rules = lines.get(0);
    RiskEvaluation.Line model_ = lines.get(1);
    RiskEvaluation.Line both = lines.get(2);
    // Measured at about 48% (rules) and 78% (both) on this world; the rules held 22% until
    // payment_abroad_to_young_account, which holds romance payments and their laundering.
    assertThat(model_.scamMoneyStopped()).isGreaterThan(0.55);
    assertThat(both.scamMoneyStopped()).isGreaterThan(rules.scamMoneyStopped() + 0.2);
    assertThat(both.honestHeld()).as("rules and model near their budget on another world")
        .isLessThan(1.5 * RiskTrainer.HOLD_BUDGET);
  }
}
