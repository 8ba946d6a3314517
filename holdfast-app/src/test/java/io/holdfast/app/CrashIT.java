package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import io.holdfast.app.crash.CrashStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the real server process, and every process it started, with SIGKILL while clients
 * screen transfers into holds and cancel some, restarts it on the same store, and checks what
 * was promised: every acknowledged screening and hold is there, a resent acknowledged
 * screening is replayed rather than decided again, every acknowledged cancel is a return, no
 * hold was resolved twice, and holds that fell due while the server was down are resolved
 * within one sweep interval of the restart. The built-in sandbox platform applies the money
 * instructions through the crash and the restart; once it has caught up, its ledger must
 * reconcile with the holds: money conserved, every instruction applied exactly once. It runs
 * on every store Holdfast ships: a PostgreSQL server, and the embedded default a new user
 * gets with no set-up.
 */
class CrashIT {
  private static final String KEY = "crash-test-key-0123456789";
  private static final String ADMIN_PASSWORD = "granite-meadow-copper-17";
  private static final int SENDERS = 50;
  /** Each sender's opening balance: far more than its holds, so the sandbox never tops it up. */
  private static final long SEED_MINOR = 10_000_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private Process server;
  private int starts;
  private CrashStore store;
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      kill(server);
    }
    if (store != null) {
      store.close();
    }
  }

  static Stream<String> stores() {
    return Stream.of("postgres", "embedded");
  }

  @ParameterizedTest(name = "on the {0} store")
  @MethodSource("stores")
  void acknowledgedWorkSurvivesSigkillAndDueHoldsAreResolvedAfterRestart(String kind)
      throws Exception {
    store = kind.equals("postgres") ? CrashStore.postgres() : CrashStore.embedded();
    port = freePort();
    server = start();
    awaitHealthy();
    seedSenders();
    createHoldRule();
    Acknowledged acknowledged = new Acknowledged();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(6);
    for (int c = 0; c < 6; c++) {
      clients.submit(() -> load(running, acknowledged));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.holds.size() >= 150);
    assertThat(count("SELECT COUNT(*) FROM sandbox_applied WHERE kind = 'HOLD_FUNDS'"))
        .as("the sandbox is applying instructions before the server is killed").isPositive();
    kill(server);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    store.serverStopped();

    server = start();
    awaitHealthy();
    checkAcknowledgedWork(acknowledged);
    checkResentScreeningsAreReplayed(acknowledged);
    Set<String> acknowledgedHolds = acknowledged.holds;
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(count("SELECT COUNT(*) FROM holds WHERE state IN ('HELD',"
            + " 'UNDER_INVESTIGATION') AND release_at < NOW() - INTERVAL '3 seconds'"))
            .as("due holds are resolved after the restart").isZero());
    assertThat(count("SELECT COUNT(*) FROM (SELECT hold_id FROM instructions WHERE kind IN"
        + " ('RELEASE', 'RETURN') GROUP BY hold_id HAVING COUNT(*) > 1) twice")).isZero();
    assertThat(count("SELECT COUNT(*) FROM holds h WHERE state IN ('RELEASED', 'RETURNED')"
        + " AND NOT EXISTS (SELECT 1 FROM instructions i WHERE i.hold_id = h.hold_id"
        + " AND i.kind IN ('RELEASE', 'RETURN'))")).as("every resolution has its instruction")
        .isZero();

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(
        () -> assertThat(count("SELECT COUNT(*) FROM instructions WHERE seq IS NULL"
            + " OR seq > (SELECT last_seq FROM sandbox_cursor WHERE id = 1)"))
            .as("the sandbox applied every instruction up to the last one written").isZero());
    checkSandboxApplied(acknowledgedHolds);
    checkMoneyConserved();
  }

  /**
   * Every instruction was applied exactly once, as two postings (the senders had the money, so
   * none was topped up); every acknowledged hold's funds were taken; every resolved hold was
   * paid out or given back exactly once, the way Holdfast resolved it.
   */
  private void checkSandboxApplied(Set<String> acknowledgedHolds) throws Exception {
    assertThat(count("SELECT COUNT(*) FROM instructions i WHERE NOT EXISTS (SELECT 1"
        + " FROM sandbox_applied a WHERE a.instruction_id = i.instruction_id"
        + " AND a.kind = i.kind AND a.note NOT LIKE 'rejected%')"))
        .as("every instruction applied, none rejected").isZero();
    assertThat(count("SELECT COUNT(*) FROM (SELECT e.instruction_id FROM sandbox_entries e"
        + " JOIN instructions i ON i.instruction_id = e.instruction_id"
        + " GROUP BY e.instruction_id HAVING COUNT(*) <> 2) wrong"))
        .as("no instruction applied twice (two postings each)").isZero();
    assertThat(count("SELECT COUNT(*) FROM sandbox_entries WHERE memo = 'auto-funded'"))
        .as("no sender needed topping up").isZero();
    Set<String> funded = strings("SELECT hold_id FROM sandbox_applied"
        + " WHERE kind = 'HOLD_FUNDS'");
    assertThat(funded).as("every acknowledged hold's funds were taken")
        .containsAll(acknowledgedHolds);
    assertThat(count("SELECT COUNT(*) FROM holds h WHERE h.state IN ('RELEASED', 'RETURNED')"
        + " AND (SELECT COUNT(*) FROM sandbox_applied a WHERE a.hold_id = h.hold_id"
        + " AND a.kind = CASE h.state WHEN 'RELEASED' THEN 'RELEASE' ELSE 'RETURN' END) <> 1"))
        .as("every resolved hold paid out or given back exactly once").isZero();
    assertThat(count("SELECT COUNT(*) FROM (SELECT hold_id FROM sandbox_applied WHERE kind IN"
        + " ('RELEASE', 'RETURN') GROUP BY hold_id HAVING COUNT(*) > 1) twice")).isZero();
    assertThat(count("SELECT COUNT(*) FROM holds h WHERE COALESCE((SELECT SUM(e.amount_minor)"
        + " FROM sandbox_entries e JOIN sandbox_applied a ON a.instruction_id = e.instruction_id"
        + " WHERE a.hold_id = h.hold_id AND e.account_id = 'escrow'), 0) <> CASE WHEN h.state"
        + " IN ('RELEASED', 'RETURNED') THEN 0 ELSE h.amount_minor END"))
        .as("escrow holds each active hold's money and none of a resolved one's").isZero();
  }

  /**
   * Money is conserved: the sandbox's own checks pass (GET /v1/sandbox/ledger, the same SQL
   * as SandboxInvariants), every currency sums to zero, nothing entered but the seed, and each
   * sender and recipient holds exactly what Holdfast's holds say they should.
   */
  private void checkMoneyConserved() throws Exception {
    HttpResponse<String> ledger = sendAsAdmin("/v1/sandbox/ledger");
    assertThat(ledger.statusCode()).as(ledger.body()).isEqualTo(200);
    JsonNode invariants = JSON.readTree(ledger.body()).path("invariants");
    assertThat(invariants.path("violations").size()).as(invariants.toString()).isZero();
    assertThat(invariants.path("ok").asBoolean()).isTrue();
    assertThat(invariants.path("pending_instructions").asLong()).isZero();
    long seeded = SEED_MINOR * SENDERS;
    assertThat(count("SELECT COUNT(*) FROM (SELECT currency FROM sandbox_accounts"
        + " GROUP BY currency HAVING SUM(balance_minor) <> 0) unbalanced")).isZero();
    assertThat(count("SELECT balance_minor FROM sandbox_accounts WHERE account_id = 'world'"
        + " AND currency = 'USD'")).as("nothing entered but the seed").isEqualTo(-seeded);
    assertThat(count("SELECT SUM(balance_minor) FROM sandbox_accounts"
        + " WHERE account_id <> 'world'")).isEqualTo(seeded);
    assertThat(count("SELECT COUNT(*) FROM sandbox_accounts a WHERE a.account_id LIKE"
        + " 'user:crash-s%' AND a.balance_minor <> " + SEED_MINOR + " - (SELECT"
        + " COALESCE(SUM(h.amount_minor), 0) FROM holds h WHERE 'user:' || h.sender_account"
        + " = a.account_id AND h.state <> 'RETURNED')"))
        .as("each sender has its seed less what it did not get back").isZero();
    assertThat(count("SELECT COUNT(*) FROM sandbox_accounts a WHERE a.account_id LIKE"
        + " 'user:crash-r%' AND a.balance_minor <> (SELECT COALESCE(SUM(h.amount_minor), 0)"
        + " FROM holds h WHERE h.recipient_key = 'a:' || SUBSTRING(a.account_id FROM 6)"
        + " AND h.state = 'RELEASED')")).as("each recipient has what was released to it")
        .isZero();
    assertThat(count("SELECT COALESCE(SUM(balance_minor), 0) FROM sandbox_accounts"
        + " WHERE account_id LIKE 'user:crash-r%'")).isEqualTo(count("SELECT"
        + " COALESCE(SUM(amount_minor), 0) FROM holds WHERE state = 'RELEASED'"));
  }

  /**
   * Opens each sender's sandbox account with {@link #SEED_MINOR}, exactly as
   * SandboxLedger.deposit records a deposit (applied once, two postings from world, the
   * balances they move), in one transaction; the server runs in another process, so the test
   * writes the rows itself, before any instruction exists.
   */
  private void seedSenders() throws Exception {
    try (Connection c = store.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.addBatch("INSERT INTO sandbox_accounts (account_id, currency, balance_minor)"
            + " VALUES ('world', 'USD', " + -SEED_MINOR * SENDERS + ")");
        for (int i = 0; i < SENDERS; i++) {
          String account = "'user:crash-s" + i + "'";
          String txn = "'deposit:crash-seed-" + i + "'";
          s.addBatch("INSERT INTO sandbox_accounts (account_id, currency, balance_minor)"
              + " VALUES (" + account + ", 'USD', " + SEED_MINOR + ")");
          s.addBatch("INSERT INTO sandbox_applied (instruction_id, kind, hold_id, note,"
              + " applied_at) VALUES (" + txn + ", 'DEPOSIT', NULL, 'seeded by CrashIT', NOW())");
          s.addBatch("INSERT INTO sandbox_entries (instruction_id, posting_no, account_id,"
              + " currency, amount_minor, memo, created_at) VALUES (" + txn + ", 1, 'world',"
              + " 'USD', " + -SEED_MINOR + ", 'deposit out', NOW()), (" + txn + ", 2, "
              + account + ", 'USD', " + SEED_MINOR + ", 'deposit in', NOW())");
        }
        s.executeBatch();
      }
      c.commit();
    }
  }

  private void checkAcknowledgedWork(Acknowledged acknowledged) throws Exception {
    Set<String> decided = strings("SELECT transfer_id FROM decisions");
    assertThat(decided).as("every acknowledged decision is stored")
        .containsAll(acknowledged.decisions.keySet());
    Set<String> holds = acknowledged.holds;
    Set<String> cancels = acknowledged.cancels;
    assertThat(holds).isNotEmpty();
    for (String holdId : holds) {
      assertThat(count("SELECT COUNT(*) FROM holds WHERE hold_id = '" + holdId + "'"))
          .as("acknowledged hold %s exists", holdId).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM instructions WHERE hold_id = '" + holdId
          + "' AND kind = 'HOLD_FUNDS'")).isEqualTo(1);
    }
    for (String holdId : cancels) {
      assertThat(count("SELECT COUNT(*) FROM holds WHERE hold_id = '" + holdId
          + "' AND resolution = 'CANCELLED_BY_SENDER'")).as("cancel of %s", holdId).isEqualTo(1);
    }
  }

  /**
   * The last screenings acknowledged before the kill, sent again as a platform retries: each
   * is the stored decision replayed ({@code Idempotency-Hit}), with the same hold, never a new
   * decision.
   */
  private void checkResentScreeningsAreReplayed(Acknowledged acknowledged) throws Exception {
    List<Acknowledged.Screening> last = acknowledged.last(50);
    assertThat(last).isNotEmpty();
    for (Acknowledged.Screening s : last) {
      HttpResponse<String> r = send("POST", "/v1/transfers/screen", s.body(), null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Idempotency-Hit")).as("replay of %s", s.transferId())
          .contains("true");
      assertThat(JSON.readTree(r.body()).path("hold").path("hold_id").asString())
          .isEqualTo(s.holdId());
    }
    assertThat(count("SELECT COUNT(*) FROM holds")).as("no retry placed a hold")
        .isEqualTo(count("SELECT COUNT(*) FROM decisions WHERE outcome = 'HOLD'"));
  }

  private void load(AtomicBoolean running, Acknowledged acknowledged) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 100_000 && running.get(); i++) {
      String sender = "crash-s" + random.nextInt(SENDERS);
      String body = "{\"transfer_id\":\"crash-" + random.nextLong(Long.MAX_VALUE)
          + "\",\"sender_account\":\"" + sender + "\",\"recipient_account\":\"crash-r"
          + random.nextInt(1_000_000) + "\",\"amount_minor\":5000,\"currency\":\"USD\","
          + "\"channel\":\"p2p\"}";
      try {
        HttpResponse<String> r = send("POST", "/v1/transfers/screen", body, null);
        if (r.statusCode() != 200) {
          continue;
        }
        String holdId = JSON.readTree(r.body()).path("hold").path("hold_id").asString();
        acknowledged.screened(body, JSON.readTree(r.body()).path("transfer_id").asString(),
            holdId);
        if (holdId.isEmpty()) {
          continue;
        }
        if (random.nextInt(4) == 0) {
          HttpResponse<String> c = send("POST", "/v1/holds/" + holdId + "/cancel", "{}", sender);
          if (c.statusCode() == 200) {
            acknowledged.cancels.add(holdId);
          }
        }
      } catch (Exception e) {
        // The server was killed mid-request: nothing was acknowledged, so nothing is expected.
      }
    }
  }

  private void createHoldRule() throws Exception {
    String rule = "{\"name\":\"crash_hold\",\"expression\":\"transfer.sender_account"
        + ".startsWith('crash-s')\",\"outcome\":\"HOLD\",\"score\":0.1,"
        + "\"reason_code\":\"CRASH_TEST\",\"description\":\"Held for the crash test.\"}";
    HttpResponse<String> r = send("POST", "/v1/rules", rule, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private HttpResponse<String> send(String method, String path, String body, String account)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + KEY)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (account != null) {
      b.header("Holdfast-Account", account);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> sendAsAdmin(String path) throws Exception {
    String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private Process start() throws Exception {
    String jar = System.getProperty("holdfast.jar", "target/holdfast.jar");
    assertThat(new File(jar)).as("the packaged jar").exists();
    ProcessBuilder pb = new ProcessBuilder(List.of(
        System.getProperty("java.home") + "/bin/java", "-Xmx512m",
        "-Dholdfast.holds.elevated=PT4S", "-Dholdfast.holds.high=PT4S",
        "-Dholdfast.holds.severe=PT4S", "-Dholdfast.holds.sweep-millis=500",
        "-Dholdfast.rules.refresh-millis=500", "-Dholdfast.sandbox.enabled=true",
        "-Dholdfast.sandbox.poll-millis=200", "-jar", jar, "serve", "--port", "" + port));
    pb.environment().putAll(store.environment());
    pb.environment().put("HOLDFAST_API_KEY", KEY);
    pb.environment().put("HOLDFAST_ADMIN_PASSWORD", ADMIN_PASSWORD);
    pb.environment().put("HOLDFAST_KEY_PEPPER", "crash-test-key-pepper-0123456789abcdef");
    pb.redirectErrorStream(true);
    // One log per start, so the log of the killed server survives the restart.
    starts++;
    pb.redirectOutput(new File("target/crash-server-" + port + "-" + starts + ".log"));
    return pb.start();
  }

  private void awaitHealthy() {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
      try {
        HttpResponse<String> r = send("GET", "/actuator/health", null, null);
        return r.statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    });
  }

  private long count(String sql) throws Exception {
    return store.count(sql);
  }

  /**
   * SIGKILL of the server and of every process it started (an embedded store's own
   * processes die with it, as they would when the machine's power goes), collected before the
   * parent dies so none is missed.
   */
  private static void kill(Process process) throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    process.waitFor();
    for (ProcessHandle p : all) {
      p.onExit().join();
    }
  }

  private Set<String> strings(String sql) throws Exception {
    Set<String> found = new java.util.HashSet<>();
    try (Connection c = store.connect();
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
