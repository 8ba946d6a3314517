package io.holdfast.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.holdfast.bench.SyntheticHistory;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The same features computed the way SQL-based engines (Marble, for one) compute them: with
 * aggregate queries over the transfers and events tables at decision time, using the indexes
 * such an engine would have. All aggregates go in one statement per decision, one round trip,
 * which is the most favourable case for SQL; there is no HTTP and no write, so the comparison
 * flatters SQL.
 */
final class SqlBaseline {
  private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([a-z][a-z0-9]*)");
  static final String TEMPLATE = """
      WITH
      s AS (SELECT count(*) FILTER (WHERE created_at > :h1) AS c1,
                   sum(amount_usd_minor) FILTER (WHERE created_at > :h1) AS s1,
                   count(*) FILTER (WHERE created_at > :h24) AS c24,
                   sum(amount_usd_minor) FILTER (WHERE created_at > :h24) AS s24,
                   count(*) AS c30, sum(amount_usd_minor) AS s30
            FROM transfers
            WHERE sender_account = :sender AND created_at > :d30 AND created_at <= :now),
      a AS (SELECT count(*) AS n, avg(amount_usd_minor) AS mean
            FROM transfers WHERE sender_account = :sender),
      f AS (SELECT NOT EXISTS (SELECT 1 FROM transfers
                               WHERE sender_account = :sender AND {col} = :recipient) AS first),
      r AS (SELECT count(DISTINCT t.sender_account) FILTER (WHERE t.created_at > :h24) AS d24,
                   count(DISTINCT t.sender_account) AS d7,
                   count(DISTINCT t.sender_account) FILTER (WHERE p.created_at > :d30) AS new7,
                   sum(t.amount_usd_minor) FILTER (WHERE t.created_at > :h24) AS in24
            FROM transfers t LEFT JOIN accounts p ON p.account_id = t.sender_account
            WHERE t.{col} = :recipient AND t.created_at > :d7 AND t.created_at <= :now),
      o AS (SELECT sum(amount_usd_minor) AS out24 FROM transfers
            WHERE sender_account = :recipient AND created_at > :h24 AND created_at <= :now),
      q AS (SELECT min(created_at) AS first_paid FROM transfers WHERE {col} = :recipient),
      e AS (SELECT max(occurred_at) FILTER (WHERE event_type = 'PASSWORD_RESET') AS reset,
                   max(occurred_at) FILTER (WHERE event_type = 'TWO_FA_CHANGE') AS two_fa,
                   max(occurred_at) FILTER (WHERE event_type = 'NEW_DEVICE_LOGIN') AS device,
                   max(occurred_at) FILTER (WHERE event_type = 'CONTACT_CHANGE') AS contact,
                   sum(amount_usd_minor) FILTER (WHERE event_type = 'DEPOSIT'
                       AND occurred_at > :h24) AS deposits24,
                   max(occurred_at) FILTER (WHERE event_type = 'DEPOSIT') AS last_deposit
            FROM account_events WHERE account_id = :sender AND occurred_at <= :now),
      p AS (SELECT (SELECT created_at FROM accounts WHERE account_id = :sender) AS sender_created,
                   (SELECT created_at FROM accounts WHERE account_id = :recipient) AS recipient_created)
      SELECT * FROM s, a, f, r, o, q, e, p""";

  private final Statement toAccount = Statement.of(TEMPLATE.replace("{col}", "recipient_account"));
  private final Statement toAddress = Statement.of(TEMPLATE.replace("{col}", "recipient_address"));
  private final SyntheticHistory history;
  private final long streamSeed;
  private final HikariDataSource pool;

  SqlBaseline(String url, String user, int clients, SyntheticHistory history, long streamSeed) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(clients);
    config.setPoolName("sql-baseline");
    this.pool = new HikariDataSource(config);
    this.history = history;
    this.streamSeed = streamSeed;
  }

  /** A statement with :named parameters turned into positional ones. */
  record Statement(String sql, List<String> names) {
    static Statement of(String template) {
      Matcher m = NAMED.matcher(template);
      List<String> names = new ArrayList<>();
      StringBuilder sql = new StringBuilder();
      while (m.find()) {
        names.add(m.group(1));
        m.appendReplacement(sql, "?");
      }
      m.appendTail(sql);
      return new Statement(sql.toString(), names);
    }
  }

  LoadResult run(long from, long to, int clients) throws InterruptedException {
    LoadResult result = new LoadResult();
    AtomicLong next = new AtomicLong(from);
    Thread[] threads = new Thread[clients];
    result.measure(() -> {
      for (int i = 0; i < clients; i++) {
        threads[i] = new Thread(() -> worker(next, to, result), "sql-worker-" + i);
        threads[i].start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
    });
    return result;
  }

  private void worker(AtomicLong next, long to, LoadResult result) {
    Histogram histogram = LoadResult.newHistogram();
    Map<String, Long> outcomes = new HashMap<>();
    long count = 0;
    long errors = 0;
    String firstError = null;
    for (long n = next.getAndIncrement(); n < to && errors < 100; n = next.getAndIncrement()) {
      Transfer transfer = history.screeningTransfer(streamSeed, n, Instant.EPOCH);
      long startNanos = System.nanoTime();
      try (Connection c = pool.getConnection()) {
        features(c, transfer, OffsetDateTime.now(ZoneOffset.UTC));
        outcomes.merge("features computed", 1L, Long::sum);
      } catch (SQLException | RuntimeException e) {
        errors++;
        firstError = firstError == null ? e.toString() : firstError;
      }
      histogram.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1_000));
      count++;
    }
    result.merge(histogram, outcomes, count, errors, firstError);
  }

  private void features(Connection c, Transfer t, OffsetDateTime now) throws SQLException {
    boolean account = t.recipient() instanceof Counterparty.PlatformAccount;
    Statement statement = account ? toAccount : toAddress;
    String recipient = account ? ((Counterparty.PlatformAccount) t.recipient()).accountId()
        : ((Counterparty.ExternalAddress) t.recipient()).address();
    try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
      int i = 1;
      for (String name : statement.names()) {
        switch (name) {
          case "sender" -> ps.setString(i, t.senderAccount());
          case "recipient" -> ps.setString(i, recipient);
          case "now" -> ps.setObject(i, now);
          case "h1" -> ps.setObject(i, now.minusHours(1));
          case "h24" -> ps.setObject(i, now.minusHours(24));
          case "d7" -> ps.setObject(i, now.minusDays(7));
          case "d30" -> ps.setObject(i, now.minusDays(30));
          default -> throw new IllegalStateException("unknown parameter " + name);
        }
        i++;
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("the feature query returned no row");
        }
      }
    }
  }

  void close() {
    pool.close();
  }
}
