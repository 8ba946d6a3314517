package io.holdfast.server.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the record lives: the PostgreSQL server a deployment names (HOLDFAST_DB_URL), or, with
 * none named, the embedded PostgreSQL under the data directory, started or borrowed here. The
 * server and the command-line tools resolve it the same way.
 */
public final class StoreLocation implements AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;

  private StoreLocation(String url, String user, String password, EmbeddedPostgres embedded) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /**
   * The configured server when {@code url} is set, else the embedded store in {@code dataDir}
   * (started if no process serves it yet).
   */
  public static StoreLocation resolve(String url, String user, String password, Path dataDir,
      EmbeddedPostgres.Role role, Duration startTimeout) {
    if (url != null && !url.isBlank()) {
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("HOLDFAST_DB_URL must be a PostgreSQL JDBC URL"
            + " (jdbc:postgresql://host:port/database), not " + url.split("[;?]")[0]);
      }
      return new StoreLocation(url, user, password, null);
    }
    EmbeddedPostgres pg = EmbeddedPostgres.open(dataDir, role, startTimeout);
    return new StoreLocation(pg.jdbcUrl(), pg.user(), pg.password(), pg);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** True for the embedded store under the data directory. */
  public boolean embedded() {
    return embedded != null;
  }

  /** Stops the embedded PostgreSQL if this process started it; closes nothing else. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
