package io.holdfast.app.bench;

import io.holdfast.server.HoldfastServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Silent sufferers at scale: a generated graph of N transfers over M accounts on PostgreSQL,
 * filled with SQL ({@code generate_series}), with one scammer paid by P distinct accounts over
 * 170 days whose money goes out through mules (10 at the first hop, each paying 5, each of
 * those paying 1). Measured over real HTTP against the real server: a sweep from
 * {@code POST /v1/scammers} to its outreach conversations, claims and messages being committed,
 * a second (idempotent) sweep of the same scammer, and the 3-hop trace.
 */
@Command(name = "sweeps", mixinStandardHelpOptions = true,
    description = "A sweep for a scammer with many payers, and a 3-hop trace, on PostgreSQL.")
public class SweepsBenchCommand implements Callable<Integer> {
  static final String BEGIN = "<!-- bench sweeps: begin -->";
  static final String END = "<!-- bench sweeps: end -->";
  private static final String DB = "holdfast_bench_sweeps";
  private static final String PASSWORD = "watchful-otter-keeps-score";
  private static final String[] INDEXES = {
      "transfers_by_sender ON transfers (sender_account, created_at)",
      "transfers_by_recipient_account ON transfers (recipient_account, created_at)",
      "transfers_by_recipient_address ON transfers (recipient_address, created_at)",
      "transfers_by_time ON transfers (created_at)"};

  @Option(names = "--accounts", description = "accounts (default: ${DEFAULT-VALUE})")
  int accounts = 1_000_000;

  @Option(names = "--transfers", description = "background transfers (default: ${DEFAULT-VALUE})")
  int transfers = 10_000_000;

  @Option(names = "--payers", description = "the scammer's payers (default: ${DEFAULT-VALUE})")
  int payers = 10_000;

  @Option(names = "--trace-runs", description = "traces timed (default: ${DEFAULT-VALUE})")
  int traceRuns = 20;

  @Option(names = "--out", description = "Markdown file to update (default: ${DEFAULT-VALUE})")
  Path out = Path.of("docs/benchmarks.md");

  @Override
  public Integer call() throws Exception {
    String url = BenchStore.fresh(DB);
    long fillStart = System.nanoTime();
    fill(url);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    System.err.printf(Locale.ROOT, "[bench] %,d transfers over %,d accounts in %.1f s%n",
        transfers + payers, accounts, fillSeconds);
    try (ConfigurableApplicationContext context = HoldfastServer.start("--server.port=0",
        "--spring.datasource.url=" + url + "?reWriteBatchedInserts=true",
        "--spring.datasource.username=postgres", "--holdfast.admin-password=" + PASSWORD)) {
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      Client client = new Client(port);
      // A smaller scammer first, unmeasured, so the measured sweep does not pay for the JIT.
      sweep(client, url, "scam-0");
      long[] first = sweep(client, url);
      long[] second = sweep(client, url);
      String scammerId = client.scammerId;
      List<Double> traces = traces(client, scammerId);
      String line = describe(first, second, traces);
      System.err.println("[bench] " + line);
      write(line, fillSeconds);
      return first[1] == payers ? 0 : 1;
    }
  }

  /** A bounded HTTP client for the benchmark, logged in as the bootstrap admin. */
  private static final class Client {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    String scammerId;

    Client(int port) {
      base = "http://127.0.0.1:" + port;
    }

