package io.holdfast.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One kill of {@code bench crash}: start, load, SIGKILL, restart, read back. */
final class CrashRun {
  private static final int IN_FLIGHT_MAX = 64;
  private static final int RESENT = 50;
  private static final Pattern HOLD_ID = Pattern.compile("\"hold_id\":\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** An answered screening: what was sent and the hold it placed, if any. */
  record Acknowledged(String transferId, String body, String holdId) {}

  record Result(int decisions, int lostDecisions, int holds, int lostHolds, int resent,
      int decidedAgain) {
    boolean nothingLost() {
      return lostDecisions == 0 && lostHolds == 0 && decidedAgain == 0;
    }

    @Override
    public String toString() {
      return decisions + " decisions acknowledged, " + lostDecisions + " lost; " + holds
          + " holds acknowledged, " + lostHolds + " lost; " + decidedAgain + " of " + resent
          + " resent screenings decided again";
    }
  }

  private final Path jar;
  private final Path dataDir;
  private final Map<String, String> env;
  private final int port;
  private final int rate;
  private final int seconds;
  private int starts;

  CrashRun(Path jar, Path dataDir, Map<String, String> env, int port, int rate, int seconds) {
    this.jar = jar;
    this.dataDir = dataDir;
    this.env = env;
    this.port = port;
    this.rate = rate;
    this.seconds = seconds;
  }

  Result run() throws Exception {
    Process server = start();
    List<Acknowledged> acknowledged;
    try {
      awaitHealthy();
      createHoldRule();
      acknowledged = loadThenKill(server);
    } finally {
      kill(server);
    }
    server = start();
    try {
      awaitHealthy();
      return readBack(acknowledged);
    } finally {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        kill(server);
      }
    }
  }

  /**
   * Sends one screening every 1/rate seconds (open loop, at most {@link #IN_FLIGHT_MAX} in
   * flight) and kills the server at the end while requests are still arriving.
   */
  private List<Acknowledged> loadThenKill(Process server) throws Exception {
    ConcurrentLinkedQueue<Acknowledged> answered = new ConcurrentLinkedQueue<>();
    Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    for (long n = 0; n < total; n++) {
      long due = start + n * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (!inFlight.tryAcquire()) {
        continue;
      }
      String id = "crash-" + n + (n % 3 == 0 ? "-h" : "");
      String body = "{\"transfer_id\":\"" + id + "\",\"sender_account\":\"crash-s" + (n % 50)
          + "\",\"recipient_account\":\"crash-r" + n + "\",\"amount_minor\":5000,"
          + "\"currency\":\"USD\",\"channel\":\"p2p\"}";
      HTTP.sendAsync(screen(body), HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, e) -> {
            inFlight.release();
            if (e == null && r.statusCode() == 200) {
              answered.add(new Acknowledged(id, body, holdId(r.body())));
            }
          });
    }
    kill(server);
    // Answers already on their way back are acknowledgements too; give them a moment to land.
    inFlight.tryAcquire(IN_FLIGHT_MAX, 10, TimeUnit.SECONDS);
    return new ArrayList<>(answered);
  }

  private Result readBack(List<Acknowledged> acknowledged) throws Exception {
    int lostDecisions = 0;
    int holds = 0;
    int lostHolds = 0;
    for (Acknowledged a : acknowledged) {
      if (get("/v1/transfers/" + a.transferId() + "/decision", true).statusCode() == 404) {
        lostDecisions++;
      }
      if (a.holdId() != null) {
        holds++;
        if (get("/v1/holds/" + a.holdId(), false).statusCode() == 404) {
          lostHolds++;
        }
      }
    }
    List<Acknowledged> last = acknowledged.subList(Math.max(0, acknowledged.size() - RESENT),
        acknowledged.size());
    int decidedAgain = 0;
    for (Acknowledged a : last) {
      HttpResponse<String> r = HTTP.send(screen(a.body()), HttpResponse.BodyHandlers.ofString());
      boolean replayed = r.headers().firstValue("Idempotency-Hit").orElse("").equals("true")
          && java.util.Objects.equals(holdId(r.body()), a.holdId());
      if (!replayed) {
        decidedAgain++;
      }
    }
    return new Result(acknowledged.size(), lostDecisions, holds, lostHolds, last.size(),
        decidedAgain);
  }

  private void createHoldRule() throws Exception {
    String rule = "{\"name\":\"crash_hold\",\"expression\":\"transfer.transfer_id"
        + ".endsWith('-h')\",\"outcome\":\"HOLD\",\"score\":0.1,\"reason_code\":\"CRASH_BENCH\","
        + "\"description\":\"Held for the crash benchmark.\"}";
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/v1/rules"))
        .header("Authorization", admin()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(rule)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("could not create the hold rule: " + r.body());
    }
  }

  private Process start() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + "/bin/java",
        "-Xmx1g", "-jar", jar.toString(), "serve", "--port", Integer.toString(port));
    pb.environment().put("HOLDFAST_DATA_DIR", dataDir.toString());
    pb.environment().put("HOLDFAST_API_KEY", CrashBenchCommand.KEY);
    pb.environment().put("HOLDFAST_ADMIN_PASSWORD", CrashBenchCommand.PASSWORD);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(CrashBenchCommand.log(dataDir, ++starts));
    return pb.start();
  }

  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + CrashBenchCommand.healthTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get("/actuator/health", true).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server did not become healthy; see "
        + CrashBenchCommand.log(dataDir, starts));
  }

  /** SIGKILL of the server and every process under it, collected before the parent dies. */
  static void kill(Process process) throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    process.waitFor();
    for (ProcessHandle p : all) {
      p.onExit().join();
    }
  }

  private HttpRequest screen(String body) {
    return HttpRequest.newBuilder(uri("/v1/transfers/screen")).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + CrashBenchCommand.KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpResponse<String> get(String path, boolean platform) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", platform ? "Bearer " + CrashBenchCommand.KEY : admin()).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String admin() {
    return "Basic " + Base64.getEncoder().encodeToString(("admin:" + CrashBenchCommand.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String holdId(String body) {
    Matcher m = HOLD_ID.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
