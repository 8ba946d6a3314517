package io.holdfast.app.verdict;

/**
 * Everything that decides a trained model. The same configuration always trains the same
 * bytes, so this record and the shipped data are the whole recipe.
 *
 * @param seed seeds the report generator, the split and the trainer's shuffling
 * @param generatedReports how many labelled reports the generator makes
 * @param epochs passes of stochastic gradient descent over the training split
 * @param learningRate AdaGrad's initial learning rate
 * @param vocabularyCap the most text features the model keeps (by document frequency)
 * @param minDocFrequency a text feature must occur in at least this many training rows
 * @param testShare the held-out share, never seen by training or calibration
 * @param calibrationShare the share used only to fit the Platt calibration
 */
public record TrainingConfig(long seed, int generatedReports, int epochs, double learningRate,
    int vocabularyCap, int minDocFrequency, double testShare, double calibrationShare) {

  public static final long DEFAULT_SEED = 1;
  public static final int DEFAULT_GENERATED_REPORTS = 8_000;

  public TrainingConfig {
    if (generatedReports < 0 || generatedReports > 200_000) {
      throw new IllegalArgumentException("generated reports must lie in [0, 200000]");
    }
    if (epochs < 1 || epochs > 100 || vocabularyCap < 1 || minDocFrequency < 1) {
      throw new IllegalArgumentException("epochs in [1, 100], positive vocabulary and frequency");
    }
    if (!(testShare > 0 && calibrationShare > 0 && testShare + calibrationShare < 0.9)) {
      throw new IllegalArgumentException("the shares must leave most rows for training");
    }
  }

  /** The configuration of the shipped model, with a chosen seed. */
  public static TrainingConfig defaults(long seed, int generatedReports) {
    return new TrainingConfig(seed, generatedReports, 5, 0.05, 15_000, 3, 0.2, 0.15);
  }

  /**
   * The command line that trains exactly this configuration, or a description of the
   * configuration when no command line does (tests train smaller ones).
   */
  public String command() {
    if (!equals(defaults(seed, generatedReports))) {
      return "VerdictTrainer.train(" + this + ")";
    }
    return "./holdfast train verdict --seed " + seed
        + (generatedReports == DEFAULT_GENERATED_REPORTS ? "" : " --generated " + generatedReports);
  }

  public static TrainingConfig defaults() {
    return defaults(DEFAULT_SEED, DEFAULT_GENERATED_REPORTS);
  }
}
