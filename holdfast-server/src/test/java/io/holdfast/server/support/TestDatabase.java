package io.holdfast.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database for this test JVM, created on the server named by
 * HOLDFAST_TEST_DB_URL (default: the local server's database {@code test}). The integration
 * suite needs a real PostgreSQL: when none answers, the tests fail rather than skip.
 */
public final class TestDatabase {
  private static final String ADMIN_URL = System.getenv()
      .getOrDefault("HOLDFAST_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = System.getenv().getOrDefault("HOLDFAST_TEST_DB_USER", "postgres");
  private static String url;

  private TestDatabase() {}

  /** The JDBC URL of this JVM's database, created on first use and dropped at exit. */
  public static synchronized String url() {
    if (url == null) {
      String name = "hf_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
          .toLowerCase(Locale.ROOT);
      execute("CREATE DATABASE " + name);
      url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
    }
    return url;
  }

  /**
   * Another fresh database on the same server, dropped at exit, for a test that starts servers
   * of its own and needs a store nobody else wrote to.
   */
  public static synchronized String fresh() {
    url();
    String name = "hf_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
        .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  public static String user() {
    return USER;
  }

  private static void dropQuietly(String name) {
    try {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (RuntimeException e) {
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is required for the integration suite ("
          + ADMIN_URL + "): " + e.getMessage(), e);
    }
  }
}
