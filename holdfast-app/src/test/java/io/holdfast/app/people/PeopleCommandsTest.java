package io.holdfast.app.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastCommand;
import io.holdfast.server.HoldfastServer;
import io.holdfast.server.security.StrongPasswords;
import io.holdfast.server.store.StoreConnection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * {@code holdfast users} and {@code holdfast keys} as an operator runs them, in-process, on an
 * embedded store in a temporary directory, with no server: the first administrator, a lost
 * password recovered, the rules of the API refused the same way, and a key made here that a
 * server on the same store then accepts (the same pepper).
 */
class PeopleCommandsTest {
  @TempDir
  Path dir;
  private final InputStream stdin = System.in;
  private final PrintStream stdout = System.out;

  @BeforeEach
  void useTempStore() {
    System.setProperty("holdfast.data-dir", dir.resolve("data").toString());
  }

  @AfterEach
  void restore() {
    System.clearProperty("holdfast.data-dir");
    System.setIn(stdin);
    System.setOut(stdout);
  }

  /** Runs a command with {@code input} on standard input; answers its exit code and output. */
  private Run run(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new HoldfastCommand()).execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
  }

  record Run(int code, String out) {}

  private String storedHash(String username) {
    try (StoreConnection store = StoreConnection.open()) {
      return JdbcClient.create(store.dataSource()).sql("SELECT password_hash FROM users WHERE"
          + " username = :u").param("u", username).query(String.class).single();
    }
  }

  @Test
  void theFirstAdministratorIsMadeAndALostPasswordIsRecovered() {
    Run made = run("juniper-canyon-signal-14\n", "users", "add", "root-admin", "--role",
        "ADMIN", "--role", "SUPERVISOR");
    assertThat(made.code()).isZero();
    assertThat(made.out()).contains("root-admin").contains("ADMIN,SUPERVISOR");
    assertThat(run("", "users", "list").out()).contains("root-admin");

    assertThat(run("meadow-lark-compass-27\n", "users", "passwd", "root-admin").code())
        .isZero();
    assertThat(StrongPasswords.encoder().matches("meadow-lark-compass-27",
        storedHash("root-admin"))).isTrue();
    assertThat(StrongPasswords.encoder().matches("juniper-canyon-signal-14",
        storedHash("root-admin"))).isFalse();
  }

  @Test
  void theApisRulesHoldOnTheCommandLine() {
    assertThat(run("short\n", "users", "add", "weak", "--role", "ANALYST").code())
        .as("weak password").isEqualTo(PeopleStore.EXIT_REFUSED);
    assertThat(run("juniper-canyon-signal-14\n", "users", "add", "x1", "--role", "ROOT")
        .code()).as("unknown role").isEqualTo(PeopleStore.EXIT_REFUSED);
    assertThat(run("", "users", "disable", "nobody").code())
        .isEqualTo(PeopleStore.EXIT_NOT_FOUND);
    assertThat(run("juniper-canyon-signal-14\n", "users", "add", "only-admin", "--role",
        "ADMIN").code()).isZero();
    assertThat(run("", "users", "disable", "only-admin").code()).as("the last administrator")
        .isEqualTo(PeopleStore.EXIT_REFUSED);
    assertThat(run("", "keys", "create", "x", "--scope", "root").code())
        .isEqualTo(PeopleStore.EXIT_REFUSED);
    assertThat(run("", "users", "list").out()).doesNotContain("weak").doesNotContain("x1");
  }

  @Test
  void aKeyMadeHereIsAcceptedByAServerOnTheSameStoreUntilItIsRevoked() throws Exception {
    Run made = run("", "keys", "create", "acme 2026-12", "--scope", "screen");
    assertThat(made.code()).isZero();
    Matcher secret = Pattern.compile("secret: (\\S+)").matcher(made.out());
    Matcher id = Pattern.compile("id: +(\\S+)").matcher(made.out());
    assertThat(secret.find()).isTrue();
    assertThat(id.find()).isTrue();
    assertThat(run("", "keys", "list").out()).contains(id.group(1)).contains("active")
        .doesNotContain(secret.group(1));

    assertThat(decision(secret.group(1))).isEqualTo(404);
    assertThat(run("", "keys", "revoke", id.group(1)).code()).isZero();
    assertThat(run("", "keys", "list").out()).contains("revoked");
    assertThat(decision(secret.group(1))).isEqualTo(401);
  }

  /** A server on the store answers a key's read of an unknown decision: 404 if it is let in. */
  private int decision(String secret) throws Exception {
    try (ConfigurableApplicationContext server = HoldfastServer.start("--server.port=0",
        "--holdfast.data-dir=" + dir.resolve("data"), "--holdfast.risk.model=none",
        "--holdfast.sweeps.worker=false", "--holdfast.assessments.daily=false",
        "--holdfast.campaigns.scheduled=false", "--holdfast.holds.recheck-scheduled=false")) {
      int port = server.getEnvironment().getRequiredProperty("local.server.port",
          Integer.class);
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + port + "/v1/transfers/none/decision"))
          .header("Authorization", "Bearer " + secret).GET().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }
}
