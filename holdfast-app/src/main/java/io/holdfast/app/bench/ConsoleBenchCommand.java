package io.holdfast.app.bench;

import io.holdfast.server.HoldfastServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The console under a large programme: N open holds (and twice as many that already ended)
 * and one scammer with V victims (their payments, a case with their reports, claims, outreach,
 * notes and refunds, a freeze and a sweep), written with SQL into a fresh PostgreSQL database.
 * A person signs in to the console with the form (the CSRF token read from the page, the
 * session kept in a cookie) and the benchmark times, one request at a time after a warm-up,
 * the held-payments queue (its first page, filtered pages and a next page), the API's queue,
 * and the big case's page and timeline: p50, p95 and p99 as the client saw them.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = "The console's queue and a scammer's case page at scale, on PostgreSQL.")
public class ConsoleBenchCommand implements Callable<Integer> {
  static final String BEGIN = "<!-- bench console: begin -->";
  static final String END = "<!-- bench console: end -->";
  private static final String DB = "holdfast_bench_console";
  private static final String PASSWORD = "patient-heron-counts-holds";
  private static final String CASE_ID = "case_bench_big";

  @Option(names = "--holds", description = "open holds (default: ${DEFAULT-VALUE})")
  int holds = 100_000;

  @Option(names = "--victims", description = "the scammer's victims (default: ${DEFAULT-VALUE})")
  int victims = 10_000;

  @Option(names = "--requests", description = "timed requests per page (default: ${DEFAULT-VALUE})")
  int requests = 200;

  @Option(names = "--warmup",
      description = "untimed rounds of every page first (default: ${DEFAULT-VALUE})")
  int warmup = 100;

  @Option(names = "--out", description = "Markdown file to update (default: ${DEFAULT-VALUE})")
  Path out = Path.of("docs/benchmarks.md");

