package io.holdfast.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: a real PostgreSQL server, from binaries inside the jar, kept
 * under the data directory and run as a child of the process that needs it. It is durable at
 * commit exactly as any PostgreSQL is ({@code fsync} and {@code synchronous_commit} on), so an
 * answer sent after a commit survives a SIGKILL of the process, or of the whole machine.
 *
 * <p>It listens on no network port: only on a Unix socket inside the data directory, which is
 * owner-only, with a random password kept there in an owner-only file. Other local users can
 * neither connect nor read the files.
 *
 * <p>One process starts the server and owns it ({@link #started()}); a command-line tool run
 * while a server is up connects to that server's PostgreSQL instead of starting another. The
 * owner stops it when it closes; if the owner dies without closing (SIGKILL), PostgreSQL's
 * standard input, a pipe from the owner, closes, and a small shell watchdog stops PostgreSQL
 * with a fast shutdown, so no orphan outlives its owner. A server never borrows a store another
 * live process owns (a tool's run would end under it), and two servers never share one.
 *
 * <p>As root, PostgreSQL refuses to run; the server is then started in a user namespace of its
 * own ({@code unshare -U}) where it is not root, while it still owns its files on disk.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  /** Who opens the store, which decides whether another process's server may be borrowed. */
  public enum Role { SERVER, TOOL }

  public static final String USER = "holdfast";
  public static final String DATABASE = "holdfast";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  private static final Object IN_PROCESS_LOCK = new Object();
  private static final String SOCKET = ".s.PGSQL.5432";

  private final Path dataDir;
  private final String password;
  private final Process watchdog;

  private EmbeddedPostgres(Path dataDir, String password, Process watchdog) {
    this.dataDir = dataDir;
    this.password = password;
    this.watchdog = watchdog;
  }

  /**
   * Connects to the PostgreSQL that serves {@code dataDir}, starting it (and creating the store
   * on first use) when none is running.
   */
  public static EmbeddedPostgres open(Path dataDir, Role role, Duration startTimeout) {
    Path dir = dataDir.toAbsolutePath().normalize();
    synchronized (IN_PROCESS_LOCK) {
      try {
        OwnerOnly.directory(dir);
        Path lockFile = dir.resolve("store.lock");
        if (!Files.exists(lockFile)) {
          OwnerOnly.write(lockFile, "");
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
          return openLocked(dir, role, startTimeout);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the embedded store in " + dir + ": "
            + e.getMessage(), e);
      }
    }
  }

  private static EmbeddedPostgres openLocked(Path dir, Role role, Duration startTimeout)
      throws IOException {
    Layout layout = new Layout(dir);
    Optional<Owner> owner = Owner.read(layout.ownerFile());
    if (layout.initialised() && answers(layout)) {
      if (role == Role.SERVER && owner.isPresent() && owner.get().alive()) {
        throw new IllegalStateException("the embedded store in " + dir + " is in use by"
            + " another Holdfast process (pid " + owner.get().pid() + "); the embedded store"
            + " serves one server at a time: stop that process, or use PostgreSQL"
            + " (HOLDFAST_DB_URL) to run several");
      }
      if (role == Role.TOOL || owner.isEmpty() || !owner.get().alive()) {
        LOG.info("using the embedded PostgreSQL already running for {}", dir);
        return new EmbeddedPostgres(dir, layout.password(), null);
      }
    }
    awaitPreviousServerGone(layout, startTimeout);
    if (!layout.initialised()) {
      PostgresProcess.initdb(layout);
    }
    Process watchdog = PostgresProcess.start(layout);
    try {
      awaitReady(layout, watchdog, startTimeout);
      createDatabase(layout);
      Owner.self().write(layout.ownerFile());
    } catch (RuntimeException | IOException e) {
      stop(watchdog);
      throw e;
    }
    LOG.info("started the embedded PostgreSQL {} for {}", PostgresBinaries.VERSION, dir);
    return new EmbeddedPostgres(dir, layout.password(), watchdog);
  }

  /** The JDBC URL of the store: its Unix socket, no host or port. */
  public String jdbcUrl() {
    String socket = new Layout(dataDir).socketDir().resolve(SOCKET).toString();
    return "jdbc:postgresql://localhost/" + DATABASE
        + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
        + "&socketFactoryArg=" + URLEncoder.encode(socket, StandardCharsets.UTF_8)
        + "&sslmode=disable";
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  /** True when this process started the server (and stops it on close). */
  public boolean started() {
    return watchdog != null;
  }

  /** Stops the server if this process started it; a borrowed one is left running. */
  @Override
  public void close() {
    if (watchdog != null) {
      stop(watchdog);
      LOG.info("stopped the embedded PostgreSQL for {}", dataDir);
    }
  }

  /** True when a server for this data directory answers on its socket. */
  public static boolean running(Path dataDir) {
    Layout layout = new Layout(dataDir.toAbsolutePath().normalize());
    return layout.initialised() && answers(layout);
  }

  private static void stop(Process watchdog) {
    try {
      // Closing the pipe is the watchdog's signal for a fast shutdown.
      watchdog.getOutputStream().close();
      if (!watchdog.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("the embedded PostgreSQL did not stop within {}; killing it", STOP_WAIT);
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly().waitFor();
      }
    } catch (IOException e) {
      watchdog.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watchdog.destroyForcibly();
    }
  }

  /**
   * After the owner died, its watchdog is still shutting PostgreSQL down: wait for that, and
   * clear a lock file that outlived its process so the new server can start.
   */
  private static void awaitPreviousServerGone(Layout layout, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<ProcessHandle> postmaster = layout.postmaster();
      if (postmaster.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("a PostgreSQL (pid " + postmaster.get().pid()
            + ") still runs for " + layout.dir() + " but does not answer; stop it first");
      }
      sleep(Duration.ofMillis(100));
    }
  }

  private static void awaitReady(Layout layout, Process watchdog, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!watchdog.isAlive()) {
        throw new IllegalStateException("the embedded PostgreSQL stopped at start; the end of"
            + " its log (" + layout.log() + "):\n" + layout.logTail());
      }
      try (Connection c = connect(layout, "postgres")) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      sleep(Duration.ofMillis(50));
    }
    throw new IllegalStateException("the embedded PostgreSQL did not answer within " + timeout
        + " (" + (last == null ? "" : last.getMessage()) + "); the end of its log:\n"
        + layout.logTail());
  }

  private static boolean answers(Layout layout) {
    if (!Files.exists(layout.socketDir().resolve(SOCKET))) {
      return false;
    }
    try (Connection c = connect(layout, "postgres")) {
      return true;
    } catch (SQLException | IOException e) {
      return false;
    }
  }

  private static void createDatabase(Layout layout) throws IOException {
    try (Connection c = connect(layout, "postgres"); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the store's database: " + e.getMessage(),
          e);
    }
  }

  private static Connection connect(Layout layout, String database)
      throws SQLException, IOException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", layout.password());
    p.setProperty("connectTimeout", "2");
    String socket = layout.socketDir().resolve(SOCKET).toString();
    return DriverManager.getConnection("jdbc:postgresql://localhost/" + database
        + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
        + "&socketFactoryArg=" + URLEncoder.encode(socket, StandardCharsets.UTF_8)
        + "&sslmode=disable", p);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the embedded PostgreSQL");
    }
  }

  /** Where each part of the store lives under the data directory. */
  record Layout(Path dir) {
    Path pgData() {
      return dir.resolve("postgres");
    }

    Path socketDir() {
      return dir.resolve("run");
    }

    Path secretFile() {
      return dir.resolve("store.secret");
    }

    Path ownerFile() {
      return socketDir().resolve("owner");
    }

    Path log() {
      return dir.resolve("postgres.log");
    }

    /** The server's log, created owner-only before anything is appended to it. */
    void createLog() throws IOException {
      if (!Files.exists(log())) {
        OwnerOnly.write(log(), "");
      }
    }

    boolean initialised() {
      return Files.exists(pgData().resolve("PG_VERSION")) && Files.exists(secretFile());
    }

    String password() throws IOException {
      return Files.readString(secretFile()).trim();
    }

    /** A fresh random password, written owner-only before any server uses it. */
    String newPassword() throws IOException {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      OwnerOnly.write(secretFile(), secret);
      return secret;
    }

    /** The live process named by PostgreSQL's own lock file, if it is a postgres. */
    Optional<ProcessHandle> postmaster() throws IOException {
      Path pid = pgData().resolve("postmaster.pid");
      if (!Files.exists(pid)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pid);
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    String logTail() {
      try {
        List<String> lines = Files.exists(log()) ? Files.readAllLines(log()) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    }
  }

  /** The process that started the server, so a later process can tell whether it lives. */
  record Owner(long pid, long startedEpochMillis) {
    static Owner self() {
      ProcessHandle me = ProcessHandle.current();
      return new Owner(me.pid(), me.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L));
    }

    static Optional<Owner> read(Path file) throws IOException {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String[] parts = Files.readString(file).trim().split(" ");
      if (parts.length != 2) {
        return Optional.empty();
      }
      return Optional.of(new Owner(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }

    void write(Path file) throws IOException {
      OwnerOnly.write(file, pid + " " + startedEpochMillis + "\n");
    }

    /** Alive and the same process: a pid the system reused for another is not the owner. */
    boolean alive() {
      return ProcessHandle.of(pid).map(p -> p.info().startInstant()
          .map(i -> i.toEpochMilli() == startedEpochMillis).orElse(true)).orElse(false);
    }
  }

  /** Commands that run the PostgreSQL binaries. */
  static final class PostgresProcess {
    private PostgresProcess() {}

    static void initdb(Layout layout) throws IOException {
      Path bin = PostgresBinaries.installed().resolve("bin");
      String password = layout.newPassword();
      if (Files.exists(layout.pgData())) {
        // A directory without PG_VERSION is an initdb that died half-way: start again.
        deleteTree(layout.pgData());
      }
      layout.createLog();
      Path pwfile = layout.dir().resolve("store.secret.init");
      OwnerOnly.write(pwfile, password + "\n");
      try {
        List<String> command = asUnprivileged(List.of(bin.resolve("initdb").toString(),
            "-D", layout.pgData().toString(), "-U", USER, "--auth=scram-sha-256",
            "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C", "--no-instructions"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log().toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException("initdb failed; the end of its log ("
              + layout.log() + "):\n" + layout.logTail());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during initdb", e);
      } finally {
        Files.deleteIfExists(pwfile);
      }
    }

    /**
     * Starts PostgreSQL under a shell watchdog: when the watchdog's standard input closes (the
     * owner closed it, or died), it asks PostgreSQL for a fast shutdown and waits for it. Where
     * {@code setsid} exists (Linux), both run in a session of their own, so a Ctrl-C at the
     * terminal reaches Holdfast, which then closes the store in order, rather than PostgreSQL
     * under its last writes; elsewhere the watchdog at least ignores SIGINT itself.
     */
    static Process start(Layout layout) throws IOException {
      OwnerOnly.directory(layout.socketDir());
      Files.deleteIfExists(layout.ownerFile());
      Path bin = PostgresBinaries.installed().resolve("bin");
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
        command.addAll(List.of("/usr/bin/setsid", "-w"));
      }
      command.addAll(List.of("sh", "-c",
          "trap '' INT; \"$@\" & pg=$!; cat > /dev/null; kill -INT $pg 2>/dev/null; wait $pg",
          "holdfast-postgres", bin.resolve("postgres").toString(),
          "-D", layout.pgData().toString()));
      for (String setting : settings(layout)) {
        command.add("-c");
        command.add(setting);
      }
      layout.createLog();
      return new ProcessBuilder(asUnprivileged(command)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log().toFile())).start();
    }

    /**
     * No TCP listener, an owner-only socket, durability on (stated, not assumed), and a quiet
     * log that cannot fill the disk with routine lines.
     */
    private static List<String> settings(Layout layout) {
      return List.of("listen_addresses=", "unix_socket_directories=" + layout.socketDir(),
          "unix_socket_permissions=0700", "fsync=on", "synchronous_commit=on",
          "full_page_writes=on", "timezone=UTC", "log_timezone=UTC",
          "log_min_messages=warning", "log_checkpoints=off", "huge_pages=off",
          "max_connections=100");
    }

    private static List<String> asUnprivileged(List<String> command) {
      if (!runningAsRoot()) {
        return command;
      }
      if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
        throw new IllegalStateException("PostgreSQL will not run as root, and this machine"
            + " has no unshare to start it unprivileged: run Holdfast as an ordinary user, or"
            + " set HOLDFAST_DB_URL to a PostgreSQL server");
      }
      List<String> wrapped = new ArrayList<>(List.of("/usr/bin/unshare", "-U"));
      wrapped.addAll(command);
      return wrapped;
    }

    private static boolean runningAsRoot() {
      try {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
      } catch (LinkageError | RuntimeException e) {
        return "root".equals(System.getProperty("user.name"));
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      try (var files = Files.walk(dir)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
