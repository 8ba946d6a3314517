package io.holdfast.app.bench;

import io.holdfast.server.HoldfastServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Rapid recovery's clock: victims' reports arrive at a fixed rate over real HTTP, each against
 * a scammer with the marks of one (young account, many payers, money passed on within the
 * hour); the time from sending a report to its answer is the time to the freeze instruction
 * being committed, because the freeze commits in the report's own transaction. The load is
 * open-loop: each report is sent at its scheduled time whatever the earlier ones are doing, and
 * latency counts from that time, so a stall is not hidden (no coordinated omission).
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
    description = "Victim reports to freeze at a fixed rate, on PostgreSQL.")
public class ReportsBenchCommand implements Callable<Integer> {
  static final String BEGIN = "<!-- bench reports: begin -->";
  static final String END = "<!-- bench reports: end -->";
  private static final String DB = "holdfast_bench_reports";
  private static final String KEY = "bench-reports-key-0123456789";
  private static final int PAYERS_PER_SCAMMER = 10;

  @Option(names = "--rate", description = "reports per second (default: ${DEFAULT-VALUE})")
  int rate = 100;

  @Option(names = "--seconds", description = "measured seconds (default: ${DEFAULT-VALUE})")
  int seconds = 60;

  @Option(names = "--warmup-seconds", description = "unmeasured seconds first (default:"
      + " ${DEFAULT-VALUE})")
  int warmupSeconds = 15;

  @Option(names = "--out", description = "Markdown file to update (default: ${DEFAULT-VALUE})")
  Path out = Path.of("docs/benchmarks.md");

