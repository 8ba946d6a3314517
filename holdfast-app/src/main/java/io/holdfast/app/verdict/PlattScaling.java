package io.holdfast.app.verdict;

/**
 * Fits the two calibration parameters of Platt scaling, {@code p = 1 / (1 + exp(-(a*s + b)))},
 * on raw scores the weights were not trained on, by Newton's method on the log loss with
 * Platt's smoothed targets (Lin, Lin and Weng, "A note on Platt's probabilistic outputs for
 * support vector machines", 2007). The smoothed targets keep the fit finite even when the
 * calibration rows are perfectly separated.
 */
public final class PlattScaling {
  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 1e-10;
  private static final double SIGMA = 1e-12;
  private static final double TOLERANCE = 1e-7;

  /** The fitted slope and intercept. */
  public record Fit(double a, double b) {}

  private PlattScaling() {}

  public static Fit fit(double[] scores, boolean[] labels) {
    if (scores.length != labels.length || scores.length == 0) {
      throw new IllegalArgumentException("one label per score, at least one score");
    }
    double[] targets = targets(labels);
    double a = 1.0;
    double b = 0.0;
    double loss = loss(scores, targets, a, b);
    // Each iteration is one Newton step with backtracking; the count is bounded.
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] g = new double[5];
      gradientAndHessian(scores, targets, a, b, g);
      if (Math.abs(g[0]) < TOLERANCE && Math.abs(g[1]) < TOLERANCE) {
        break;
      }
      double h11 = g[2] + SIGMA;
      double h22 = g[3] + SIGMA;
      double det = h11 * h22 - g[4] * g[4];
      double da = -(h22 * g[0] - g[4] * g[1]) / det;
      double db = -(-g[4] * g[0] + h11 * g[1]) / det;
      double step = 1.0;
      while (step >= MIN_STEP && loss(scores, targets, a + step * da, b + step * db) >= loss) {
        step /= 2;
      }
      if (step < MIN_STEP) {
        break;
      }
      a += step * da;
      b += step * db;
      loss = loss(scores, targets, a, b);
    }
    return new Fit(a, b);
  }

  private static double[] targets(boolean[] labels) {
    int positives = 0;
    for (boolean label : labels) {
      positives += label ? 1 : 0;
    }
    int negatives = labels.length - positives;
    double high = (positives + 1.0) / (positives + 2.0);
    double low = 1.0 / (negatives + 2.0);
    double[] targets = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      targets[i] = labels[i] ? high : low;
    }
    return targets;
  }

  /** Fills g with dL/da, dL/db, d2L/da2, d2L/db2, d2L/dadb. */
  private static void gradientAndHessian(double[] s, double[] t, double a, double b, double[] g) {
    for (int i = 0; i < s.length; i++) {
      double p = sigmoid(a * s[i] + b);
      double residual = p - t[i];
      double curvature = p * (1 - p);
      g[0] += residual * s[i];
      g[1] += residual;
      g[2] += curvature * s[i] * s[i];
      g[3] += curvature;
      g[4] += curvature * s[i];
    }
  }

  private static double loss(double[] s, double[] t, double a, double b) {
    double loss = 0;
    for (int i = 0; i < s.length; i++) {
      double z = a * s[i] + b;
      // log(1 + exp(z)) - t*z, written to stay finite for large |z|.
      double softplus = z > 0 ? z + StrictMath.log1p(StrictMath.exp(-z)) : StrictMath.log1p(StrictMath.exp(z));
      loss += softplus - t[i] * z;
    }
    return loss;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
  }
}
