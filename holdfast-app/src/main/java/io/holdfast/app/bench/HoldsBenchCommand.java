package io.holdfast.app.bench;

import io.holdfast.server.HoldfastServer;
import io.holdfast.server.holds.HoldService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The safety net's sweep under its worst case: a million holds falling due at once. Each
 * resolution is the real one (row lock, investigation checks, conditional update, RELEASE
 * instruction in the outbox, audit record), run by the server's own {@link HoldService}.
 */
@Command(name = "holds", mixinStandardHelpOptions = true,
    description = "Resolve N holds that fall due at once, on PostgreSQL.")
public class HoldsBenchCommand implements Callable<Integer> {
  static final String BEGIN = "<!-- bench holds: begin -->";
  static final String END = "<!-- bench holds: end -->";
  private static final String DB = "holdfast_bench_holds";

  @Option(names = "--holds", description = "holds due at once (default: ${DEFAULT-VALUE})")
  int holds = 1_000_000;

  @Option(names = "--batch", description = "holds per sweep transaction (default: ${DEFAULT-VALUE})")
  int batch = 5_000;

  @Option(names = "--out", description = "Markdown file to update (default: ${DEFAULT-VALUE})")
  Path out = Path.of("docs/benchmarks.md");

  @Override
  public Integer call() throws Exception {
    String url = BenchStore.fresh(DB);
    long fillStart = System.nanoTime();
    fill(url);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    System.err.printf(Locale.ROOT, "[bench] %,d due holds written in %.1f s%n", holds, fillSeconds);
    try (ConfigurableApplicationContext context = HoldfastServer.start(
        "--server.port=0", "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres", "--holdfast.holds.sweep-batches-per-run=0")) {
      HoldService service = context.getBean(HoldService.class);
      long start = System.nanoTime();
      long resolved = 0;
      for (int round = 0; round < holds / batch + 10; round++) {
        int n = service.sweepDue(batch, "bench");
        resolved += n;
        if (n == 0) {
          break;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] check = check(url);
      String line = String.format(Locale.ROOT, "%,d holds resolved in %.1f s = %,.0f holds/s;"
              + " %,d RELEASE instructions and %,d audit records written; %,d left active",
          resolved, seconds, resolved / seconds, check[0], check[1], check[2]);
      System.err.println("[bench] " + line);
      write(line, fillSeconds);
      return check[2] == 0 && check[0] == holds ? 0 : 1;
    }
  }


  /** Writes N transfers and their holds, all due an hour ago, each to its own recipient. */
  private void fill(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
          + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
          + " SELECT 'bt' || g, NOW() - INTERVAL '2 hours', 's' || (g % 100000), 'r' || g,"
          + " 10000, 'USD', 10000, 'p2p', 'import' FROM generate_series(1, " + holds + ") g");
      s.execute("INSERT INTO holds (hold_id, transfer_id, sender_account, recipient_key,"
          + " amount_minor, currency, tier, sender_vulnerable, scam_type, reason_codes, state,"
          + " release_at, legal_deadline, ladder_step, created_at, version)"
          + " SELECT 'hold_b' || g, 'bt' || g, 's' || (g % 100000), 'a:r' || g, 10000, 'USD',"
          + " 'ELEVATED', FALSE, 'GENERAL', 'BENCH', 'HELD', NOW() - INTERVAL '1 hour',"
          + " NOW() + INTERVAL '3 days', 4, NOW() - INTERVAL '2 hours', 1"
          + " FROM generate_series(1, " + holds + ") g");
      s.execute("ANALYZE");
    }
  }

  private static long[] check(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      return new long[] {
          BenchStore.one(s, "SELECT COUNT(*) FROM instructions WHERE kind = 'RELEASE'"),
          BenchStore.one(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'hold.released'"),
          BenchStore.one(s, "SELECT COUNT(*) FROM holds"
              + " WHERE state IN ('HELD', 'UNDER_INVESTIGATION')")};
    }
  }


  private void write(String line, double fillSeconds) throws Exception {
    String body = "## Holds falling due at once: `./holdfast bench holds`\n\n"
        + "Command: `./holdfast bench holds --holds " + holds + " --batch " + batch + "`  \n"
        + "Date: " + ZonedDateTime.now(ZoneOffset.UTC).toString().substring(0, 16) + " UTC  \n"
        + "Machine: " + Machine.describe() + ", PostgreSQL 15 on the same machine.\n\n"
        + String.format(Locale.ROOT, "Setup: %,d holds written with SQL in %.1f s, all due an"
            + " hour ago, each to its own recipient (so the investigation finds nothing and"
            + " every hold is released).%n%n", holds, fillSeconds)
        + "Result: " + line + ". Each resolution locks the hold (`FOR UPDATE SKIP LOCKED`),"
        + " re-runs the investigation checks, updates it conditionally on its version, and"
        + " writes its RELEASE instruction and audit record in the same transaction, "
        + batch + " holds per transaction.\n";
    BenchSections.write(out, BEGIN, END, body, "# Benchmarks\n");
  }
}
