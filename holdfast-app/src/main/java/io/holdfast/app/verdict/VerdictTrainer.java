package io.holdfast.app.verdict;

import io.holdfast.core.verdict.LinearVerdictModel;
import io.holdfast.core.verdict.VerdictFeatures;
import io.holdfast.core.verdict.VerdictModelFile;
import io.holdfast.core.verdict.VerdictModelParameters;
import io.holdfast.core.verdict.VerdictModels;
import io.holdfast.core.verdict.VerdictTokenizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * Trains the Scam Verdict Model: logistic regression with Tribuo on the training split, its
 * weights exported into the core's model file format (Tribuo's own serialised model carries
 * timestamps in its provenance and would never be byte-for-byte reproducible), then Platt
 * calibration fitted on the calibration split. The held-out split is returned untouched.
 */
public final class VerdictTrainer {
  public static final String MODEL_NAME = "verdict-1.0";
  static final Label SCAM = new Label("SCAM");
  static final Label NOT_SCAM = new Label("NOT_SCAM");
  /** A fixed provenance date: the dataset's provenance is never exported, but stays stable. */
  private static final OffsetDateTime DATA_DATE =
      OffsetDateTime.of(2011, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** A trained model: the model file's text, the model read back from it, and the splits. */
  public record Result(String modelFile, LinearVerdictModel model, VerdictData.Splits splits,
      int vocabularySize) {}

  private VerdictTrainer() {}

  /**
   * Tribuo logs each training run at INFO. java.util.logging holds loggers weakly, so the
   * quietened logger is kept here; otherwise it could be collected and its level forgotten.
   */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  public static Result train(TrainingConfig config) {
    TRIBUO_LOG.setLevel(Level.WARNING);
    VerdictData.Splits splits = VerdictData.splits(config);
    Set<String> vocabulary = vocabulary(splits.train(), config);
    LinearSGDModel tribuo = trainer(config).train(dataset(splits.train(), vocabulary));
    Map<String, Double> exported = exportWeights(tribuo);
    double bias = exported.remove(BIAS);
    List<String> notes = notes(config, splits, vocabulary.size());
    SortedMap<String, Double> weights = new TreeMap<>(exported);
    LinearVerdictModel uncalibrated = VerdictModels.of(new VerdictModelParameters(MODEL_NAME,
        notes, bias, weights, 1.0, 0.0, VerdictModelParameters.DEFAULT_SCAM_THRESHOLD,
        VerdictModelParameters.DEFAULT_NOT_SCAM_THRESHOLD));
    PlattScaling.Fit fit = calibrate(uncalibrated, splits.calibration());
    VerdictModelParameters parameters = new VerdictModelParameters(MODEL_NAME, notes,
        uncalibrated.parameters().bias(), uncalibrated.parameters().weights(), fit.a(), fit.b(),
        VerdictModelParameters.DEFAULT_SCAM_THRESHOLD,
        VerdictModelParameters.DEFAULT_NOT_SCAM_THRESHOLD);
    String file = VerdictModelFile.format(parameters);
    return new Result(file, VerdictModels.of(parameters), splits, vocabulary.size());
  }

  static LinearSGDTrainer trainer(TrainingConfig config) {
    // Minibatches of one, a fixed seed for Tribuo's shuffling and a logging interval longer than
    // any run: the same configuration always makes the same weights, and training prints nothing.
    return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(config.learningRate(), 0.1),
        config.epochs(), Integer.MAX_VALUE, 1, config.seed());
  }

