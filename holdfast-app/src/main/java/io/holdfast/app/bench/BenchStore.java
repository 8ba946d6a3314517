package io.holdfast.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL database a benchmark owns: dropped and created afresh, then migrated, so each
 * run starts from the same empty store. Shared by the benchmarks that fill their data with SQL.
 */
final class BenchStore {
  private BenchStore() {}

  /** Drops and re-creates {@code name}, migrates it, and returns its JDBC URL. */
  static String fresh(String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
        "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load()
        .migrate();
    return url;
  }

  /** The single number a query returns, such as a count. */
  static long one(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
