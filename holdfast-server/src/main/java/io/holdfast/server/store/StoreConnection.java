package io.holdfast.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The configured store for command-line tools, without starting Spring: the same settings as
 * the server (HOLDFAST_DB_URL, HOLDFAST_DB_USER, HOLDFAST_DB_PASSWORD, else the embedded H2
 * database under HOLDFAST_DATA_DIR) and the same migrations, so an import works on a fresh
 * store. The embedded URL uses H2's auto-server mode, so the CLI and a running server can share
 * the file. Tests override each variable with a system property of the same meaning
 * ({@code holdfast.db.url}, {@code holdfast.db.user}, {@code holdfast.db.password},
 * {@code holdfast.data-dir}).
 */
public final class StoreConnection implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final boolean postgres;

  private StoreConnection(HikariDataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /** Opens the store the environment names and brings its schema up to date. */
  public static StoreConnection open() {
    String dataDir = setting("holdfast.data-dir", "HOLDFAST_DATA_DIR", "./holdfast-data");
    String url = setting("holdfast.db.url", "HOLDFAST_DB_URL", embeddedUrl(dataDir));
    return open(url, setting("holdfast.db.user", "HOLDFAST_DB_USER", "sa"),
        setting("holdfast.db.password", "HOLDFAST_DB_PASSWORD", ""));
  }

  public static StoreConnection open(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    // A tool needs a connection for its work and one for a background writer, no more.
    config.setMaximumPoolSize(3);
    config.setPoolName("holdfast-cli");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
          .migrate();
      return new StoreConnection(dataSource, url.startsWith("jdbc:postgresql:"));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** The embedded store's URL, exactly as application.properties builds it. */
  public static String embeddedUrl(String dataDir) {
    return "jdbc:h2:file:" + dataDir + "/holdfast;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  /** True when the store is PostgreSQL, whose COPY protocol bulk loads are written with. */
  public static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the store: " + e.getMessage(), e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean postgres() {
    return postgres;
  }

  public String url() {
    return dataSource.getJdbcUrl();
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(env);
    }
    return value == null || value.isEmpty() ? fallback : value;
  }
}
