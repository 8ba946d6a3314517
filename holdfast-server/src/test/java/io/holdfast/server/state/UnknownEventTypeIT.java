package io.holdfast.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account event of a type this version does not know (written by another version, or by
 * hand, as a test fixture once did) is skipped when the feature state is rebuilt: it used to
 * stop every later start of a server on that store.
 */
class UnknownEventTypeIT extends PostgresServerTest {
  @Autowired
  DataSource dataSource;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  io.holdfast.server.accounts.AccountRepository accounts;

  @Test
  void aRebuildSkipsAnEventTypeItDoesNotKnowAndStillReadsTheOthers() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO account_events (event_id, account_id, event_type, occurred_at,"
        + " amount_usd_minor, recorded_at) VALUES (?, ?, 'LOGIN_FROM_LATER', ?, 0, ?)",
        id("e"), id("a"), now, now);
    jdbc.update("INSERT INTO account_events (event_id, account_id, event_type, occurred_at,"
        + " amount_usd_minor, recorded_at) VALUES (?, ?, 'DEPOSIT', ?, 100, ?)", id("e"),
        id("a"), now, now);
    FeatureStateLoader loader = new FeatureStateLoader(new FeatureStore(), accounts,
        dataSource, tx, Clock.systemUTC());
    loader.afterSingletonsInstantiated();
    assertThat(loader.lastLoad().events()).isPositive();
  }
}
