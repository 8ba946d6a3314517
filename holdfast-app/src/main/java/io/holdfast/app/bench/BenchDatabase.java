package io.holdfast.app.bench;

import io.holdfast.bench.SyntheticHistory;
import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The PostgreSQL database a load benchmark runs against: created afresh (the default), migrated
 * with the server's own migrations, and filled with synthetic history through COPY, the fastest
 * way into PostgreSQL. The secondary indexes are dropped during the load and built afterwards,
 * which is much faster than maintaining them row by row.
 */
final class BenchDatabase {
  static final String DEFAULT_NAME = "holdfast_bench";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/" + DEFAULT_NAME;
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final int FLUSH_CHARS = 1 << 16;
  private static final String[] INDEXES = {
      "transfers_by_sender ON transfers (sender_account, created_at)",
      "transfers_by_recipient_account ON transfers (recipient_account, created_at)",
      "transfers_by_recipient_address ON transfers (recipient_address, created_at)",
      "transfers_by_time ON transfers (created_at)",
      "account_events_by_account ON account_events (account_id, occurred_at)",
      "account_events_by_time ON account_events (occurred_at)"};

  private final String url;
  private final String user;

  BenchDatabase(String url, String user) {
    this.url = url;
    this.user = user;
  }

  /** Drops and creates the default benchmark database; a database given by URL is kept. */
  static void recreateDefault(String user) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, user, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DEFAULT_NAME + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DEFAULT_NAME);
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  void migrate() {
    Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load()
        .migrate();
  }

  /** Refuses to write synthetic history into a database that already holds transfers. */
  void requireEmpty() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM transfers)")) {
      rs.next();
      if (rs.getBoolean(1)) {
        throw new IllegalStateException("the database " + url + " already holds transfers; the"
            + " benchmark only preloads an empty database (omit --db-url to use a fresh one)");
      }
    }
  }

  /** What the preload wrote. */
  record Preload(long accounts, long events, long transfers, double seconds) {}

  Preload preload(SyntheticHistory history) throws SQLException, IOException {
    long start = System.nanoTime();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String index : INDEXES) {
        s.execute("DROP INDEX IF EXISTS " + index.substring(0, index.indexOf(' ')));
      }
      CopySink sink = new CopySink(c.unwrap(PGConnection.class), history.nowSecond());
      long transfers = history.generate(sink);
      sink.finish();
      for (String index : INDEXES) {
        s.execute("CREATE INDEX " + index);
      }
      s.execute("ANALYZE");
      return new Preload(sink.accounts, sink.events, transfers,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Writes the generator's rows into three COPY streams one after the other, as the generator
   * emits all profiles, then all events, then all transfers.
   */
  private static final class CopySink implements SyntheticHistory.Sink {
    private final PGConnection pg;
    private final String recordedAt;
    private final StringBuilder rows = new StringBuilder(FLUSH_CHARS * 2);
    private CopyIn copy;
    private String table = "";
    private long accounts;
    private long events;
    private long transfers;

    CopySink(PGConnection pg, long nowSecond) {
      this.pg = pg;
      this.recordedAt = Instant.ofEpochSecond(nowSecond).toString();
    }

    @Override
    public void profile(AccountProfile p) {
      switchTo("accounts", "account_id, created_at, country, date_of_birth, age_band,"
          + " kyc_level, vulnerability_flags, status, updated_at");
      rows.append(p.accountId()).append('\t').append(p.createdAt()).append('\t')
          .append(p.country()).append("\t\\N\t")
          .append(p.ageBand() == null ? "\\N" : p.ageBand().label()).append('\t')
          .append(p.kycLevel()).append('\t')
          .append(String.join(",", p.vulnerabilityFlags())).append('\t')
          .append(p.status().name()).append('\t').append(recordedAt).append('\n');
      accounts++;
      flushIfFull();
    }

    @Override
    public void event(String accountId, AccountEventType type, long second, long amount) {
      switchTo("account_events", "event_id, account_id, event_type, occurred_at, device_id, ip,"
          + " amount_minor, currency, amount_usd_minor, recorded_at");
      boolean deposit = type == AccountEventType.DEPOSIT;
      rows.append("e-").append(events++).append('\t').append(accountId).append('\t')
          .append(type.name()).append('\t').append(Instant.ofEpochSecond(second))
          .append("\t\\N\t\\N\t").append(deposit ? Long.toString(amount) : "\\N").append('\t')
          .append(deposit ? "USD" : "\\N").append('\t').append(amount).append('\t')
          .append(recordedAt).append('\n');
      flushIfFull();
    }

    @Override
    public void transfer(String senderKey, String recipientKey, long second, long amountUsd) {
      switchTo("transfers", "transfer_id, created_at, sender_account, recipient_account,"
          + " recipient_address, network, amount_minor, currency, amount_usd_minor, channel,"
          + " source, request_hash");
      rows.append("h-").append(transfers++).append('\t').append(Instant.ofEpochSecond(second))
          .append('\t').append(senderKey, 2, senderKey.length()).append('\t');
      if (recipientKey.startsWith("a:")) {
        rows.append(recipientKey, 2, recipientKey.length()).append("\t\\N\t\\N\t")
            .append(amountUsd).append("\tUSD\t").append(amountUsd).append("\tp2p");
      } else {
        int colon = recipientKey.indexOf(':', 2);
        rows.append("\\N\t").append(recipientKey, colon + 1, recipientKey.length()).append('\t')
            .append(recipientKey, 2, colon).append('\t').append(amountUsd * 10_000)
            .append("\tUSDT\t").append(amountUsd).append("\twithdrawal");
      }
      rows.append("\timport\t\\N\n");
      flushIfFull();
    }

    private void switchTo(String next, String columns) {
      if (table.equals(next)) {
        return;
      }
      try {
        finish();
        copy = pg.getCopyAPI().copyIn("COPY " + next + " (" + columns + ") FROM STDIN");
        table = next;
      } catch (SQLException e) {
        throw new IllegalStateException("COPY into " + next + " failed", e);
      }
    }

    private void flushIfFull() {
      if (rows.length() >= FLUSH_CHARS) {
        flush();
      }
    }

    private void flush() {
      byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
      rows.setLength(0);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new IllegalStateException("COPY into " + table + " failed", e);
      }
    }

    void finish() throws SQLException {
      if (copy != null) {
        flush();
        copy.endCopy();
        copy = null;
      }
    }
  }
}
