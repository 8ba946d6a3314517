package io.holdfast.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.HoldfastServer;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nobody can disable the last enabled administrator or take their role away, so the people
 * who manage access never lock themselves out; once there is a second one, either can go. The
 * directory's {@code refusal}, which the console asks before it confirms a change, says so too.
 * A server of its own, on a fresh database, so the administrators are known.
 */
class LastAdminIT {
  private static final String KEY = "last-admin-key-0123456789";
  private static final String PASSWORD = "harbor-lichen-sextant-52";
  @TempDir
  Path dataDir;

  @Test
  void theLastAdministratorStaysUntilThereIsAnother() {
    try (ConfigurableApplicationContext server = HoldfastServer.start("--server.port=0",
        "--spring.datasource.url=" + TestDatabase.fresh(),
        "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=",
        "--HOLDFAST_DATA_DIR=" + dataDir, "--holdfast.api-key=" + KEY,
        "--holdfast.admin-password=" + PASSWORD, "--holdfast.risk.model=none",
        "--holdfast.sweeps.worker=false", "--holdfast.assessments.daily=false",
        "--holdfast.campaigns.scheduled=false", "--holdfast.holds.recheck-scheduled=false")) {
      int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      Api admin = Api.withUser(port, "admin", PASSWORD);

      Api.Response disable = admin.patch("/v1/users/admin", "{\"enabled\":false}");
      assertThat(disable.status()).as(disable.body()).isEqualTo(409);
      assertThat(disable.problemType()).endsWith("/last-admin");
      Api.Response demote = admin.patch("/v1/users/admin", "{\"roles\":[\"ANALYST\"]}");
      assertThat(demote.status()).isEqualTo(409);
      assertThat(admin.get("/v1/users/admin").json().path("roles").toString())
          .contains("ADMIN");
      // The console asks the directory first, and is told the same before anything is done.
      UserDirectory users = server.getBean(UserDirectory.class);
      assertThat(users.refusal("admin", new UserChange(false, null, null)))
          .containsInstanceOf(PeopleFailure.LastAdmin.class);
      assertThat(users.refusal("admin", new UserChange(null, List.of("ANALYST"), null)))
          .containsInstanceOf(PeopleFailure.LastAdmin.class);

      assertThat(admin.post("/v1/users", Api.json(Map.of("username", "second-admin",
          "password", "quartz-heron-valley-61", "roles", List.of("ADMIN")))).status())
          .isEqualTo(201);
      assertThat(users.refusal("admin", new UserChange(false, null, null))).isEmpty();
      assertThat(admin.patch("/v1/users/admin", "{\"roles\":[\"SUPERVISOR\",\"ANALYST\"]}")
          .status()).isEqualTo(200);
      Api second = Api.withUser(port, "second-admin", "quartz-heron-valley-61");
      assertThat(second.patch("/v1/users/second-admin", "{\"enabled\":false}").status())
          .as("now the last one again").isEqualTo(409);
    }
  }
}
