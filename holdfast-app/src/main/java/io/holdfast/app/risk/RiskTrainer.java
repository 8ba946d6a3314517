package io.holdfast.app.risk;

import io.holdfast.app.verdict.PlattScaling;
import io.holdfast.core.risk.RiskInputs;
import io.holdfast.core.risk.RiskModel;
import io.holdfast.core.risk.RiskModelFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the risk model: logistic regression with Tribuo on simulated transfers labelled scam
 * (a victim's payment, or a scammer or mule moving money on) or honest, exported into the core's
 * plain-text model file, calibrated with Platt scaling on a split training never saw, with
 * thresholds set on that split to hold at most a budgeted share of honest transfers.
 */
public final class RiskTrainer {
  public static final String MODEL_NAME = "risk-1.0";
  static final Label BAD = new Label("BAD");
  static final Label GOOD = new Label("GOOD");
  /**
   * Rules and model together may hold at most this share of honest transfers. The programme's
   * goal is at most 0.5%; the margin is for worlds the calibration split did not see and for
   * the rule that holds a larger payment to a recipient the sender was held for
   * ({@code paid_more_after_a_hold}), whose honest holds training cannot count because it
   * places no holds: 0.03% to 0.04% of honest transfers in the demo's worlds.
   */
  static final double HOLD_BUDGET = 0.0040;
  /** ... and warn at most this share. */
  static final double WARN_BUDGET = 0.02;
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");
  private static final OffsetDateTime DATA_DATE =
      OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** The trained model, its file, and the calibration split's numbers. */
  public record Result(RiskModel model, String file, int trainRows, int calibrationRows,
      int positives) {}

  private RiskTrainer() {}

  public static Result train(List<FeaturePlatform.Sample> samples, long seed, String command) {
    TRIBUO_LOG.setLevel(Level.WARNING);
    List<FeaturePlatform.Sample> train = new ArrayList<>();
    List<FeaturePlatform.Sample> calibration = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (FeaturePlatform.Sample s : samples) {
      (random.nextDouble() < 0.7 ? train : calibration).add(s);
    }
    LinearSGDModel tribuo = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 8,
        Integer.MAX_VALUE, 1, seed).train(dataset(train));
    double[] weights = new double[RiskInputs.size()];
    double bias = export(tribuo, weights);
    RiskModel raw = new RiskModel("raw", bias, weights, 1.0, 0.0, 0.5, 0.5);
    double[] scores = new double[calibration.size()];
    boolean[] labels = new boolean[calibration.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = raw.rawScore(calibration.get(i).inputs());
      labels[i] = !calibration.get(i).honest();
    }
    PlattScaling.Fit fit = PlattScaling.fit(scores, labels);
    RiskModel calibrated = new RiskModel("calibrated", bias, weights, fit.a(), fit.b(), 0.5, 0.5);
    double holdAt = threshold(calibrated, calibration, HOLD_BUDGET, true);
    double warnAt = Math.min(holdAt, threshold(calibrated, calibration, WARN_BUDGET));
    long positives = samples.stream().filter(s -> !s.honest()).count();
    List<String> notes = List.of("The Holdfast risk model: logistic regression over the"
        + " screening features, trained on simulated transfers.", "Made by `" + command
        + "`; do not edit: the version is a hash of this file.", String.format(Locale.ROOT,
        "%,d training rows, %,d calibration rows, %,d scam or laundering rows in all.",
        train.size(), calibration.size(), positives));
    String file = RiskModelFile.format(MODEL_NAME, notes, bias, weights, fit.a(), fit.b(),
        warnAt, holdAt);
    try {
      return new Result(RiskModelFile.read(new StringReader(file)), file, train.size(),
          calibration.size(), (int) positives);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lowest probability at which the model flags at most {@code budget} of the honest
   * transfers in {@code rows}, rounded up to a thousandth.
   */
  static double threshold(RiskModel model, List<FeaturePlatform.Sample> rows, double budget) {
    return threshold(model, rows, budget, false);
  }

  /**
   * As above; with {@code besideRules}, honest transfers the rules already hold use up the
   * budget first, so rules and model together stay within it.
   */
  static double threshold(RiskModel model, List<FeaturePlatform.Sample> rows, double budget,
      boolean besideRules) {
    long honestCount = rows.stream().filter(FeaturePlatform.Sample::honest).count();
    long heldByRules = besideRules ? rows.stream().filter(s -> s.honest()
        && (s.rulesOutcome().equals("HOLD") || s.rulesOutcome().equals("BLOCK"))).count() : 0;
    double[] honest = rows.stream().filter(s -> s.honest() && !(besideRules
            && (s.rulesOutcome().equals("HOLD") || s.rulesOutcome().equals("BLOCK"))))
        .mapToDouble(s -> model.calibrated(model.rawScore(s.inputs()))).sorted().toArray();
    int allowed = (int) Math.max(0, Math.floor(budget * honestCount) - heldByRules);
    double cut = honest.length == 0 ? 0.5 : honest[Math.max(0, honest.length - 1 - allowed)];
    return Math.min(0.999, Math.max(0.01, Math.ceil(cut * 1000 + 1e-9) / 1000.0));
  }

  private static MutableDataset<Label> dataset(List<FeaturePlatform.Sample> rows) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("holdfast simulated transfers", DATA_DATE, factory),
        factory);
    String[] names = new String[RiskInputs.size()];
    Arrays.setAll(names, RiskInputs::name);
    long bad = rows.stream().filter(s -> !s.honest()).count();
    // Scams are a fraction of a percent of transfers; weighting them up keeps the regression
    // from settling on "never a scam". Platt scaling afterwards restores true probabilities.
    float badWeight = (float) Math.min(50.0, Math.max(1.0, (rows.size() - bad) / (double)
        Math.max(1, bad) / 10.0));
    for (FeaturePlatform.Sample s : rows) {
      ArrayExample<Label> example = new ArrayExample<>(s.honest() ? GOOD : BAD, names,
          s.inputs());
      example.setWeight(s.honest() ? 1.0f : badWeight);
      data.add(example);
    }
    return data;
  }

  /** Two-class softmax rows turned into one logistic regression; returns the bias. */
  private static double export(LinearSGDModel model, double[] weights) {
    DenseMatrix m = model.getWeightsCopy();
    int bad = model.getOutputIDInfo().getID(BAD);
    int good = model.getOutputIDInfo().getID(GOOD);
    int n = model.getFeatureIDMap().size();
    for (int id = 0; id < n; id++) {
      String name = model.getFeatureIDMap().get(id).getName();
      for (int i = 0; i < weights.length; i++) {
        if (RiskInputs.name(i).equals(name)) {
          weights[i] = m.get(bad, id) - m.get(good, id);
        }
      }
    }
    return m.get(bad, n) - m.get(good, n);
  }
}
