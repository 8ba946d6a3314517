package io.holdfast.app.bench;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a SIGKILL loses: a server (this jar's, or another build's with {@code --jar}) screens a
 * bounded load, one transfer in three held, and is killed with every process under it; after a
 * restart on the same store each acknowledged decision and hold is read back over the API, and
 * the last acknowledged screenings are sent again as a platform's retries would be. Durability
 * is a count, not a time, so the numbers are exact for the run; how many answers were in the
 * window a store can lose depends on the rate.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
    description = "Acknowledged decisions and holds lost to a SIGKILL, on the embedded store or"
        + " HOLDFAST_DB_URL.")
public class CrashBenchCommand implements Callable<Integer> {
  static final String BEGIN = "<!-- bench crash: begin -->";
  static final String END = "<!-- bench crash: end -->";
  static final String KEY = "bench-crash-key-0123456789";
  static final String PASSWORD = "silver-tundra-harbor-58";

  @Option(names = "--rate", description = "screenings per second (default: ${DEFAULT-VALUE})")
  int rate = 200;

  @Option(names = "--seconds", description = "seconds of load before the kill (default:"
      + " ${DEFAULT-VALUE})")
  int seconds = 10;

  @Option(names = "--runs", description = "kills, each on a fresh store (default:"
      + " ${DEFAULT-VALUE})")
  int runs = 2;

  @Option(names = "--jar", description = "the server to kill (default: this jar)")
  Path jar;

  @Option(names = "--label", description = "the store's name in the report (default:"
      + " ${DEFAULT-VALUE})")
  String label = "embedded PostgreSQL";

  @Option(names = "--env", description = "KEY=VALUE for the server's environment, repeatable"
      + " (for example HOLDFAST_DB_URL=...)")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--out", description = "Markdown file to update (default: ${DEFAULT-VALUE})")
  Path out = Path.of("docs/benchmarks.md");

  @Override
  public Integer call() throws Exception {
    // Run as `java -jar holdfast.jar`, the class path is the jar itself.
    Path server = jar != null ? jar : Path.of(System.getProperty("java.class.path"));
    List<CrashRun.Result> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path dataDir = Files.createTempDirectory("holdfast-bench-crash");
      try {
        CrashRun.Result r = new CrashRun(server, dataDir, env, freePort(), rate, seconds).run();
        System.out.println("run " + run + ": " + r);
        results.add(r);
      } finally {
        CrashRun.deleteTree(dataDir);
      }
    }
    String body = report(results);
    System.out.print(body);
    BenchSections.write(out, BEGIN, END, body, "# Benchmarks\n");
    return results.stream().allMatch(CrashRun.Result::nothingLost) ? 0 : 1;
  }

  private String report(List<CrashRun.Result> results) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, """
        ### SIGKILL under load (%s)

        `./holdfast bench crash --rate %d --seconds %d --runs %d%s`, %s. Machine: %s.

        | run | acknowledged decisions | lost | acknowledged holds | lost | resent, decided again |
        |---|---|---|---|---|---|
        """, label, rate, seconds, runs, jar == null ? "" : " --jar " + jar.getFileName(),
        ZonedDateTime.now(ZoneOffset.UTC).toLocalDate(), Machine.describe()));
    for (int i = 0; i < results.size(); i++) {
      CrashRun.Result r = results.get(i);
      b.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %,d | %,d | %d of %d |%n", i + 1,
          r.decisions(), r.lostDecisions(), r.holds(), r.lostHolds(), r.decidedAgain(),
          r.resent()));
    }
    return b.append('\n').toString();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static File log(Path dataDir, int start) {
    return dataDir.getParent().resolve(dataDir.getFileName() + "-server-" + start + ".log")
        .toFile();
  }

  static Duration healthTimeout() {
    return Duration.ofMinutes(3);
  }
}
