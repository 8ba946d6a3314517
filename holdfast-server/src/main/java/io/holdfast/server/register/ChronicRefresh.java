package io.holdfast.server.register;

import io.holdfast.core.transfer.Counterparty;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the chronic-victim marker following history. Every minute it reads what changed since
 * its cursor (claims confirmed, cases decided, freezes made or ended, scammers declared, recent
 * payments to declared scammers and frozen subjects) and recomputes the accounts concerned; the
 * daily batch calls {@link #refreshAll()} for everything, intel-list hits included. Recomputing
 * is idempotent, so the scan overlaps its previous window to catch rows that committed late.
 */
@Component
public class ChronicRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(ChronicRefresh.class);
  /** Rows stamped before this much earlier may commit after a scan; they are read again. */
  static final Duration OVERLAP = Duration.ofMinutes(5);
  /** Accounts recomputed per full pass or read per subject: bounds, not expected sizes. */
  static final int ACCOUNTS_MAX = 100_000;
  /**
   * Accounts recomputed per incremental run. The scheduler's thread is shared with the hold
   * sweeper, so a run stays short; what a capped run left is caught by the daily full pass.
   */
  static final int CHANGED_MAX = 10_000;

  private final JdbcClient jdbc;
  private final VulnerabilityRegister register;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ChronicRefresh(JdbcClient jdbc, VulnerabilityRegister register, TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.tx = tx;
    this.clock = clock;
  }

  /** What a refresh looked at and changed. */
  public record Report(int checked, int changed) {}

  /** The same refresher reading another clock, so tests move time instead of sleeping. */
  public ChronicRefresh withClock(Clock other) {
    return new ChronicRefresh(jdbc, register, tx, other);
  }

  @Scheduled(fixedDelayString = "${holdfast.register.refresh-millis:60000}")
  public void sweep() {
    Report r = refreshChanged();
    if (r.changed() > 0) {
      LOG.info("chronic-victim marker: {} accounts checked, {} changed", r.checked(),
          r.changed());
    }
  }

  /** Recomputes the accounts whose history changed since the cursor, then moves it. */
  public Report refreshChanged() {
    Instant now = clock.instant();
    Instant cursor = jdbc.sql("SELECT scanned_to FROM register_cursor WHERE id = 1")
        .query(Timestamp.class).single().toInstant();
    Timestamp since = Timestamp.from(cursor.minus(OVERLAP));
    Set<String> accounts = new LinkedHashSet<>(jdbc.sql("""
            SELECT victim_account FROM claims WHERE state = 'CONFIRMED' AND decided_at >= :s
            UNION
            SELECT r.reporter_account FROM reports r JOIN cases c ON c.case_id = r.case_id
            WHERE c.decided_at >= :s AND r.label IS NOT NULL""")
        .param("s", since).query(String.class).list());
    List<String> subjects = jdbc.sql("""
            SELECT subject_key FROM scammers WHERE created_at >= :s
            UNION
            SELECT subject_key FROM freezes WHERE created_at >= :s OR ended_at >= :s""")
        .param("s", since).query(String.class).list();
    subjects.forEach(key -> accounts.addAll(payersOf(key)));
    accounts.addAll(recentPayersOfFlagged(since));
    Report report = refresh(accounts, CHANGED_MAX);
    jdbc.sql("UPDATE register_cursor SET scanned_to = :t WHERE id = 1 AND scanned_to < :t")
        .param("t", Timestamp.from(now)).update();
    return report;
  }

  /**
   * Recomputes every account that could be a chronic victim or is marked as one: those with a
   * confirmed loss, and everyone who paid a declared scammer, a frozen subject or an account or
   * address on an intel list. For the daily batch; each account in its own short transaction.
   */
  public Report refreshAll() {
    Set<String> accounts = new LinkedHashSet<>(jdbc.sql("""
            SELECT account_id FROM vulnerability_register WHERE chronic_since IS NOT NULL
            UNION
            SELECT victim_account FROM claims WHERE state = 'CONFIRMED'
            UNION
            SELECT reporter_account FROM reports WHERE label = 'CONFIRMED'""")
        .query(String.class).list());
    List<String> subjects = jdbc.sql("""
            SELECT subject_key FROM scammers
            UNION SELECT subject_key FROM freezes WHERE state = 'ACTIVE'
            UNION SELECT entry_key FROM intel_entries""")
        .query(String.class).list();
    subjects.forEach(key -> accounts.addAll(payersOf(key)));
    return refresh(accounts, ACCOUNTS_MAX);
  }

  private Report refresh(Set<String> accounts, int max) {
    int checked = 0;
    int changed = 0;
    for (String account : accounts) {
      if (checked >= max) {
        LOG.warn("chronic refresh stopped at {} of {} accounts; the daily pass does the rest",
            max, accounts.size());
        break;
      }
      checked++;
      changed += register.refreshChronic(account) ? 1 : 0;
    }
    return new Report(checked, changed);
  }

  /**
   * Accounts that paid a subject key ({@code a:<id>} or {@code x:<network>:<address>}). The
   * address is matched alone, through its index: an intel key names the index network (one for
   * all EVM chains), and the precise check is {@link VictimHistories}' anyway.
   */
  List<String> payersOf(String key) {
    if (key.startsWith("a:")) {
      return jdbc.sql("SELECT DISTINCT sender_account FROM transfers WHERE recipient_account"
              + " = :r LIMIT :max")
          .param("r", key.substring(2)).param("max", ACCOUNTS_MAX).query(String.class).list();
    }
    Counterparty c = Counterparty.fromKey(key);
    if (!(c instanceof Counterparty.ExternalAddress address)) {
      return List.of();
    }
    return jdbc.sql("SELECT DISTINCT sender_account FROM transfers WHERE recipient_address"
            + " = :r LIMIT :max")
        .param("r", address.address()).param("max", ACCOUNTS_MAX).query(String.class).list();
  }

  /** Senders of recent payments (attempts included) to declared scammers or frozen subjects. */
  private List<String> recentPayersOfFlagged(Timestamp since) {
    return jdbc.sql("""
            SELECT DISTINCT t.sender_account FROM transfers t
            JOIN (SELECT subject_key FROM scammers
                  UNION SELECT subject_key FROM freezes WHERE state = 'ACTIVE') f
              ON f.subject_key = CASE WHEN t.recipient_account IS NOT NULL
                THEN 'a:' || t.recipient_account
                ELSE 'x:' || t.network || ':' || t.recipient_address END
            WHERE t.created_at >= :s LIMIT :max""")
        .param("s", since).param("max", ACCOUNTS_MAX).query(String.class).list();
  }
}
