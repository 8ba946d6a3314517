package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the real server process with SIGKILL while clients screen transfers into holds and
 * cancel some, restarts it on the same PostgreSQL database, and checks what was promised:
 * every acknowledged screening and hold is there, every acknowledged cancel is a return, no
 * hold was resolved twice, and holds that fell due while the server was down are resolved
 * within one sweep interval of the restart.
 */
class CrashIT {
  private static final String KEY = "crash-test-key-0123456789";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private Process server;
  private String dbUrl;
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroyForcibly().waitFor();
    }
    if (dbUrl != null) {
      String admin = System.getenv().getOrDefault("HOLDFAST_TEST_DB_URL",
          "jdbc:postgresql://127.0.0.1:5432/test");
      try (Connection c = DriverManager.getConnection(admin, "postgres", "");
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + dbUrl.substring(dbUrl.lastIndexOf('/') + 1)
            + " WITH (FORCE)");
      }
    }
  }

  @Test
  void acknowledgedWorkSurvivesSigkillAndDueHoldsAreResolvedAfterRestart() throws Exception {
    dbUrl = createDatabase();
    port = freePort();
    server = start();
    awaitHealthy();
    createHoldRule();
    Set<String> acknowledgedHolds = ConcurrentHashMap.newKeySet();
    Set<String> acknowledgedCancels = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(6);
    for (int c = 0; c < 6; c++) {
      clients.submit(() -> load(running, acknowledgedHolds, acknowledgedCancels));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedHolds.size() >= 150);
    server.destroyForcibly().waitFor();
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    server = start();
    awaitHealthy();
    checkAcknowledgedWork(acknowledgedHolds, acknowledgedCancels);
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
  }

  private void checkAcknowledgedWork(Set<String> holds, Set<String> cancels) throws Exception {
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

  private void load(AtomicBoolean running, Set<String> holds, Set<String> cancels) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 100_000 && running.get(); i++) {
      String sender = "crash-s" + random.nextInt(50);
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
        if (holdId.isEmpty()) {
          continue;
        }
        holds.add(holdId);
        if (random.nextInt(4) == 0) {
          HttpResponse<String> c = send("POST", "/v1/holds/" + holdId + "/cancel", "{}", sender);
          if (c.statusCode() == 200) {
            cancels.add(holdId);
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

  private Process start() throws Exception {
    String jar = System.getProperty("holdfast.jar", "target/holdfast.jar");
    assertThat(new File(jar)).as("the packaged jar").exists();
    ProcessBuilder pb = new ProcessBuilder(List.of(
        System.getProperty("java.home") + "/bin/java", "-Xmx512m",
        "-Dholdfast.holds.elevated=PT4S", "-Dholdfast.holds.high=PT4S",
        "-Dholdfast.holds.severe=PT4S", "-Dholdfast.holds.sweep-millis=500",
        "-Dholdfast.rules.refresh-millis=500", "-jar", jar, "serve", "--port", "" + port));
    pb.environment().put("HOLDFAST_DB_URL", dbUrl);
    pb.environment().put("HOLDFAST_DB_USER", "postgres");
    pb.environment().put("HOLDFAST_API_KEY", KEY);
    pb.redirectErrorStream(true);
    pb.redirectOutput(new File("target/crash-server-" + port + ".log"));
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
    try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String createDatabase() throws Exception {
    String admin = System.getenv().getOrDefault("HOLDFAST_TEST_DB_URL",
        "jdbc:postgresql://127.0.0.1:5432/test");
    String name = "hf_crash_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    try (Connection c = DriverManager.getConnection(admin, "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