  @Override
  public Integer call() throws Exception {
    if (holds < 1 || holds > 10_000_000 || victims < 10 || victims > 1_000_000
        || requests < 10 || requests > 100_000 || warmup < 0 || warmup > 100_000) {
      System.err.println("holds 1 to 10,000,000, victims 10 to 1,000,000, requests 10 to"
          + " 100,000, warmup 0 to 100,000");
      return 2;
    }
    String url = BenchStore.fresh(DB);
    long fillStart = System.nanoTime();
    fill(url);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    System.err.printf(Locale.ROOT, "[bench] %,d open holds and a scammer with %,d victims"
        + " written in %.1f s%n", holds, victims, fillSeconds);
    try (ConfigurableApplicationContext context = HoldfastServer.start("--server.port=0",
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--holdfast.admin-password=" + PASSWORD, "--holdfast.sweeps.worker=false",
        "--holdfast.assessments.daily=false", "--holdfast.campaigns.scheduled=false",
        "--holdfast.holds.recheck-scheduled=false")) {
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      Session session = new Session(port);
      session.signIn("admin", PASSWORD);
      String firstPage = session.get("/console/holds", true);
      String next = nextPage(firstPage);
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("GET /console/holds (first page of 50)", "/console/holds");
      pages.put("GET /console/holds?state=held&tier=SEVERE",
          "/console/holds?state=held&tier=SEVERE");
      pages.put("GET /console/holds?state=under_investigation",
          "/console/holds?state=under_investigation");
      pages.put("GET /console/holds?tier=HIGH", "/console/holds?tier=HIGH");
      pages.put("GET /console/holds?state=under_investigation&tier=SEVERE (none match)",
          "/console/holds?state=under_investigation&tier=SEVERE");
      pages.put("GET /console/holds?after=... (the second page)", next);
      pages.put("GET /v1/hold-queue (50, HTTP Basic)", "/v1/hold-queue");
      pages.put("GET /console/cases/{id} (" + String.format(Locale.ROOT, "%,d", victims)
          + " victims)", "/console/cases/" + CASE_ID);
      pages.put("GET /v1/cases/{id}/timeline", "/v1/cases/" + CASE_ID + "/timeline");
      // Every page is warmed before any is timed, so the first one timed does not pay for
      // the JIT compiling what the others share (the templates, the security filters).
      for (int i = 0; i < warmup; i++) {
        for (String path : pages.values()) {
          session.get(path, path.startsWith("/console"));
        }
      }
      List<String> rows = new ArrayList<>();
      for (var e : pages.entrySet()) {
        boolean console = e.getValue().startsWith("/console");
        List<Double> millis = new ArrayList<>(requests);
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
          long start = System.nanoTime();
          bytes = session.get(e.getValue(), console).length();
          millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        String row = String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %,d |",
            e.getKey(), pct(millis, 0.50), pct(millis, 0.95), pct(millis, 0.99),
            millis.get(millis.size() - 1), bytes);
        System.err.println("[bench] " + row);
        rows.add(row);
      }
      write(rows, fillSeconds);
      return 0;
    }
  }

  private static double pct(List<Double> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String nextPage(String html) {
    Matcher m = Pattern.compile("href=\"(/console/holds\\?[^\"]*after=[^\"]+)\" rel=\"next\"")
        .matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("the queue's first page has no next page");
    }
    return m.group(1).replace("&amp;", "&");
  }

  /**
   * A person's browser, reduced: one HTTP client with a cookie jar, so the console's session
   * follows every request; the API is called with HTTP Basic, as a script would.
   */
  private static final class Session {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
        .build();
    final String base;
    String basic;

    Session(int port) {
      base = "http://127.0.0.1:" + port;
    }

    void signIn(String username, String password) throws Exception {
      String form = get("/console/login", true);
      Matcher csrf = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"").matcher(form);
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF token on the sign-in page");
      }
      String body = "username=" + enc(username) + "&password=" + enc(password) + "&"
          + csrf.group(1) + "=" + enc(csrf.group(2));
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
              + "/console/login")).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      String to = r.headers().firstValue("Location").orElse("");
      if (r.statusCode() != 302 || to.contains("error") || to.contains("login")) {
        throw new IllegalStateException("sign-in refused: " + r.statusCode() + " " + to);
      }
      basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
    }

    String get(String path, boolean console) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(60)).GET();
      if (!console) {
        b.header("Authorization", basic);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " "
            + r.body().substring(0, Math.min(300, r.body().length())));
      }
      return r.body();
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }

  /** The holds (open and ended) and the big scammer's case, in a few INSERT ... SELECTs. */
  private void fill(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '512MB'");
      openHolds(s);
      endedHolds(s);
      scammer(s);
      s.execute("VACUUM ANALYZE");
    }
  }

  private void openHolds(Statement s) throws Exception {
    s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
        + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
        + " SELECT 'ho' || g, NOW() - INTERVAL '1 hour' - (g % 3600) * INTERVAL '1 second',"
        + " 's' || (g % 20000), 'r' || (g % 40000), 1000 + (g::bigint * 7919) % 500000, 'USD',"
        + " 1000 + (g::bigint * 7919) % 500000, 'p2p', 'import'"
        + " FROM generate_series(1, " + holds + ") g");
    // Deadlines spread over the next three days from two hours on, so no hold falls due (and
    // is resolved by the sweeper) while the benchmark runs; a tenth severe, three tenths high,
    // a fifth under investigation.
    s.execute("INSERT INTO holds (hold_id, transfer_id, sender_account, recipient_key,"
        + " amount_minor, currency, tier, sender_vulnerable, scam_type, reason_codes, state,"
        + " release_at, legal_deadline, ladder_step, finding, created_at, version)"
        + " SELECT 'hold_o' || g, 'ho' || g, 's' || (g % 20000), 'a:r' || (g % 40000),"
        + " 1000 + (g::bigint * 7919) % 500000, 'USD', CASE WHEN g % 10 = 0 THEN 'SEVERE'"
        + " WHEN g % 10 < 4 THEN 'HIGH' ELSE 'ELEVATED' END, g % 17 = 0, 'GENERAL',"
        + " 'NEW_RECIPIENT,LARGE_AMOUNT', CASE WHEN g % 5 = 1 THEN 'UNDER_INVESTIGATION'"
        + " ELSE 'HELD' END, NOW() + INTERVAL '2 hours' + ((g::bigint * 37) % 259200)"
        + " * INTERVAL '1 second', NOW() + INTERVAL '5 days', 1, CASE WHEN g % 5 = 1"
        + " THEN 'a payer reported the recipient' END, NOW() - INTERVAL '1 hour', 1"
        + " FROM generate_series(1, " + holds + ") g");
  }

  private void endedHolds(Statement s) throws Exception {
    long ended = 2L * holds;
    s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
        + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
        + " SELECT 'he' || g, NOW() - (g % 2592000) * INTERVAL '1 second' - INTERVAL '2 days',"
        + " 's' || (g % 20000), 'r' || (g % 40000), 5000, 'USD', 5000, 'p2p', 'import'"
        + " FROM generate_series(1, " + ended + ") g");
    s.execute("INSERT INTO holds (hold_id, transfer_id, sender_account, recipient_key,"
        + " amount_minor, currency, tier, sender_vulnerable, scam_type, reason_codes, state,"
        + " legal_deadline, ladder_step, resolution, resolved_at, resolved_by, created_at,"
        + " version) SELECT 'hold_e' || g, t.transfer_id, t.sender_account, 'a:'"
        + " || t.recipient_account, 5000, 'USD', 'ELEVATED', FALSE, 'GENERAL', 'BENCH',"
        + " CASE WHEN g % 4 = 0 THEN 'RETURNED' ELSE 'RELEASED' END,"
        + " t.created_at + INTERVAL '3 days', 4, CASE WHEN g % 4 = 0 THEN 'CANCELLED_BY_SENDER'"
        + " ELSE 'RELEASED_AT_DEADLINE' END, t.created_at + INTERVAL '1 day', 'bench',"
        + " t.created_at, 2 FROM generate_series(1, " + ended + ") g"
        + " JOIN transfers t ON t.transfer_id = 'he' || g");
  }

  /**
   * One scammer paid by every victim over 60 days; six in ten reported it (a report and its
   * claim each), the sweep found the rest (outreach and a claim each); a freeze, a sweep, 200
   * notes and 100 refunds.
   */
  private void scammer(Statement s) throws Exception {
    int reported = victims * 6 / 10;
    s.execute("INSERT INTO transfers (transfer_id, created_at, sender_account,"
        + " recipient_account, amount_minor, currency, amount_usd_minor, channel, source)"
        + " SELECT 'sv' || g, NOW() - INTERVAL '2 days' - (g % 5184000) * INTERVAL '1 second',"
        + " 'bv' || g, 'scam-big', 20000 + g % 50000, 'USD', 20000 + g % 50000, 'p2p',"
        + " 'import' FROM generate_series(1, " + victims + ") g");
    s.execute("INSERT INTO cases (case_id, subject_key, state, scam_type, restitution_round,"
        + " created_at, updated_at, version) VALUES ('" + CASE_ID + "', 'a:scam-big', 'OPEN',"
        + " 'INVESTMENT', 1, NOW() - INTERVAL '61 days', NOW(), 1)");
    s.execute("INSERT INTO reports (report_id, reporter_account, subject_key, case_id,"
        + " scam_type, narrative, messages, reporter_paid, loss_usd_minor, verdict, probability,"
        + " reasons, model_version, evidence, freeze_decision, created_at, verdict_at)"
        + " SELECT 'rep_b' || g, t.sender_account, 'a:scam-big', '" + CASE_ID + "',"
        + " 'INVESTMENT', 'He promised returns and stopped answering.', '[]', TRUE,"
        + " t.amount_usd_minor, 'SCAM', 0.93, '[]', 'bench', '{}', 'already frozen',"
        + " t.created_at + INTERVAL '1 day', t.created_at + INTERVAL '1 day'"
        + " FROM generate_series(1, " + reported + ") g JOIN transfers t"
        + " ON t.transfer_id = 'sv' || g");
    s.execute("INSERT INTO freezes (freeze_id, case_id, subject_key, account_id, active_subject,"
        + " basis, reason, kind, state, created_at, created_by, version) VALUES"
        + " ('frz_bench_big', '" + CASE_ID + "', 'a:scam-big', 'scam-big', 'a:scam-big',"
        + " 'VERDICT', 'reports of an investment scam', 'CONFIRMED', 'ACTIVE',"
        + " NOW() - INTERVAL '59 days', 'system:verdict', 1)");
    s.execute("INSERT INTO claims (claim_id, case_id, report_id, victim_account, currency,"
        + " loss_minor, paid_minor, state, victim_vulnerable, reimbursable_minor, decide_by,"
        + " created_at, version) SELECT 'clm_b' || g, '" + CASE_ID + "', CASE WHEN g <= "
        + reported + " THEN 'rep_b' || g END, t.sender_account, 'USD', t.amount_minor,"
        + " CASE WHEN g <= 100 THEN 100 ELSE 0 END, 'PENDING', FALSE, 0,"
        + " NOW() + INTERVAL '30 days', t.created_at + INTERVAL '1 day', 1"
        + " FROM generate_series(1, " + victims + ") g JOIN transfers t"
        + " ON t.transfer_id = 'sv' || g");
    s.execute("INSERT INTO refunds (refund_id, case_id, claim_id, freeze_id, round,"
        + " amount_minor, currency, created_at, created_by) SELECT 'ref_b' || g, '" + CASE_ID
        + "', 'clm_b' || g, 'frz_bench_big', 1, 100, 'USD', NOW() - INTERVAL '1 day',"
        + " 'user:supervisor' FROM generate_series(1, 100) g");
    s.execute("INSERT INTO case_notes (case_id, author, body, created_at) SELECT '" + CASE_ID
        + "', 'user:analyst', 'Note ' || g || ': another victim with the same script.',"
        + " NOW() - INTERVAL '30 days' + g * INTERVAL '1 hour' FROM generate_series(1, 200) g");
    s.execute("INSERT INTO scammers (scammer_id, subject_key, case_id, basis, created_by,"
        + " created_at) VALUES ('scm_bench_big', 'a:scam-big', '" + CASE_ID + "', 'ANALYST',"
        + " 'user:analyst', NOW() - INTERVAL '20 days')");
    s.execute("INSERT INTO sweeps (sweep_id, scammer_id, trigger_kind, since_at, until_at,"
        + " state, attempts, cluster_size, victims_found, victims_written, silent_victims,"
        + " reporters_linked, outreach_opened, claims_opened, requested_by, requested_at,"
        + " started_at, finished_at) VALUES ('swp_bench_big', 'scm_bench_big', 'ANALYST',"
        + " NOW() - INTERVAL '200 days', NOW() - INTERVAL '20 days', 'DONE', 1, 1, " + victims
        + ", " + victims + ", " + (victims - reported) + ", " + reported + ", "
        + (victims - reported) + ", " + (victims - reported) + ", 'user:analyst',"
        + " NOW() - INTERVAL '20 days', NOW() - INTERVAL '20 days',"
        + " NOW() - INTERVAL '20 days' + INTERVAL '40 seconds')");
    s.execute("INSERT INTO sweep_cluster (scammer_id, member_key, relation, hops, via_key,"
        + " evidence, sweep_id) VALUES ('scm_bench_big', 'a:scam-big', 'SCAMMER', 0, NULL,"
        + " 'the declared scammer', 'swp_bench_big')");
    s.execute("INSERT INTO sweep_victims (scammer_id, victim_account, currency, amount_minor,"
        + " amount_usd_minor, transfers, first_paid_at, last_paid_at, hops, via_key,"
        + " report_id, claim_id, first_sweep_id, last_sweep_id) SELECT 'scm_bench_big',"
        + " t.sender_account, 'USD', t.amount_minor, t.amount_usd_minor, 1, t.created_at,"
        + " t.created_at, 0, 'a:scam-big', CASE WHEN g <= " + reported + " THEN 'rep_b' || g"
        + " END, 'clm_b' || g, 'swp_bench_big', 'swp_bench_big' FROM generate_series(1, "
        + victims + ") g JOIN transfers t ON t.transfer_id = 'sv' || g");
    s.execute("INSERT INTO outreach_cases (outreach_id, case_id, scammer_id, victim_account,"
        + " scam_type, language, state, guide_sent, reminders_sent, next_at, created_at,"
        + " updated_at, version) SELECT 'or_b' || g, '" + CASE_ID + "', 'scm_bench_big',"
        + " 'bv' || g, 'INVESTMENT', 'en', 'CONTACTED', 1, 0, NOW() + INTERVAL '30 days',"
        + " NOW() - INTERVAL '20 days' + (g % 3600) * INTERVAL '1 second',"
        + " NOW() - INTERVAL '20 days', 1 FROM generate_series(" + (reported + 1) + ", "
        + victims + ") g");
  }

  private void write(List<String> rows, double fillSeconds) throws Exception {
    String body = "## The console at scale: `./holdfast bench console`\n\n"
        + "Command: `./holdfast bench console --holds " + holds + " --victims " + victims
        + " --requests " + requests + " --warmup " + warmup + "`  \n"
        + "Date: " + ZonedDateTime.now(ZoneOffset.UTC).toString().substring(0, 16) + " UTC  \n"
        + "Machine: " + Machine.describe() + ", PostgreSQL 15 on the same machine, shared with"
        + " the server and the client.\n\n"
        + String.format(Locale.ROOT, "Setup, written with SQL in %.1f s: %,d open holds (a"
            + " tenth severe, three tenths high, a fifth under investigation but none of the"
            + " severe ones, deadlines over the next three days) and %,d that already ended;"
            + " one scammer with %,d victims"
            + " (their payments, %,d reports, %,d claims, %,d outreach conversations), a"
            + " freeze, a sweep, 200 notes and 100 refunds on its case.%n%n", fillSeconds,
            holds, 2L * holds, victims, victims * 6 / 10, victims, victims - victims * 6 / 10)
        + "Method: the bootstrap admin signs in to the console with the form (the CSRF token"
        + " read from the sign-in page, the session kept in a cookie); every page is requested"
        + " " + warmup + " times untimed (in rounds of all of them), then each " + requests
        + " times one after another, timed from the request to the last byte of the answer."
        + " The API's queue is called with HTTP Basic (its password check is cached, as for"
        + " any script).\n\n"
        + "| page | p50 ms | p95 ms | p99 ms | max ms | bytes |\n"
        + "|---|---|---|---|---|---|\n"
        + String.join("\n", rows) + "\n";
    BenchSections.write(out, BEGIN, END, body, "# Benchmarks\n");
  }
}
