package io.holdfast.app.bench;

import io.holdfast.server.state.FeatureStateLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes one load benchmark run into a Markdown file, between markers, so that a new run
 * replaces the previous one and every other section of the file is kept.
 */
final class BenchReport {
  static final String BEGIN = "<!-- bench screen: begin -->";
  static final String END = "<!-- bench screen: end -->";
  private static final String INTRO = """
      # Benchmarks

      Measured numbers only, each with the command that produced it and the machine it ran on.
      Tests never assert timings; these runs are made by hand.
      """;

  private final String command;
  BenchDatabase.Preload preload;
  String postgresVersion;
  double startSeconds;
  FeatureStateLoader.LoadReport load;
  long featureStates;
  long estimatedBytes;
  long heapAfterStart;
  LoadResult http;
  LoadResult sql;

  BenchReport(String command) {
    this.command = command;
  }

  static long heapUsedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    // A few collections in a row let reference processing finish; bounded on purpose.
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  static String postgresVersion(BenchDatabase database) throws SQLException {
    try (Connection c = database.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  void write(Path file) throws IOException {
    BenchSections.write(file, BEGIN, END, section(), INTRO);
  }

  private String section() {
    StringBuilder md = new StringBuilder();
    md.append("## HTTP screening load: `./holdfast bench screen`\n\n");
    md.append("Command: `").append(command).append("`  \n");
    md.append("Date: ").append(ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)).append(" UTC  \n");
    md.append("Machine: ").append(Machine.describe()).append(", PostgreSQL ")
        .append(postgresVersion).append(" on the same machine; the load clients run in the")
        .append(" same JVM as the server and share its two cores.\n\n");
    md.append(String.format(Locale.ROOT, "Preloaded with COPY: %,d accounts, %,d account events,"
            + " %,d transfers over 30 days, in %.1f s.  %n", preload.accounts(), preload.events(),
        preload.transfers(), preload.seconds()));
    md.append(String.format(Locale.ROOT, "Server start %.1f s, of which rebuilding the feature"
            + " state from PostgreSQL %,d ms (%,d accounts, %,d events, %,d transfers read).  %n",
        startSeconds, load.millis(), load.accounts(), load.events(), load.transfers()));
    md.append(String.format(Locale.ROOT, "Feature state: %,d accounts and addresses,"
            + " FeatureStore.estimatedBytes %,d MiB; whole-JVM heap after start and GC %,d MiB."
            + "%n%n", featureStates, estimatedBytes >> 20, heapAfterStart >> 20));
    md.append("| approach | decisions | decisions/s | p50 ms | p95 ms | p99 ms | p99.9 ms |"
        + " max ms | errors | CPU µs/decision JVM + PostgreSQL |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    row(md, "Holdfast, HTTP, in-memory features, durable decision", http);
    if (sql != null) {
      row(md, "SQL aggregate features only (JDBC, no HTTP, no write)", sql);
      md.append(String.format(Locale.ROOT, "%nRatio Holdfast / SQL aggregates: %.1f× the"
          + " decisions per second.%n", http.perSecond() / sql.perSecond()));
    }
    md.append("\nCPU per decision is read from the JVM and from /proc for all postgres processes"
        + " over the measured phase; the JVM figure includes the load clients. Two cores divided"
        + " by the sum bounds what this machine could do with nothing else running.\n");
    md.append("\nOutcome mix: ").append(http.outcomes).append(".\n");
    if (http.firstError != null) {
      md.append("First error: `").append(http.firstError.replace('`', '\'')).append("`.\n");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, LoadResult r) {
    md.append(String.format(Locale.ROOT,
        "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %,d | %.0f + %.0f |%n", label,
        r.requests, r.perSecond(), r.millis(50), r.millis(95), r.millis(99), r.millis(99.9),
        r.maxMillis(), r.errors, r.jvmCpuMicrosEach(), r.postgresCpuMicrosEach()));
  }
}
