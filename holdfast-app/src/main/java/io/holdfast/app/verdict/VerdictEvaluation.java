package io.holdfast.app.verdict;

import io.holdfast.core.verdict.ScamVerdict;
import io.holdfast.core.verdict.ScamVerdictModel;
import io.holdfast.core.verdict.VerdictFeatures;
import io.holdfast.core.verdict.VerdictOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a model on labelled rows: precision, recall and F1 of SCAM, the three-way outcome
 * distribution, accuracy with and without evidence, the weaponised false reports' false-freeze
 * rate and calibration (Brier score, expected calibration error, a reliability table).
 */
public final class VerdictEvaluation {
  public static final int BINS = 10;

  /** Counts of one binary decision against the labels. */
  public record Confusion(int tp, int fp, int fn, int tn) {
    public double precision() {
      return ratio(tp, tp + fp);
    }

    public double recall() {
      return ratio(tp, tp + fn);
    }

    public double f1() {
      return ratio(2 * tp, 2 * tp + fp + fn);
    }

    public double accuracy() {
      return ratio(tp + tn, tp + fp + fn + tn);
    }

    public int total() {
      return tp + fp + fn + tn;
    }

    Confusion add(boolean predicted, boolean actual) {
      return new Confusion(tp + (predicted && actual ? 1 : 0), fp + (predicted && !actual ? 1 : 0),
          fn + (!predicted && actual ? 1 : 0), tn + (!predicted && !actual ? 1 : 0));
    }
  }

  /** One bin of the reliability table: rows whose probability fell in [lower, upper). */
  public record Bin(double lower, double upper, int rows, double meanProbability,
      double observedRate) {}

  /**
   * Everything measured on one set of rows.
   *
   * @param atHalf the decision "probability >= 0.5" (what a plain classifier would say)
   * @param frozen the decision "outcome is SCAM" (what would be acted on automatically)
   * @param outcomesScam outcome counts among rows labelled scam
   * @param outcomesNot outcome counts among rows labelled not scam
   * @param textOnly {@code atHalf} over rows without evidence
   * @param withEvidence {@code atHalf} over rows with evidence
   * @param weaponised weaponised false reports; {@code fp} counts those judged SCAM
   * @param weaponisedWithEvidence the same, over those with evidence
   */
  public record Result(int rows, Confusion atHalf, Confusion frozen,
      Map<VerdictOutcome, Integer> outcomesScam, Map<VerdictOutcome, Integer> outcomesNot,
      Confusion textOnly, Confusion withEvidence, Confusion sms, Confusion generated,
      Confusion weaponised, Confusion weaponisedWithEvidence, double brier, double ece,
      List<Bin> reliability) {

    /** The share of weaponised false reports judged SCAM (they would freeze an innocent). */
    public double falseFreezeRate() {
      return ratio(weaponised.fp(), weaponised.total());
    }

    public double falseFreezeRateWithEvidence() {
      return ratio(weaponisedWithEvidence.fp(), weaponisedWithEvidence.total());
    }

    public int outcome(VerdictOutcome outcome) {
      return outcomesScam.get(outcome) + outcomesNot.get(outcome);
    }
  }

  private VerdictEvaluation() {}

  public static Result evaluate(ScamVerdictModel model, List<LabelledReport> rows) {
    Tally t = new Tally();
    for (LabelledReport row : rows) {
      t.add(row, model.judge(row.text(), row.evidence()));
    }
    return t.result();
  }

  static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  /** Running counts over the rows, kept apart from the arithmetic that finishes them. */
  private static final class Tally {
    Confusion atHalf = empty();
    Confusion frozen = empty();
    Confusion textOnly = empty();
    Confusion withEvidence = empty();
    Confusion sms = empty();
    Confusion generated = empty();
    Confusion weaponised = empty();
    Confusion weaponisedWithEvidence = empty();
    final Map<VerdictOutcome, Integer> outcomesScam = zeros();
    final Map<VerdictOutcome, Integer> outcomesNot = zeros();
    final int[] binRows = new int[BINS];
    final double[] binProbability = new double[BINS];
    final int[] binPositives = new int[BINS];
    double squaredError;
    int rows;

    void add(LabelledReport row, ScamVerdict verdict) {
      double p = verdict.probability();
      boolean half = p >= 0.5;
      boolean freeze = verdict.outcome() == VerdictOutcome.SCAM;
      boolean evidence = !VerdictFeatures.textOnly(row.evidence());
      rows++;
      atHalf = atHalf.add(half, row.scam());
      frozen = frozen.add(freeze, row.scam());
      textOnly = evidence ? textOnly : textOnly.add(half, row.scam());
      withEvidence = evidence ? withEvidence.add(half, row.scam()) : withEvidence;
      sms = row.source().equals(LabelledReport.SMS) ? sms.add(half, row.scam()) : sms;
      generated = row.source().equals(LabelledReport.GENERATED)
          ? generated.add(half, row.scam()) : generated;
      if (row.weaponised()) {
        weaponised = weaponised.add(freeze, row.scam());
        weaponisedWithEvidence = evidence
            ? weaponisedWithEvidence.add(freeze, row.scam()) : weaponisedWithEvidence;
      }
      (row.scam() ? outcomesScam : outcomesNot).merge(verdict.outcome(), 1, Integer::sum);
      int bin = Math.min(BINS - 1, (int) (p * BINS));
      binRows[bin]++;
      binProbability[bin] += p;
      binPositives[bin] += row.scam() ? 1 : 0;
      squaredError += (p - (row.scam() ? 1 : 0)) * (p - (row.scam() ? 1 : 0));
    }

    Result result() {
      List<Bin> bins = new ArrayList<>();
      double ece = 0;
      for (int i = 0; i < BINS; i++) {
        double mean = ratio(binProbability[i], binRows[i]);
        double observed = ratio(binPositives[i], binRows[i]);
        bins.add(new Bin(i / (double) BINS, (i + 1) / (double) BINS, binRows[i], mean, observed));
        ece += ratio(binRows[i], rows) * Math.abs(mean - observed);
      }
      return new Result(rows, atHalf, frozen, Map.copyOf(outcomesScam), Map.copyOf(outcomesNot),
          textOnly, withEvidence, sms, generated, weaponised, weaponisedWithEvidence,
          ratio(squaredError, rows), ece, List.copyOf(bins));
    }

    private static Confusion empty() {
      return new Confusion(0, 0, 0, 0);
    }

    private static Map<VerdictOutcome, Integer> zeros() {
      Map<VerdictOutcome, Integer> map = new EnumMap<>(VerdictOutcome.class);
      for (VerdictOutcome outcome : VerdictOutcome.values()) {
        map.put(outcome, 0);
      }
      return map;
    }
  }
}
