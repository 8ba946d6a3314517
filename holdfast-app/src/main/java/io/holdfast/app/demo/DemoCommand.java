package io.holdfast.app.demo;

import io.holdfast.core.simulation.Simulation;
import io.holdfast.core.simulation.WorldParameters;
import io.holdfast.server.HoldfastServer;
import io.holdfast.server.store.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: a simulated platform of thousands of users runs for a month of virtual time
 * through a real Holdfast server on the embedded store, with scams of every kind among ordinary
 * payments, and Holdfast's impact is counted and reported.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a simulated platform through Holdfast and print the impact report.")
public class DemoCommand implements Callable<Integer> {
  static final String API_KEY = "demo-key-0123456789";
  static final String ADMIN_PASSWORD = "slow-down-before-you-pay";
  /**
   * The second analyst, who approves what the first (the user admin) asks for: a case's
   * confirmation, a campaign's activation. Created in the store at start until the users API
   * of issue #18 replaces it.
   */
  static final String REVIEWER = "reviewer";
  static final String REVIEWER_PASSWORD = "second-pair-of-eyes";
  /** One person for each role, so a new user can open the console as each. */
  static final String[][] CONSOLE_PEOPLE = {
      {"supervisor", "the-buck-stops-at-seven", "SUPERVISOR"},
      {"analyst", "every-hold-tells-a-story", "ANALYST"},
      {"agent", "a-friendly-voice-calls-back", "AGENT"},
      {"auditor", "reads-everything-twice-over", "AUDITOR"}};

  @Option(names = "--users", description = "simulated users (default: the world file's)")
  Integer users;

  @Option(names = "--days", description = "simulated days (default: the world file's)")
  Integer days;