  /**
   * The text features the model may use: those in at least {@code minDocFrequency} training
   * rows, the most frequent first, at most {@code vocabularyCap} of them; rare words mostly
   * memorise single rows and would bloat the file.
   */
  static Set<String> vocabulary(List<LabelledReport> train, TrainingConfig config) {
    Map<String, Integer> frequency = new HashMap<>();
    for (LabelledReport row : train) {
      for (String feature : VerdictTokenizer.features(row.text())) {
        frequency.merge(feature, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> kept = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : frequency.entrySet()) {
      if (entry.getValue() >= config.minDocFrequency()) {
        kept.add(entry);
      }
    }
    // Sorting by frequency then name removes the hash map's order from the result.
    kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    Set<String> vocabulary = new HashSet<>();
    for (int i = 0; i < Math.min(config.vocabularyCap(), kept.size()); i++) {
      vocabulary.add(kept.get(i).getKey());
    }
    return vocabulary;
  }

  static MutableDataset<Label> dataset(List<LabelledReport> rows, Set<String> vocabulary) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("holdfast verdict training split", DATA_DATE, factory),
        factory);
    for (LabelledReport row : rows) {
      dataset.add(example(row, vocabulary));
    }
    return dataset;
  }

  static ArrayExample<Label> example(LabelledReport row, Set<String> vocabulary) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Map.Entry<String, Double> feature
        : VerdictFeatures.of(row.text(), row.evidence()).entrySet()) {
      if (!VerdictTokenizer.isTextFeature(feature.getKey())
          || vocabulary.contains(feature.getKey())) {
        names.add(feature.getKey());
        values.add(feature.getValue());
      }
    }
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return new ArrayExample<>(row.scam() ? SCAM : NOT_SCAM, names.toArray(new String[0]), array);
  }

  /** The key under which {@link #exportWeights} returns the intercept. */
  static final String BIAS = " bias";

  /**
   * A two-class softmax is a logistic regression on the difference of the two classes' rows:
   * p(SCAM) = sigmoid((w_SCAM - w_NOT) . x + (b_SCAM - b_NOT)). Tribuo keeps the bias as the
   * last column of the weight matrix.
   */
  static Map<String, Double> exportWeights(LinearSGDModel model) {
    DenseMatrix matrix = model.getWeightsCopy();
    int scam = model.getOutputIDInfo().getID(SCAM);
    int not = model.getOutputIDInfo().getID(NOT_SCAM);
    int features = model.getFeatureIDMap().size();
    Map<String, Double> weights = new HashMap<>();
    for (int id = 0; id < features; id++) {
      String name = model.getFeatureIDMap().get(id).getName();
      weights.put(name, matrix.get(scam, id) - matrix.get(not, id));
    }
    weights.put(BIAS, matrix.get(scam, features) - matrix.get(not, features));
    return weights;
  }

  static PlattScaling.Fit calibrate(LinearVerdictModel model, List<LabelledReport> rows) {
    double[] scores = new double[rows.size()];
    boolean[] labels = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      scores[i] = model.rawScore(rows.get(i).text(), rows.get(i).evidence());
      labels[i] = rows.get(i).scam();
    }
    return PlattScaling.fit(scores, labels);
  }

  private static List<String> notes(TrainingConfig c, VerdictData.Splits s, int vocabulary) {
    return List.of(
        "The Holdfast Scam Verdict Model: logistic regression over text and evidence features.",
        "Made by `" + c.command() + "`; do not edit: the version is a hash of this file.",
        String.format(Locale.ROOT, "Data: %d SMS Spam Collection rows (CC BY 4.0, Almeida et al."
            + " 2011) and %d generated reports, %d duplicate texts dropped.", s.smsRows(),
            s.generatedRows(), s.duplicatesDropped()),
        String.format(Locale.ROOT, "Splits: %d train, %d calibration, %d held out. Trainer: "
            + "Tribuo 4.3.2 LinearSGD, LogMulticlass, AdaGrad(%s), %d epochs, seed %d.",
            s.train().size(), s.calibration().size(), s.test().size(),
            Double.toString(c.learningRate()), c.epochs(), c.seed()),
        String.format(Locale.ROOT, "Vocabulary: %d text features (document frequency >= %d, cap "
            + "%d).", vocabulary, c.minDocFrequency(), c.vocabularyCap()));
  }
}
