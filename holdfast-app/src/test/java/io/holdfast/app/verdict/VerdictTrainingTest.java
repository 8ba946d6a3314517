package io.holdfast.app.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.holdfast.core.verdict.LinearVerdictModel;
import io.holdfast.core.verdict.VerdictModelParameters;
import io.holdfast.core.verdict.VerdictModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/** Training is reproducible to the byte, and what it exports is what Tribuo learnt. */
class VerdictTrainingTest {
  static final TrainingConfig SMALL = new TrainingConfig(3, 1_000, 2, 0.05, 2_000, 3, 0.2, 0.15);

  @Test
  void trainingTwiceMakesIdenticalBytes() {
    String first = VerdictTrainer.train(SMALL).modelFile();
    String second = VerdictTrainer.train(SMALL).modelFile();
    assertThat(second).isEqualTo(first);
    assertThat(first).contains("# Made by `VerdictTrainer.train(TrainingConfig[seed=3");
  }

  /**
   * Full training takes a few seconds, so the shipped model and docs/models.md are checked
   * against a fresh run of the default command: neither can go stale or be edited by hand.
   */
  @Test
  void theShippedModelAndReportAreWhatTheDefaultCommandMakes() throws IOException {
    VerdictTrainer.Result trained = VerdictTrainer.train(TrainingConfig.defaults());
    String shipped;
    try (InputStream in = VerdictModels.class.getResourceAsStream(VerdictModels.DEFAULT_RESOURCE)) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(trained.modelFile()).isEqualTo(shipped);
    Path report = Path.of("../docs/models.md");
    if (Files.exists(report)) {
      VerdictEvaluation.Result evaluation =
          VerdictEvaluation.evaluate(trained.model(), trained.splits().test());
      String markdown = VerdictReport.markdown(trained, evaluation, TrainingConfig.defaults(),
          TrainingConfig.defaults().command(), shipped.getBytes(StandardCharsets.UTF_8).length);
      assertThat(Files.readString(report)).isEqualTo(markdown);
    }
  }

  @Test
  void theExportedWeightsScoreAsTribuoDoes() {
    VerdictData.Splits splits = VerdictData.splits(SMALL);
    Set<String> vocabulary = VerdictTrainer.vocabulary(splits.train(), SMALL);
    LinearSGDModel tribuo = VerdictTrainer.trainer(SMALL)
        .train(VerdictTrainer.dataset(splits.train(), vocabulary));
    Map<String, Double> weights = VerdictTrainer.exportWeights(tribuo);
    double bias = weights.remove(VerdictTrainer.BIAS);
    LinearVerdictModel mine = VerdictModels.of(new VerdictModelParameters("check", List.of(),
        bias, new TreeMap<>(weights), 1.0, 0.0, 0.85, 0.2));
    for (LabelledReport row : splits.test().subList(0, 50)) {
      double expected = tribuo.predict(VerdictTrainer.example(row, vocabulary))
          .getOutputScores().get(VerdictTrainer.SCAM.getLabel()).getScore();
      // The model file keeps six decimals per weight, hence the tolerance.
      assertThat(mine.probability(mine.rawScore(row.text(), row.evidence())))
          .isCloseTo(expected, within(1e-3));
    }
  }

  @Test
  void noHeldOutTextIsTrainedOrCalibratedOn() {
    VerdictData.Splits splits = VerdictData.splits(SMALL);
    Set<String> seen = new HashSet<>();
    splits.train().forEach(row -> seen.add(row.text()));
    splits.calibration().forEach(row -> assertThat(seen.add(row.text())).isTrue());
    splits.test().forEach(row -> assertThat(seen).doesNotContain(row.text()));
    int rows = splits.train().size() + splits.calibration().size() + splits.test().size();
    assertThat(rows).isEqualTo(splits.smsRows() + splits.generatedRows()
        - splits.duplicatesDropped());
    assertThat(splits.duplicatesDropped()).isGreaterThanOrEqualTo(400);
    assertThat(splits.test()).anyMatch(row -> row.source().equals(LabelledReport.SMS))
        .anyMatch(LabelledReport::weaponised);
  }

  @Test
  void plattScalingRecoversAKnownCalibration() {
    SplittableRandom random = new SplittableRandom(5);
    double[] scores = new double[20_000];
    boolean[] labels = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextDouble(-6, 6);
      labels[i] = random.nextDouble() < PlattScaling.sigmoid(0.5 * scores[i] - 1.0);
    }
    PlattScaling.Fit fit = PlattScaling.fit(scores, labels);
    assertThat(fit.a()).isCloseTo(0.5, within(0.05));
    assertThat(fit.b()).isCloseTo(-1.0, within(0.1));
  }

  @Test
  void plattScalingStaysFiniteOnSeparableScores() {
    PlattScaling.Fit fit = PlattScaling.fit(new double[] {-2, -1, 1, 2},
        new boolean[] {false, false, true, true});
    assertThat(fit.a()).isFinite().isPositive();
    assertThat(fit.b()).isFinite();
  }
}
