package io.holdfast.server.state;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.server.accounts.AccountRepository;
import io.holdfast.server.cases.CountedReports;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the in-memory feature state from the store before the server takes requests
 * ({@link SmartInitializingSingleton} runs before the web server starts), so a restart never
 * screens with missing history. Transfers stream in time order through a cursor.
 */
@Component
public class FeatureStateLoader implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureStateLoader.class);
  private static final Duration EVENT_LOOKBACK = Duration.ofDays(90);
  private static final Duration HELD_LOOKBACK = Duration.ofDays(FeatureStore.HELD_MEMORY_DAYS);
  private static final int FETCH_SIZE = 10_000;

  private final FeatureStore features;
  private final AccountRepository accounts;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private volatile LoadReport lastLoad;

  /** What the last rebuild read and how long it took. */
  public record LoadReport(long accounts, long events, long transfers, long millis) {}

  public FeatureStateLoader(FeatureStore features, AccountRepository accounts,
      DataSource dataSource, TransactionTemplate tx, Clock clock) {
    this.features = features;
    this.accounts = accounts;
    // A template of its own: the fetch size makes PostgreSQL stream through a cursor, and
    // setting it on the shared template would change every other query.
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    lastLoad = tx.execute(status -> load());
    LOG.info("feature state rebuilt: {} accounts, {} events, {} transfers in {} ms",
        lastLoad.accounts(), lastLoad.events(), lastLoad.transfers(), lastLoad.millis());
  }

  public LoadReport lastLoad() {
    return lastLoad;
  }

  private LoadReport load() {
    long start = System.nanoTime();
    long[] counts = new long[3];
    long[] unknownEvents = new long[1];
    accounts.forEach(profile -> {
      features.putProfile(profile);
      counts[0]++;
    });
    // The vulnerability register's own marks (an analyst's or an intervention's flag, the
    // chronic-victim marker) make a sender vulnerable just as the platform's flags do.
    jdbc.query("""
            SELECT account_id FROM vulnerability_flags
            UNION
            SELECT account_id FROM vulnerability_register WHERE chronic_since IS NOT NULL""",
        rs -> {
          features.putRegister(rs.getString(1), true);
        });
    jdbc.query("""
            SELECT account_id, event_type, occurred_at, amount_usd_minor FROM account_events
            WHERE occurred_at >= ? ORDER BY occurred_at""",
        rs -> {
          // A type this version does not know (written by another version, or by hand) adds
          // nothing a feature reads; it is skipped and counted, never a reason not to start.
          Optional<AccountEventType> type = AccountEventType.byWireName(
              rs.getString(2).toLowerCase(java.util.Locale.ROOT));
          if (type.isEmpty()) {
            unknownEvents[0]++;
            return;
          }
          features.recordEvent(rs.getString(1), type.get(), rs.getTimestamp(3).toInstant(),
              rs.getLong(4));
          counts[1]++;
        }, Timestamp.from(clock.instant().minus(EVENT_LOOKBACK)));
    if (unknownEvents[0] > 0) {
      LOG.warn("skipped {} account events of types this version does not know",
          unknownEvents[0]);
    }
    jdbc.query("""
            SELECT sender_account, recipient_account, network, recipient_address, created_at,
              amount_usd_minor
            FROM transfers ORDER BY created_at""",
        rs -> {
          String account = rs.getString(2);
          String recipientKey = account != null
              ? new Counterparty.PlatformAccount(account).key()
              : new Counterparty.ExternalAddress(rs.getString(3), rs.getString(4)).key();
          features.recordTransfer(new Counterparty.PlatformAccount(rs.getString(1)).key(),
              recipientKey, rs.getTimestamp(5).toInstant().getEpochSecond(), rs.getLong(6));
          counts[2]++;
        });
    // Held payments as far back as the held-payment feature reads them.
    jdbc.query("""
            SELECT h.sender_account, h.recipient_key, t.created_at, t.amount_usd_minor
            FROM holds h JOIN transfers t ON t.transfer_id = h.transfer_id
            WHERE t.created_at >= ? ORDER BY t.created_at""",
        rs -> {
          features.recordHold(new Counterparty.PlatformAccount(rs.getString(1)).key(),
              rs.getString(2), rs.getTimestamp(3).toInstant().getEpochSecond(), rs.getLong(4));
        }, Timestamp.from(clock.instant().minus(HELD_LOOKBACK)));
    // Victims' reports: a reported recipient makes other senders' payments to it riskier,
    // counted as when a report is filed (ReportService): by CountedReports' one definition.
    CountedReports.forEach(jdbc, (subject, reporter) ->
        features.recordReport(Counterparty.fromKey(subject), reporter));
    return new LoadReport(counts[0], counts[1], counts[2], (System.nanoTime() - start) / 1_000_000);
  }
}
