package io.holdfast.app.people;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.people.ApiKeyDirectory;
import io.holdfast.server.security.PasswordPolicy;
import io.holdfast.server.people.PeopleFailure;
import io.holdfast.server.people.PeopleOutcome;
import io.holdfast.server.people.UserDirectory;
import io.holdfast.server.security.ApiKeys;
import io.holdfast.server.security.KeyPepper;
import io.holdfast.server.security.StrongPasswords;
import io.holdfast.server.store.StoreConnection;
import io.holdfast.server.support.IdGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users and keys directories on the store itself, built as the server builds them (same
 * classes, same password rules, same pepper, same audit log), for {@code holdfast users} and
 * {@code holdfast keys}: they work with or without a server running, and let an operator who
 * lost every administrator's password recover.
 */
final class PeopleStore implements AutoCloseable {
  static final int EXIT_REFUSED = 2;
  static final int EXIT_NOT_FOUND = 3;

  private final StoreConnection store;
  final UserDirectory users;
  final ApiKeyDirectory keys;
  final String actor = io.holdfast.server.store.AuditRows.cliActor();

  private PeopleStore(StoreConnection store) {
    this.store = store;
    Clock clock = Clock.systemUTC();
    JdbcClient jdbc = JdbcClient.create(store.dataSource());
    TransactionTemplate tx = new TransactionTemplate(
        new DataSourceTransactionManager(store.dataSource()));
    AuditLog audit = new AuditLog(new JdbcTemplate(store.dataSource()), clock);
    JsonMapper json = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    this.users = new UserDirectory(jdbc, tx, StrongPasswords.encoder(), new PasswordPolicy(),
        audit, clock, json);
    ApiKeys apiKeys = new ApiKeys(jdbc, clock, pepper());
    tx.executeWithoutResult(s -> apiKeys.checkPepper());
    this.keys = new ApiKeyDirectory(jdbc, tx, apiKeys, audit, new IdGenerator(), clock, json);
  }

  static PeopleStore open() {
    return new PeopleStore(StoreConnection.open());
  }

  /**
   * The server's pepper: HOLDFAST_KEY_PEPPER, else the data directory's key-pepper file, as
   * the server resolves it, so a key made here verifies there.
   */
  private static KeyPepper pepper() {
    String configured = Optional.ofNullable(System.getenv(KeyPepper.VARIABLE)).orElse("");
    String dataDir = Optional.ofNullable(System.getProperty("holdfast.data-dir"))
        .or(() -> Optional.ofNullable(System.getenv("HOLDFAST_DATA_DIR")))
        .orElse("./holdfast-data");
    return KeyPepper.resolve(configured, Path.of(dataDir, "key-pepper"));
  }

  /** Prints a refusal the way the API words it, and answers the exit code. */
  static <T> Optional<T> value(PeopleOutcome<T> outcome) {
    if (outcome instanceof PeopleOutcome.Done<T> done) {
      return Optional.of(done.value());
    }
    PeopleFailure failure = ((PeopleOutcome.Refused<T>) outcome).failure();
    System.err.println("holdfast: " + failure.detail());
    return Optional.empty();
  }

  static int exitFor(PeopleOutcome<?> outcome) {
    if (outcome instanceof PeopleOutcome.Done<?>) {
      return 0;
    }
    PeopleFailure failure = ((PeopleOutcome.Refused<?>) outcome).failure();
    return failure instanceof PeopleFailure.NotFound ? EXIT_NOT_FOUND : EXIT_REFUSED;
  }

  @Override
  public void close() {
    store.close();
  }
}
