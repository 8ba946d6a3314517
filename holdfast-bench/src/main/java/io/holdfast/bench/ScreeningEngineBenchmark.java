package io.holdfast.bench;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.rule.DefaultRules;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.screening.Decision;
import io.holdfast.core.screening.ScoringPolicy;
import io.holdfast.core.screening.ScreeningEngine;
import io.holdfast.core.transfer.Transfer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core engine on one thread with a million accounts of history and the default ruleset.
 * Each benchmark comes in two modes: throughput (decisions per second) and, with the suffix
 * {@code Latency}, sample time, whose percentiles give the p99.9 latency. {@code screen} only decides, as the engine does before
 * the decision is durable; {@code screenAndRecord} also adds the transfer to the state, as the
 * server does after the commit, so the state keeps growing during the run.
 *
 * <p>Run with {@code ./holdfast bench engine}; {@code -p accounts=10000} for a quick check.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class ScreeningEngineBenchmark {
  /** Pre-generated transfers; a power of two so that the cursor wraps with a mask. */
  static final int TRANSFERS = 1 << 16;
  static final long SEED = 20261125L;
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Param("1000000")
  int accounts;

  FeatureStore store;
  ScreeningEngine engine;
  Transfer[] transfers;
  long[] amountsUsd;
  int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    SyntheticHistory history = new SyntheticHistory(accounts, SEED, NOW);
    store = new FeatureStore(accounts * 2);
    long loaded = history.loadInto(store);
    RuleSet rules = RuleSet.compile(1, DefaultRules.all());
    engine = new ScreeningEngine(store, SyntheticHistory.intelIndex(), () -> rules,
        ScoringPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    transfers = history.screeningTransfers(TRANSFERS, SEED + 1);
    amountsUsd = new long[TRANSFERS];
    for (int i = 0; i < TRANSFERS; i++) {
      amountsUsd[i] = transfers[i].amount().usdCents();
    }
    System.out.printf("%nsetup: %,d accounts, %,d states, %,d transfers of history in %.1f s%n",
        accounts, store.accountCount(), loaded, (System.nanoTime() - start) / 1e9);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Decision screen() {
    return engine.screen(transfers[cursor++ & (TRANSFERS - 1)]);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Decision screenLatency() {
    return engine.screen(transfers[cursor++ & (TRANSFERS - 1)]);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Decision screenAndRecord() {
    return screenThenRecord();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Decision screenAndRecordLatency() {
    return screenThenRecord();
  }

  private Decision screenThenRecord() {
    int i = cursor++ & (TRANSFERS - 1);
    Decision decision = engine.screen(transfers[i]);
    store.recordTransfer(transfers[i], amountsUsd[i]);
    return decision;
  }
}
