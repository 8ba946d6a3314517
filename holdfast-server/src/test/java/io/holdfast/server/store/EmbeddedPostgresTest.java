package io.holdfast.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default store is a real PostgreSQL that keeps its data, listens on no network
 * port, leaves nothing readable by other users, is durable at commit, is shared with a tool
 * while a server owns it, and is never shared by two servers.
 */
class EmbeddedPostgresTest {
  private static final Duration START = Duration.ofMinutes(2);
  private Path dataDir;
  private EmbeddedPostgres server;

  @BeforeEach
  void directory() throws IOException {
    dataDir = Files.createTempDirectory("holdfast-embedded");
  }

  @AfterEach
  void clean() throws IOException {
    if (server != null) {
      server.close();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  @Test
  void listensOnNoPortAndIsDurableAtCommit() throws Exception {
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    assertThat(server.started()).isTrue();
    try (Connection c = connect(server)) {
      assertThat(setting(c, "listen_addresses")).as("no TCP listener").isEmpty();
      assertThat(setting(c, "unix_socket_permissions")).isEqualTo("0700");
      assertThat(setting(c, "fsync")).isEqualTo("on");
      assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(c, "server_version")).startsWith(PostgresBinaries.VERSION);
    }
    assertThat(server.jdbcUrl()).doesNotContain(":5432/").contains("socketFactory");
  }

  @Test
  void nothingInTheDataDirectoryIsReadableByOtherUsers() throws Exception {
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE secrets (v text)");
      s.execute("INSERT INTO secrets VALUES ('an api key hash')");
    }
    List<Path> open;
    try (Stream<Path> all = Files.walk(dataDir)) {
      open = all.filter(p -> !Files.isSymbolicLink(p)).filter(p -> {
        try {
          return !OwnerOnly.is(p);
        } catch (IOException e) {
          return false;
        }
      }).toList();
    }
    assertThat(open).as("paths other users could read or enter").isEmpty();
    assertThat(OwnerOnly.is(dataDir)).isTrue();
  }

  @Test
  void keepsItsDataAcrossARestart() throws Exception {
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (v text)");
      s.execute("INSERT INTO kept VALUES ('before')");
    }
    server.close();
    assertThat(EmbeddedPostgres.running(dataDir)).as("stopped with its owner").isFalse();
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    try (Connection c = connect(server); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("before");
    }
  }

  @Test
  void aToolBorrowsTheServersPostgresAndLeavesItRunning() throws Exception {
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE shared (v text)");
    }
    try (EmbeddedPostgres tool = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.TOOL,
        START)) {
      assertThat(tool.started()).isFalse();
      try (Connection c = connect(tool); Statement s = c.createStatement()) {
        s.execute("INSERT INTO shared VALUES ('from the tool')");
      }
    }
    assertThat(EmbeddedPostgres.running(dataDir)).as("the tool left it running").isTrue();
    try (Connection c = connect(server); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shared")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aSecondServerIsRefusedWhileTheFirstRuns() {
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    assertThatThrownBy(() -> EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use by another Holdfast process")
        .hasMessageContaining("HOLDFAST_DB_URL");
  }

  @Test
  void theWrongPasswordIsRefused() throws Exception {
    server = EmbeddedPostgres.open(dataDir, EmbeddedPostgres.Role.SERVER, START);
    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(),
        "not-the-password")).isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  private static Connection connect(EmbeddedPostgres pg) throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
