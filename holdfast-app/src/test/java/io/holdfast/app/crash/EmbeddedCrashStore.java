package io.holdfast.app.crash;

import io.holdfast.server.store.StoreConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The embedded default store in a data directory of the test's own: the server is started
 * with only HOLDFAST_DATA_DIR, as a new user runs it, and the test reads the store the way the
 * command-line tools do, through {@link StoreConnection}, while the server is up.
 */
final class EmbeddedCrashStore implements CrashStore {
  private final Path dataDir;
  private StoreConnection store;

  EmbeddedCrashStore() throws IOException {
    this.dataDir = Files.createTempDirectory("holdfast-crash");
  }

  @Override
  public Map<String, String> environment() {
    return Map.of("HOLDFAST_DATA_DIR", dataDir.toString());
  }

  @Override
  public synchronized Connection connect() throws SQLException {
    if (store == null) {
      store = StoreConnection.openEmbedded(dataDir);
    }
    return store.dataSource().getConnection();
  }

  @Override
  public synchronized void serverStopped() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Override
  public void close() throws IOException {
    serverStopped();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
