package io.holdfast.bench;

import io.holdfast.core.feature.FeatureStore;
import java.time.Instant;

/**
 * Measures the heap the feature state of N accounts takes (default one million) and how long
 * building it in memory takes, without JMH: {@code java -cp holdfast-bench/target/benchmarks.jar
 * io.holdfast.bench.FeatureStateFootprint 1000000}. Heap is read after full collections
 * before and after, which is as close as the JVM lets a program get to live bytes; the store's
 * own estimate is printed beside it.
 */
public final class FeatureStateFootprint {
  private FeatureStateFootprint() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    SyntheticHistory history = new SyntheticHistory(accounts, ScreeningEngineBenchmark.SEED,
        Instant.parse("2026-11-25T12:00:00Z"));
    long before = usedAfterGc();
    long start = System.nanoTime();
    FeatureStore store = new FeatureStore(accounts * 2);
    long transfers = history.loadInto(store);
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = usedAfterGc();
    long estimate = store.estimatedBytes();
    long measured = after - before;
    System.out.printf("accounts with a profile:      %,d%n", accounts);
    System.out.printf("states (accounts+addresses):  %,d%n", store.accountCount());
    System.out.printf("transfers of history:         %,d (30 days)%n", transfers);
    System.out.printf("built in memory in:           %.1f s (%,.0f transfers/s)%n", seconds,
        transfers / seconds);
    System.out.printf("heap used by the state:       %,d bytes = %.0f MiB%n", measured,
        measured / 1048576.0);
    System.out.printf("per profiled account:         %,d bytes%n", measured / accounts);
    System.out.printf("FeatureStore.estimatedBytes:  %,d bytes = %.0f MiB (%,d per account)%n",
        estimate, estimate / 1048576.0, estimate / accounts);
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    // Several collections in a row let reference processing finish; the count is bounded.
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