  @Option(names = "--seed", description = "the world's seed (default: the world file's)")
  Long seed;

  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})")
  int port = 8080;

  @Option(names = "--data-dir", description = "the demo's embedded store, wiped at the start"
      + " (default: HOLDFAST_DATA_DIR/demo or ./holdfast-data/demo)")
  Path dataDir;

  @Option(names = "--report-dir", description = "where the HTML report goes (default:"
      + " ${DEFAULT-VALUE})")
  Path reportDir = Path.of("holdfast-report");

  @Option(names = "--exit", description = "stop the server after the report instead of"
      + " leaving it running")
  boolean exit;

  /** The last run's impact, for tests. */
  Impact lastImpact;
  private String summary = "";

  /** One line on the last run: how many events and how fast, and the headline numbers. */
  public String summary() {
    return summary;
  }

  /**
   * The last run's headline numbers: scam money attempted, protected (blocked, returned,
   * warned off or recovered) and lost, in US cents; honest transfers, those held, and the
   * hours honest holds lasted.
   */
  public record Headline(long seed, long scamAttemptedMinor, long scamProtectedMinor,
      long scamLostMinor, int honestTransfers, int honestHeld, long honestHeldHours,
      double seconds) {
    public double protectedShare() {
      return ImpactText.share(scamProtectedMinor, scamAttemptedMinor);
    }

    public double honestHeldShare() {
      return ImpactText.share(honestHeld, honestTransfers);
    }
  }

  private Headline headline;

  /** The last run's headline, or null before a run. */
  public Headline headline() {
    return headline;
  }

  /** The last run's prevention numbers, in the impact report's order. */
  public java.util.Map<String, Long> preventionNumbers() {
    return lastImpact == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastImpact.prevention));
  }

  @Override
  public Integer call() throws Exception {
    WorldParameters defaults = WorldParameters.defaults();
    WorldParameters world = defaults.resized(users == null ? defaults.users() : users,
        days == null ? defaults.days() : days, seed == null ? defaults.seed() : seed);
    Path store = dataDir != null ? dataDir : Path.of(System.getenv().getOrDefault(
        "HOLDFAST_DATA_DIR", "./holdfast-data"), "demo");
    if (EmbeddedPostgres.running(store)) {
      System.err.println("holdfast: a demo is already running on " + store + "; stop it (Ctrl-C)"
          + " or give this one another --data-dir");
      return 2;
    }
    wipe(store);
    System.out.printf(Locale.ROOT, "Holdfast demo: %,d users, %d days of virtual time, seed %d."
        + "%nStarting Holdfast on the embedded store in %s ...%n", world.users(), world.days(),
        world.seed(), store);
    long started = System.nanoTime();
    ConfigurableApplicationContext context = HoldfastServer.start(serverArgs(store, world));
    int actualPort = context.getEnvironment().getRequiredProperty("local.server.port",
        Integer.class);
    DemoApi api = new DemoApi(actualPort, API_KEY, ADMIN_PASSWORD, REVIEWER, REVIEWER_PASSWORD);
    // The second analyst, made as an administrator makes anyone: through the users API.
    DemoPlatform.expect(api.analyst("POST", "/v1/users", java.util.Map.of("username", REVIEWER,
        "password", REVIEWER_PASSWORD, "roles", List.of("ANALYST"))), 201);
    DemoPlatform platform = new DemoPlatform(api, context,
        world.start().plus(java.time.Duration.ofDays(world.days())));
    Simulation.Result run = new Simulation(world).run(platform, day -> System.out.printf(
        Locale.ROOT, "  %s (%.0f s)%n", day, (System.nanoTime() - started) / 1e9));
    double seconds = (System.nanoTime() - started) / 1e9;
    Impact impact = Impact.of(run, context.getBean(JdbcTemplate.class));
    lastImpact = impact;
    headline = new Headline(world.seed(), impact.total.attempted, impact.total.protectedMinor(),
        impact.total.lost, impact.honest.transfers, impact.honest.held,
        impact.honest.heldMinutes / 60, seconds);
    summary = String.format(Locale.ROOT, "%,d simulation events (%,.0f a second, each an API"
        + " call or a tick of the server's timers), %,d transfers screened over HTTP, %.1f%% of"
        + " scam money blocked or recovered, %.2f%% of honest transfers held", run.events(),
        run.events() / seconds, run.outcomes().attempts().size(),
        100 * ImpactText.share(impact.total.protectedMinor(), impact.total.attempted),
        100 * ImpactText.share(impact.honest.held, impact.honest.transfers));
    System.out.print(ImpactText.render(impact, world, seconds));
    System.out.printf(Locale.ROOT, "%nWhere the time went (%,d events):%n", run.events());
    platform.timings.forEach((name, t) -> System.out.printf(Locale.ROOT,
        "  %-16s %,9d calls %8.1f s%n", name, t[0], t[1] / 1e9));
    Files.createDirectories(reportDir);
    Path html = reportDir.resolve("index.html");
    Files.writeString(html, ImpactHtml.render(impact, world, seconds), StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "%nThe report is also at %s%n", html.toAbsolutePath());
    // The console's people, one for each role, made as an administrator makes anyone.
    for (String[] person : CONSOLE_PEOPLE) {
      DemoPlatform.expect(api.analyst("POST", "/v1/users", java.util.Map.of("username",
          person[0], "password", person[1], "roles", List.of(person[2].split(",")))), 201);
    }
    if (exit) {
      context.close();
      return 0;
    }
    System.out.printf(Locale.ROOT, "%nHoldfast is still running with the world's data. Its"
        + " clock stays at the world's end. Press Ctrl-C to stop.%n%n  The console:"
        + " http://localhost:%d/console (start with 'Held payments', then 'Next item')%n",
        actualPort);
    System.out.printf(Locale.ROOT, "    %-12s %-26s %s%n", "user", "password", "roles");
    System.out.printf(Locale.ROOT, "    %-12s %-26s %s%n", "admin", ADMIN_PASSWORD,
        "ADMIN, SUPERVISOR, ANALYST");
    System.out.printf(Locale.ROOT, "    %-12s %-26s %s%n", REVIEWER, REVIEWER_PASSWORD,
        "ANALYST");
    for (String[] person : CONSOLE_PEOPLE) {
      System.out.printf(Locale.ROOT, "    %-12s %-26s %s%n", person[0], person[1], person[2]);
    }
    System.out.printf(Locale.ROOT, "%n  The API: http://localhost:%d with API key %s (OpenAPI"
        + " at /v3/api-docs)%n", actualPort, API_KEY);
    Thread.currentThread().join();
    return 0;
  }

  private String[] serverArgs(Path store, WorldParameters world) {
    String never = "86400000";
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.datasource.url=", "--holdfast.data-dir=" + store.toAbsolutePath(),
        "--holdfast.api-key=" + API_KEY, "--holdfast.admin-password=" + ADMIN_PASSWORD,
        // The key pepper lives with the demo's store, which every run starts afresh.
        "--holdfast.key-pepper-file=" + store.toAbsolutePath().resolve("key-pepper"),
        "--holdfast.clock=manual", "--holdfast.clock-start=" + world.start(),
        // The demo drives the server's timers itself on every tick of virtual time.
        "--holdfast.holds.sweep-millis=" + never, "--holdfast.ladder.run-millis=" + never,
        "--holdfast.holds.recheck-scheduled=false",
        "--holdfast.instructions.sequence-millis=" + never,
        "--holdfast.sandbox.poll-millis=" + never, "--holdfast.freezes.sweep-millis=" + never,
        "--holdfast.webhook.poll-millis=" + never, "--holdfast.sweeps.worker=false",
        "--holdfast.outreach.remind-millis=" + never,
        "--holdfast.outreach.sequence-millis=" + never,
        "--holdfast.assessments.daily=false", "--holdfast.prevention.sequence-millis=" + never,
        "--holdfast.register.refresh-millis=" + never,
        "--holdfast.interventions.sweep-millis=" + never,
        "--holdfast.campaigns.scheduled=false",
        // Campaign holdouts are drawn from the campaign's id, so ids must repeat with the seed.
        "--holdfast.ids=sequential",
        "--logging.level.root=WARN", "--logging.level.io.holdfast=WARN",
        // Start-up notices a demo user cannot act on (library versions, docs endpoints).
        "--logging.level.org.flywaydb=ERROR", "--logging.level.org.springdoc=ERROR"));
    return args.toArray(String[]::new);
  }

  private static void wipe(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