    String send(String method, String path, String body) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(120)).header("Authorization", auth)
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " "
            + r.body());
      }
      return r.body();
    }
  }

  /**
   * One sweep, from the request to the worker's DONE with everything committed; returns the
   * milliseconds seen by the client, the victims found, the outreach opened, and the
   * milliseconds from the sweep's request to its finish as the server recorded them.
   */
  private long[] sweep(Client client, String url) throws Exception {
    return sweep(client, url, "scam-1");
  }

  private long[] sweep(Client client, String url, String scammer) throws Exception {
    long start = System.nanoTime();
    String body = client.send("POST", "/v1/scammers", "{\"recipient_account\":\"" + scammer
        + "\"}");
    client.scammerId = field(body, "scammer_id");
    String sweepId = field(body.substring(body.indexOf("\"sweep\"")), "sweep_id");
    // Poll the sweep's row on one connection: bounded, 5 ms apart, so the wait adds at most
    // that to the time and takes next to nothing from the server on a two-core machine.
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      for (int i = 0; i < 24_000; i++) {
        try (ResultSet rs = s.executeQuery("SELECT state, victims_found, outreach_opened,"
            + " EXTRACT(EPOCH FROM (finished_at - requested_at)) * 1000 FROM sweeps"
            + " WHERE sweep_id = '" + sweepId + "'")) {
          rs.next();
          if (rs.getString(1).equals("DONE") || rs.getString(1).equals("FAILED")) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new long[] {millis, rs.getLong(2), rs.getLong(3), rs.getLong(4)};
          }
        }
        Thread.sleep(5);
      }
    }
    throw new IllegalStateException("sweep " + sweepId + " did not finish");
  }

  private List<Double> traces(Client client, String scammerId) throws Exception {
    List<Double> millis = new ArrayList<>();
    client.send("GET", "/v1/scammers/" + scammerId + "/trace?hops=3", null);
    for (int i = 0; i < traceRuns; i++) {
      long start = System.nanoTime();
      String body = client.send("GET", "/v1/scammers/" + scammerId + "/trace?hops=3", null);
      millis.add((System.nanoTime() - start) / 1e6);
      if (i == 0) {
        System.err.println("[bench] trace: " + body.substring(0, Math.min(body.length(), 300)));
      }
    }
    Collections.sort(millis);
    return millis;
  }

  private String describe(long[] first, long[] second, List<Double> traces) {
    return String.format(Locale.ROOT, "first sweep of a scammer with %,d payers: %,d ms from"
            + " POST /v1/scammers to the sweep DONE as the client saw it (%,d ms requested to"
            + " finished in the server), %,d victims found, %,d outreach conversations opened"
            + " with their first message and waiting claim; a second sweep of the same scammer"
            + " %,d ms (%,d opened: none duplicated); 3-hop trace (fan-out 10) over HTTP, %d"
            + " runs: median %.1f ms, p95 %.1f ms, max %.1f ms", payers, first[0], first[3],
        first[1], first[2], second[0], second[2], traceRuns, traces.get(traces.size() / 2),
        traces.get(Math.min(traces.size() - 1, (int) (traces.size() * 0.95))),
        traces.get(traces.size() - 1));
  }

  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(at, json.indexOf('"', at));
  }


  /**
   * Accounts, background transfers between them over 180 days, the scammer's payers, and its
   * mule chain, with the indexes dropped during the load and built after.
   */
  private void fill(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '1GB'");
      for (String index : INDEXES) {
        s.execute("DROP INDEX IF EXISTS " + index.substring(0, index.indexOf(' ')));
      }
      s.execute("INSERT INTO accounts (account_id, created_at, country, kyc_level,"
          + " vulnerability_flags, status, updated_at) SELECT 'acc' || g, NOW() - INTERVAL"
          + " '400 days', CASE WHEN g % 10 = 0 THEN 'ES' ELSE 'GB' END, 1, '', 'ACTIVE', NOW()"
          + " FROM generate_series(1, " + accounts + ") g");
      // Deterministic pseudo-random ends: multiplying by primes modulo the account count.
      s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
          + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
          + " SELECT 'b' || g, NOW() - ((g % 15552000) || ' seconds')::interval,"
          + " 'acc' || (1 + (g::bigint * 7919) % " + accounts + "),"
          + " 'acc' || (1 + (g::bigint * 104729 + 13) % " + accounts + "),"
          + " 100 + g % 100000, 'USD', 100 + g % 100000, 'p2p', 'import'"
          + " FROM generate_series(1, " + transfers + ") g");
      s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
          + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
          + " SELECT 'sv' || g, NOW() - INTERVAL '10 days' - ((g % 160) || ' days')::interval,"
          + " 'acc' || (1 + (g::bigint * 97) % " + accounts + "), 'scam-1', 50000 + g % 1000,"
          + " 'USD', 50000 + g % 1000, 'p2p', 'import' FROM generate_series(1, " + payers + ") g");
      s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
          + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
          + " SELECT 'sw' || g, NOW() - INTERVAL '10 days', 'acc' || (1 + (g::bigint * 89) % "
          + accounts + "), 'scam-0', 1000, 'USD', 1000, 'p2p', 'import'"
          + " FROM generate_series(1, " + Math.min(payers, 5_000) + ") g");
      mules(s);
      for (String index : INDEXES) {
        s.execute("CREATE INDEX " + index);
      }
      s.execute("ANALYZE");
    }
  }

  private static void mules(Statement s) throws Exception {
    String insert = "INSERT INTO transfers (transfer_id, created_at, sender_account,"
        + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source) ";
    s.execute(insert + "SELECT 'm1-' || i, NOW() - INTERVAL '5 days', 'scam-1', 'mule1-' || i,"
        + " 10000000, 'USD', 10000000, 'p2p', 'import' FROM generate_series(1, 10) i");
    s.execute(insert + "SELECT 'm2-' || i || '-' || j, NOW() - INTERVAL '4 days', 'mule1-' || i,"
        + " 'mule2-' || i || '-' || j, 1900000, 'USD', 1900000, 'p2p', 'import'"
        + " FROM generate_series(1, 10) i, generate_series(1, 5) j");
    s.execute(insert + "SELECT 'm3-' || i || '-' || j, NOW() - INTERVAL '3 days',"
        + " 'mule2-' || i || '-' || j, 'mule3-' || i || '-' || j, 1500000, 'USD', 1500000,"
        + " 'p2p', 'import' FROM generate_series(1, 10) i, generate_series(1, 5) j");
  }

  private void write(String line, double fillSeconds) throws Exception {
    String section = BEGIN + "\n## Silent sufferers: `./holdfast bench sweeps`\n\n"
        + "Command: `./holdfast bench sweeps --accounts " + accounts + " --transfers " + transfers
        + " --payers " + payers + "`  \n"
        + "Date: " + ZonedDateTime.now(ZoneOffset.UTC).toString().substring(0, 16) + " UTC  \n"
        + "Machine: " + Machine.describe() + ", PostgreSQL 15 on the same machine, shared with"
        + " the server and the client.\n\n"
        + String.format(Locale.ROOT, "Setup: %,d accounts and %,d transfers over 180 days written"
            + " with SQL (`generate_series`) in %.1f s, plus one scammer paid by %,d distinct"
            + " accounts over 170 days, whose money leaves through 10 mules, each paying 5"
            + " accounts, each of which pays one more.%n%n", accounts, transfers, fillSeconds,
            payers)
        + "An unmeasured sweep of a smaller scammer (5,000 payers) runs first, so the measured"
        + " one does not pay for the JIT; the server's log splits each sweep into the cluster"
        + " walk, the trace and the writes.\n\n"
        + "Result: " + line + ".\n\n"
        + "The graph is read from the `transfers` indexes (by recipient and by sender, each"
        + " with `created_at`); there is no in-memory index, so it has no memory per million"
        + " edges to report: these times did not call for one. The sweep's time includes the"
        + " cluster walk (mules to depth 2), the payer aggregation, the trace it stores, and"
        + " writing per victim a `sweep_victims` row, an outreach conversation, its first"
        + " message, a waiting claim and an audit record, 1,000 accounts per transaction.\n"
        + END;
    String existing = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n";
    int b = existing.indexOf(BEGIN);
    int e = existing.indexOf(END);
    String updated = b >= 0 && e > b
        ? existing.substring(0, b) + section + existing.substring(e + END.length())
        : existing.stripTrailing() + "\n\n" + section + "\n";
    Files.writeString(out, updated, StandardCharsets.UTF_8);
  }
}
