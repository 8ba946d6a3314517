package io.holdfast.app.risk;

import io.holdfast.core.risk.RiskModel;
import java.util.List;
import java.util.Locale;

/**
 * Rules alone, the model alone and both together on a world the model never saw: the share of
 * scam money (victims' payments) each would have stopped at screening (held or blocked), and the
 * share of honest transfers each would have held or warned.
 */
public final class RiskEvaluation {
  /** One way of screening and what it did. */
  public record Line(String name, double scamMoneyStopped, double scamMoneyWarned,
      double honestHeld, double honestWarned) {}

  private RiskEvaluation() {}

  public static List<Line> compare(RiskModel model, List<FeaturePlatform.Sample> rows) {
    return List.of(line("rules alone", model, rows, true, false),
        line("model alone", model, rows, false, true),
        line("rules and model", model, rows, true, true));
  }

  private static Line line(String name, RiskModel model, List<FeaturePlatform.Sample> rows,
      boolean rules, boolean learned) {
    long scam = 0;
    long stopped = 0;
    long warned = 0;
    long honest = 0;
    long honestHeld = 0;
    long honestWarned = 0;
    for (FeaturePlatform.Sample s : rows) {
      int level = Math.max(rules ? level(s.rulesOutcome()) : 0,
          learned ? modelLevel(model, s) : 0);
      if (s.scam()) {
        scam += s.amountMinor();
        stopped += level >= 2 ? s.amountMinor() : 0;
        warned += level == 1 ? s.amountMinor() : 0;
      } else if (s.honest()) {
        honest++;
        honestHeld += level >= 2 ? 1 : 0;
        honestWarned += level == 1 ? 1 : 0;
      }
    }
    return new Line(name, ratio(stopped, scam), ratio(warned, scam), ratio(honestHeld, honest),
        ratio(honestWarned, honest));
  }

  /** The model's outcome as a level: 0 allow, 1 warn, 2 hold. */
  static int modelLevel(RiskModel model, FeaturePlatform.Sample s) {
    double p = model.calibrated(model.rawScore(s.inputs()));
    return p >= model.holdAt() ? 2 : p >= model.warnAt() ? 1 : 0;
  }

  private static int level(String outcome) {
    return switch (outcome) {
      case "WARN" -> 1;
      case "HOLD", "BLOCK" -> 2;
      default -> 0;
    };
  }

  /** The model alone at a range of hold thresholds: the trade-off curve. */
  public static String curve(RiskModel model, List<FeaturePlatform.Sample> rows) {
    StringBuilder md = new StringBuilder("| hold when p >= | scam money held | honest held |\n"
        + "|---:|---:|---:|\n");
    double[] cuts = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, model.holdAt()};
    java.util.Arrays.sort(cuts);
    for (double cut : cuts) {
      long scam = 0;
      long held = 0;
      long honest = 0;
      long honestHeld = 0;
      for (FeaturePlatform.Sample s : rows) {
        boolean flag = model.calibrated(model.rawScore(s.inputs())) >= cut;
        if (s.scam()) {
          scam += s.amountMinor();
          held += flag ? s.amountMinor() : 0;
        } else if (s.honest()) {
          honest++;
          honestHeld += flag ? 1 : 0;
        }
      }
      md.append(String.format(Locale.ROOT, "| %.3f%s | %.1f%% | %.3f%% |%n", cut,
          cut == model.holdAt() ? " (configured)" : "", 100 * ratio(held, scam),
          100 * ratio(honestHeld, honest)));
    }
    return md.toString();
  }

  public static String table(List<Line> lines) {
    StringBuilder md = new StringBuilder("| screening | scam money held or blocked | scam money"
        + " warned | honest transfers held | honest transfers warned |\n|---|---:|---:|---:|---:|\n");
    for (Line l : lines) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.3f%% | %.2f%% |%n",
          l.name(), 100 * l.scamMoneyStopped(), 100 * l.scamMoneyWarned(), 100 * l.honestHeld(),
          100 * l.honestWarned()));
    }
    return md.toString();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
