package io.holdfast.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.server.HoldfastServer;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The secrets a server starts with: a bootstrap key or password too short to be a secret stops
 * the start, naming the variable; a restart with other values keeps the stored ones and says
 * so without printing them; the key pepper is generated once, owner-only, and a server started
 * with another pepper than its store's refuses to start.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapSecretsIT {
  private static final String KEY = "bootstrap-secrets-key-0123";
  private static final String PASSWORD = "quiet-harbor-maple-66";

  @TempDir
  Path dataDir;

  private final String url = TestDatabase.fresh();

  private ConfigurableApplicationContext start(String key, String password, String... more) {
    List<String> args = new ArrayList<>(List.of("--server.port=0",
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
        "--spring.datasource.password=", "--HOLDFAST_DATA_DIR=" + dataDir,
        "--holdfast.api-key=" + key, "--holdfast.admin-password=" + password,
        "--holdfast.risk.model=none", "--holdfast.sweeps.worker=false",
        "--holdfast.assessments.daily=false", "--holdfast.campaigns.scheduled=false",
        "--holdfast.holds.recheck-scheduled=false"));
    args.addAll(List.of(more));
    return HoldfastServer.start(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Test
  void aShortKeyOrPasswordStopsTheStartNamingTheVariable() {
    assertThatThrownBy(() -> start("a", PASSWORD).close())
        .hasStackTraceContaining("HOLDFAST_API_KEY must be at least 16 characters");
    assertThatThrownBy(() -> start(KEY, "x").close())
        .hasStackTraceContaining("HOLDFAST_ADMIN_PASSWORD is not accepted")
        .hasStackTraceContaining("at least 15");
    assertThatThrownBy(() -> start(KEY, "password1234567").close())
        .as("long enough but one of the most common passwords")
        .hasStackTraceContaining("HOLDFAST_ADMIN_PASSWORD is not accepted")
        .hasStackTraceContaining("too easy to guess");
  }

  @Test
  void newValuesAtARestartAreNotUsedAndTheLogSaysSo(CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext first = start(KEY, PASSWORD)) {
      assertThat(Api.withKey(port(first), KEY).get("/v1/rules").status()).isEqualTo(200);
    }
    Path pepper = dataDir.resolve("key-pepper");
    assertThat(pepper).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pepper)))
        .isEqualTo("rw-------");
    String generated = Files.readString(pepper);
    int before = output.getAll().length();

    String newKey = "another-bootstrap-key-4567";
    String newPassword = "bright-cedar-falls-31";
    try (ConfigurableApplicationContext second = start(newKey, newPassword)) {
      String log = output.getAll().substring(before);
      assertThat(log).contains("HOLDFAST_API_KEY differs")
          .contains("HOLDFAST_ADMIN_PASSWORD differs").doesNotContain(newKey)
          .doesNotContain(newPassword).doesNotContain(KEY).doesNotContain(PASSWORD);
      assertThat(Api.withKey(port(second), KEY).get("/v1/rules").status())
          .as("the stored key stays in force").isEqualTo(200);
      assertThat(Api.withKey(port(second), newKey).get("/v1/rules").status()).isEqualTo(401);
      assertThat(Api.withUser(port(second), "admin", PASSWORD).get("/v1/rules").status())
          .isEqualTo(200);
    }
    assertThat(Files.readString(pepper)).as("generated once").isEqualTo(generated);
  }

  @Test
  void anotherPepperThanTheStoresStopsTheStart() {
    start(KEY, PASSWORD, "--holdfast.key-pepper=" + "p".repeat(40)).close();
    assertThatThrownBy(() -> start(KEY, PASSWORD, "--holdfast.key-pepper=" + "q".repeat(40))
        .close()).hasStackTraceContaining("HOLDFAST_KEY_PEPPER");
  }
}
