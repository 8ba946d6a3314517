package io.holdfast.app.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store a crash test's server runs on, as the test sees it: the environment that points
 * the server at it, and a connection for reading what the server wrote.
 */
public interface CrashStore extends AutoCloseable {

  /** Environment variables that make {@code holdfast serve} use this store. */
  Map<String, String> environment();

  /** A connection to the store while the server is up. */
  Connection connect() throws SQLException;

  /** Called when the server is down, before it is started again. */
  default void serverStopped() {}

  /** A PostgreSQL database of its own on the server the integration suite uses. */
  static CrashStore postgres() throws SQLException {
    String admin = System.getenv().getOrDefault("HOLDFAST_TEST_DB_URL",
        "jdbc:postgresql://127.0.0.1:5432/test");
    String name = "hf_crash_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    execute(admin, "CREATE DATABASE " + name);
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    return new CrashStore() {
      @Override
      public Map<String, String> environment() {
        return Map.of("HOLDFAST_DB_URL", url, "HOLDFAST_DB_USER", "postgres");
      }

      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
      }

      @Override
      public void close() throws SQLException {
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    };
  }

  /** The embedded default store in a fresh data directory. */
  static CrashStore embedded() throws java.io.IOException {
    return new EmbeddedCrashStore();
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
         Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs a query that answers one number. */
  default long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
