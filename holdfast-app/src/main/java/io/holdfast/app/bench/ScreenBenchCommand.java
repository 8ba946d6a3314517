package io.holdfast.app.bench;

import io.holdfast.bench.SyntheticHistory;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.server.HoldfastServer;
import io.holdfast.server.state.FeatureStateLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The load benchmark of the HTTP API: preloads synthetic history into PostgreSQL, starts the
 * server in this process (which rebuilds its feature state from PostgreSQL, timed), drives
 * screening with concurrent clients, then computes the same features with SQL aggregates for
 * comparison, and writes the results to a Markdown file.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
    description = "Load-test POST /v1/transfers/screen against PostgreSQL and compare with "
        + "SQL aggregate features.")
public class ScreenBenchCommand implements Callable<Integer> {
  static final String API_KEY = "bench-key-0123456789";
  static final long HISTORY_SEED = 20261125L;
  static final long STREAM_SEED = 7L;

  @Spec
  CommandSpec spec;

  @Option(names = "--db-url", description = "PostgreSQL JDBC URL of an empty database (default:"
      + " recreate holdfast_bench on 127.0.0.1:5432)")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "postgres", description = "default: ${DEFAULT-VALUE}")
  String dbUser;

  @Option(names = "--accounts", defaultValue = "100000",
      description = "accounts of preloaded history (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(names = "--requests", defaultValue = "200000",
      description = "measured screenings (default: ${DEFAULT-VALUE})")
  long requests;

  @Option(names = "--warmup", defaultValue = "20000",
      description = "screenings before measuring (default: ${DEFAULT-VALUE})")
  long warmup;

  @Option(names = "--clients", defaultValue = "32",
      description = "concurrent connections (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--sql-requests", defaultValue = "20000",
      description = "decisions for the SQL aggregate baseline, 0 to skip (default: ${DEFAULT-VALUE})")
  long sqlRequests;

  @Option(names = "--http-client", defaultValue = "raw",
      description = "raw (plain sockets) or jdk (java.net.http) (default: ${DEFAULT-VALUE})")
  String httpClient;

  @Option(names = "--server-property", paramLabel = "KEY=VALUE",
      description = "extra server property, repeatable, e.g. for an experiment with a setting")
  List<String> serverProperties = new ArrayList<>();

  @Option(names = "--out", defaultValue = "docs/benchmarks.md",
      description = "Markdown file whose screen section is replaced (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!httpClient.equals("raw") && !httpClient.equals("jdk")) {
      throw new IllegalArgumentException("--http-client is raw or jdk");
    }
    BenchReport report = new BenchReport(commandLine());
    String url = dbUrl;
    if (url == null) {
      BenchDatabase.recreateDefault(dbUser);
      url = BenchDatabase.DEFAULT_URL;
    }
    BenchDatabase database = new BenchDatabase(url, dbUser);
    database.migrate();
    database.requireEmpty();
    SyntheticHistory history = new SyntheticHistory(accounts, HISTORY_SEED,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
    report.preload = database.preload(history);
    log("preloaded %,d accounts, %,d events, %,d transfers in %.1f s", report.preload.accounts(),
        report.preload.events(), report.preload.transfers(), report.preload.seconds());
    report.postgresVersion = BenchReport.postgresVersion(database);
    serve(url, history, report);
    if (sqlRequests > 0) {
      SqlBaseline sql = new SqlBaseline(url, dbUser, clients, history, STREAM_SEED);
      try {
        long from = warmup + requests;
        sql.run(from, from + Math.min(sqlRequests / 10, 2_000), clients);
        report.sql = sql.run(from + 2_000, from + 2_000 + sqlRequests, clients);
        log("%s", report.sql.summary("SQL aggregates"));
      } finally {
        sql.close();
      }
    }
    report.write(out);
    log("results written to %s", out);
    return 0;
  }

  private void serve(String url, SyntheticHistory history, BenchReport report) throws Exception {
    long start = System.nanoTime();
    ConfigurableApplicationContext context = HoldfastServer.start(serverArgs(url));
    try {
      report.startSeconds = (System.nanoTime() - start) / 1e9;
      report.load = context.getBean(FeatureStateLoader.class).lastLoad();
      FeatureStore features = context.getBean(FeatureStore.class);
      report.featureStates = features.accountCount();
      report.estimatedBytes = features.estimatedBytes();
      report.heapAfterStart = BenchReport.heapUsedAfterGc();
      SyntheticHistory.addIntel(context.getBean(IntelIndex.class));
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      log("server up in %.1f s; feature state rebuilt in %,d ms", report.startSeconds,
          report.load.millis());
      HttpLoad load = new HttpLoad(port, API_KEY, history, STREAM_SEED, httpClient.equals("jdk"));
      log("%s", load.run(0, warmup, clients).summary("warm-up"));
      report.http = load.run(warmup, warmup + requests, clients);
      log("%s", report.http.summary("Holdfast HTTP"));
    } finally {
      context.close();
    }
  }

  private String[] serverArgs(String url) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + dbUser,
        "--spring.datasource.password=",
        "--holdfast.api-key=" + API_KEY,
        "--logging.level.root=WARN",
        "--logging.level.io.holdfast=INFO",
        // The daily assessment and the campaign rounds are nightly batch work with their own
        // benchmark (bench assess); a server started after the day's assessment time would
        // otherwise run the day's assessment of every account during the measured load.
        "--holdfast.assessments.daily=false",
        "--holdfast.campaigns.scheduled=false"));
    for (String property : serverProperties) {
      args.add("--" + property);
    }
    return args.toArray(new String[0]);
  }

  private String commandLine() {
    StringBuilder line = new StringBuilder("./holdfast bench screen");
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      line.append(' ').append(arg);
    }
    return line.toString().replace("bench screen bench screen", "bench screen");
  }

  static void log(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