  @Override
  public Integer call() throws Exception {
    int scammers = rate * (seconds + warmupSeconds);
    String url = BenchStore.fresh(DB);
    fill(url, scammers);
    try (ConfigurableApplicationContext context = HoldfastServer.start("--server.port=0",
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--holdfast.api-key=" + KEY, "--holdfast.reports.per-reporter-per-day=1000")) {
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      Result warm = load(port, 0, rate * warmupSeconds);
      System.err.printf(Locale.ROOT, "[bench] warm-up: %,d reports%n", warm.sent);
      Result measured = load(port, rate * warmupSeconds, rate * seconds);
      long[] check = check(url);
      String line = describe(measured, check);
      System.err.println("[bench] " + line);
      write(line, scammers);
      return measured.errors.get() == 0 ? 0 : 1;
    }
  }

  /** What one phase measured. */
  private static final class Result {
    final Histogram all = new Histogram(60_000_000L, 3);
    final Histogram froze = new Histogram(60_000_000L, 3);
    final AtomicLong errors = new AtomicLong();
    long sent;
    double seconds;
  }

  private Result load(int port, int first, int count) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Recorder all = new Recorder(60_000_000L, 3);
    Recorder froze = new Recorder(60_000_000L, 3);
    Result result = new Result();
    CompletableFuture<?>[] pending = new CompletableFuture<?>[count];
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long scheduled = start + i * intervalNanos;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        // Pacing an open-loop load to its schedule in wall time; parkNanos keeps sub-millisecond
        // precision that Thread.sleep(ms, ns) rounds away.
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      pending[i] = http.sendAsync(request(port, first + i), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, error) -> {
            long micros = Math.max(1, (System.nanoTime() - scheduled) / 1_000);
            if (error != null || response.statusCode() != 201) {
              result.errors.incrementAndGet();
              return;
            }
            all.recordValue(micros);
            if (response.body().contains("\"freeze_id\":\"frz_")) {
              froze.recordValue(micros);
            }
          });
    }
    CompletableFuture.allOf(pending).exceptionally(e -> null).join();
    result.seconds = (System.nanoTime() - start) / 1e9;
    result.sent = count;
    result.all.add(all.getIntervalHistogram());
    result.froze.add(froze.getIntervalHistogram());
    return result;
  }

  private static HttpRequest request(int port, int i) {
    String body = "{\"reporter_account\":\"v" + i + "_0\",\"recipient_account\":\"s" + i
        + "\",\"scam_type\":\"investment\",\"contact_channel\":\"telegram\",\"narrative\":\""
        + "I met him on Telegram, he said he was a crypto trader. He promised guaranteed returns"
        + " of 30% a week. I sent USDT to his account and now the platform says I must pay a"
        + " withdrawal fee and tax first. He stopped answering; I lost everything.\","
        + "\"scammer_messages\":[\"Trust me dear, guaranteed profit, act now before the bonus"
        + " ends\",\"To unlock your withdrawal you must pay the 15% tax fee today\"]}";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/reports"))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }


  /**
   * Per scammer s&lt;i&gt;: a five-day-old account, paid by ten victims v&lt;i&gt;_&lt;k&gt; over
   * the last two days, each payment passed on to a cash-out address within the hour.
   */
  private static void fill(String url, int scammers) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO accounts (account_id, created_at, kyc_level, vulnerability_flags,"
          + " status, updated_at) SELECT 's' || g, NOW() - INTERVAL '5 days', 0, '', 'ACTIVE',"
          + " NOW() FROM generate_series(0, " + (scammers - 1) + ") g");
      s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
          + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
          + " SELECT 'in' || g || '_' || k, NOW() - (k * INTERVAL '3 hours') - INTERVAL '1 hour',"
          + " 'v' || g || '_' || k, 's' || g, 50000 + k * 1000, 'USD', 50000 + k * 1000, 'p2p',"
          + " 'import' FROM generate_series(0, " + (scammers - 1) + ") g,"
          + " generate_series(0, " + (PAYERS_PER_SCAMMER - 1) + ") k");
      s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
          + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
          + " SELECT 'out' || g || '_' || k, NOW() - (k * INTERVAL '3 hours') - INTERVAL '20"
          + " minutes', 's' || g, 'cashout' || (g % 97), 49000, 'USD', 49000, 'p2p', 'import'"
          + " FROM generate_series(0, " + (scammers - 1) + ") g, generate_series(0, "
          + (PAYERS_PER_SCAMMER - 1) + ") k");
      s.execute("ANALYZE");
    }
  }

  private static long[] check(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      return new long[] {
          BenchStore.one(s, "SELECT COUNT(*) FROM reports"),
          BenchStore.one(s, "SELECT COUNT(*) FROM freezes"),
          BenchStore.one(s, "SELECT COUNT(*) FROM instructions WHERE kind = 'FREEZE'"),
          BenchStore.one(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'freeze.created'")};
    }
  }


  private String describe(Result r, long[] check) {
    return String.format(Locale.ROOT, "%,d reports at %d/s in %.1f s, %,d errors; report to"
            + " answer p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; the %,d that froze"
            + " their recipient: p50 %.1f ms, p99 %.1f ms, max %.1f ms. Store after warm-up and"
            + " run: %,d reports, %,d freezes, %,d FREEZE instructions, %,d freeze audit records",
        r.sent, rate, r.seconds, r.errors.get(), ms(r.all, 50), ms(r.all, 99), ms(r.all, 99.9),
        r.all.getMaxValue() / 1e3, r.froze.getTotalCount(), ms(r.froze, 50), ms(r.froze, 99),
        r.froze.getMaxValue() / 1e3, check[0], check[1], check[2], check[3]);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
  }

  private void write(String line, int scammers) throws Exception {
    String body = "## Report to freeze: `./holdfast bench reports`\n\n"
        + "Command: `./holdfast bench reports --rate " + rate + " --seconds " + seconds
        + " --warmup-seconds " + warmupSeconds + "`  \n"
        + "Date: " + ZonedDateTime.now(ZoneOffset.UTC).toString().substring(0, 16) + " UTC  \n"
        + "Machine: " + Machine.describe() + ", PostgreSQL 15 and the load client on the same"
        + " machine.\n\n"
        + String.format(Locale.ROOT, "Setup: %,d scammer accounts, five days old, each paid by"
            + " %d victims in the last two days and passing each payment on within the hour"
            + " (%,d transfers). Each report is one victim's, against its own scammer, with an"
            + " investment-scam narrative and the scammer's messages, over HTTP with an API"
            + " key, open-loop at a fixed rate; latency counts from each report's scheduled"
            + " send time. A report that freezes commits the freeze, its FREEZE instruction,"
            + " the returns of held inbound money, the claim and the audit records in its own"
            + " transaction, so its answer time is the time to the freeze instruction being"
            + " committed.%n%n", scammers, PAYERS_PER_SCAMMER,
            (long) scammers * PAYERS_PER_SCAMMER * 2)
        + "Goal: p99 at most 1 s (target 100 ms) at 100 reports/s.\n\n"
        + "Result: " + line + ".\n";
    BenchSections.write(out, BEGIN, END, body, "# Benchmarks\n");
  }
}
