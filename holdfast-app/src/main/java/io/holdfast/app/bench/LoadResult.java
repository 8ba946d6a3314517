package io.holdfast.app.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What one measured phase did: how many, how fast, how long each took, and how it ended. */
final class LoadResult {
  /** Latencies in microseconds, up to a minute, to three significant digits. */
  static Histogram newHistogram() {
    return new Histogram(60_000_000L, 3);
  }

  final Histogram latencyMicros = newHistogram();
  final Map<String, Long> outcomes = new TreeMap<>();
  long requests;
  long errors;
  String firstError;
  double seconds;
  long jvmCpuNanos = -1;
  long postgresCpuNanos = -1;

  /** Runs a phase and records its wall time and the CPU time the JVM and PostgreSQL used. */
  interface Phase {
    void run() throws InterruptedException;
  }

  void measure(Phase phase) throws InterruptedException {
    long jvm = CpuClock.jvmNanos();
    long pg = CpuClock.postgresNanos();
    long start = System.nanoTime();
    phase.run();
    seconds = (System.nanoTime() - start) / 1e9;
    jvmCpuNanos = jvm < 0 ? -1 : CpuClock.jvmNanos() - jvm;
    postgresCpuNanos = pg < 0 ? -1 : CpuClock.postgresNanos() - pg;
  }

  /** CPU microseconds per request, JVM and PostgreSQL; negative where unknown. */
  double jvmCpuMicrosEach() {
    return jvmCpuNanos < 0 || requests == 0 ? -1 : jvmCpuNanos / 1e3 / requests;
  }

  double postgresCpuMicrosEach() {
    return postgresCpuNanos < 0 || requests == 0 ? -1 : postgresCpuNanos / 1e3 / requests;
  }

  synchronized void merge(Histogram histogram, Map<String, Long> threadOutcomes, long count,
      long errorCount, String error) {
    latencyMicros.add(histogram);
    threadOutcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
    requests += count;
    errors += errorCount;
    if (firstError == null) {
      firstError = error;
    }
  }

  double perSecond() {
    return seconds == 0 ? 0 : requests / seconds;
  }

  double millis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latencyMicros.getMaxValue() / 1000.0;
  }

  String summary(String label) {
    return String.format("%s: %,d in %.1f s = %,.0f/s; p50 %.2f ms, p95 %.2f, p99 %.2f,"
            + " p99.9 %.2f, max %.2f; CPU per request: JVM %.0f us, PostgreSQL %.0f us;"
            + " errors %,d%s; outcomes %s", label, requests, seconds,
        perSecond(), millis(50), millis(95), millis(99), millis(99.9), maxMillis(),
        jvmCpuMicrosEach(), postgresCpuMicrosEach(), errors,
        firstError == null ? "" : " (first: " + firstError + ")", outcomes);
  }
}
