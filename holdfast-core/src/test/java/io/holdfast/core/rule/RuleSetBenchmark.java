package io.holdfast.core.rule;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.transfer.Transfer;
import java.util.Random;

/**
 * A throwaway measurement of default rule set throughput on one thread, run by hand with
 * {@code java -cp ... io.holdfast.core.rule.RuleSetBenchmark}. It is not a test because timing
 * on a shared build machine proves nothing; the JMH benchmarks are the reference.
 */
final class RuleSetBenchmark {
  private static final int SAMPLES = 4_096;

  private RuleSetBenchmark() {}

  public static void main(String[] args) {
    RuleSet set = RuleSet.compile(1, DefaultRules.all());
    Random random = new Random(7);
    Transfer[] transfers = new Transfer[SAMPLES];
    FeatureVector[] vectors = new FeatureVector[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      // Nineteen in twenty transfers are ordinary; the rest carry one risky trait.
      Scenario s = Scenario.ordinary().set(Feature.AMOUNT_USD_MINOR, 500 + random.nextInt(30_000));
      if (random.nextInt(20) == 0) {
        DefaultRuleCases.Case c = DefaultRuleCases.all().get(random.nextInt(39));
        s = c.matching();
      }
      transfers[i] = s.transfer();
      vectors[i] = s.features();
    }
    for (int round = 0; round < 3; round++) {
      report("guards on ", set, transfers, vectors, true);
      report("guards off", set, transfers, vectors, false);
    }
  }

  private static void report(
      String label, RuleSet set, Transfer[] transfers, FeatureVector[] vectors, boolean guards) {
    int iterations = guards ? 2_000_000 : 300_000;
    long hits = 0;
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      int k = i & (SAMPLES - 1);
      hits += set.evaluate(transfers[k], vectors[k], guards).hits().size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %,.0f evaluations/s (%d hits)%n", label, iterations / seconds, hits);
  }
}
