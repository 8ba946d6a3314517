package io.holdfast.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The configured store for command-line tools, without starting Spring: the same settings as
 * the server (HOLDFAST_DB_URL, HOLDFAST_DB_USER, HOLDFAST_DB_PASSWORD, else the embedded
 * PostgreSQL under HOLDFAST_DATA_DIR) and the same migrations, so an import works on a fresh
 * store. On the embedded store a tool uses the PostgreSQL of a server already running there,
 * or starts one of its own for as long as it runs. Tests override each variable with a system
 * property of the same meaning ({@code holdfast.db.url}, {@code holdfast.db.user},
 * {@code holdfast.db.password}, {@code holdfast.data-dir}).
 */
public final class StoreConnection implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private final HikariDataSource dataSource;
  private final StoreLocation location;

  private StoreConnection(HikariDataSource dataSource, StoreLocation location) {
    this.dataSource = dataSource;
    this.location = location;
  }

  /** Opens the store the environment names and brings its schema up to date. */
  public static StoreConnection open() {
    String dataDir = setting("holdfast.data-dir", "HOLDFAST_DATA_DIR", "./holdfast-data");
    return open(StoreLocation.resolve(setting("holdfast.db.url", "HOLDFAST_DB_URL", ""),
        setting("holdfast.db.user", "HOLDFAST_DB_USER", ""),
        setting("holdfast.db.password", "HOLDFAST_DB_PASSWORD", ""), Path.of(dataDir),
        EmbeddedPostgres.Role.TOOL, START_TIMEOUT));
  }

  /** Opens a PostgreSQL server by its URL. */
  public static StoreConnection open(String url, String user, String password) {
    return open(StoreLocation.resolve(url, user, password, null, EmbeddedPostgres.Role.TOOL,
        START_TIMEOUT));
  }

  /** Opens the embedded store in {@code dataDir}. */
  public static StoreConnection openEmbedded(Path dataDir) {
    return open(StoreLocation.resolve(null, null, null, dataDir, EmbeddedPostgres.Role.TOOL,
        START_TIMEOUT));
  }

  private static StoreConnection open(StoreLocation location) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.url());
    config.setUsername(location.user());
    config.setPassword(location.password());
    // A tool needs a connection for its work and one for each background writer lane.
    config.setMaximumPoolSize(4);
    config.setPoolName("holdfast-cli");
    HikariDataSource dataSource = null;
    try {
      dataSource = new HikariDataSource(config);
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
          .migrate();
      return new StoreConnection(dataSource, location);
    } catch (RuntimeException e) {
      if (dataSource != null) {
        dataSource.close();
      }
      location.close();
      throw e;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String url() {
    return dataSource.getJdbcUrl();
  }

  /** True for the embedded store under the data directory. */
  public boolean embedded() {
    return location.embedded();
  }

  @Override
  public void close() {
    dataSource.close();
    location.close();
  }

  private static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(env);
    }
    return value == null || value.isEmpty() ? fallback : value;
  }
}
