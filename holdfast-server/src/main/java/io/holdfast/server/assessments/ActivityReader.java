package io.holdfast.server.assessments;

import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.prevention.AccountActivity;
import io.holdfast.core.prevention.AccountActivity.Deposit;
import io.holdfast.core.prevention.AccountActivity.Payment;
import io.holdfast.core.prevention.AccountActivity.SecurityChange;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.accounts.AccountRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one chunk of accounts, in id order, with what each did in the window: one query per
 * kind of activity over the chunk's id range (transfers by sender, account events, released
 * holds and calls, confirmed losses), each an index range scan, so a chunk costs a handful of
 * queries whatever its size. Each account keeps its latest {@link AccountActivity#EVENTS_MAX}
 * events of a kind.
 */
final class ActivityReader {
  /** The chunk's accounts in id order (all of them, for the cursor) and the active ones' activity. */
  record Chunk(String lastAccountId, int accountsRead, List<AccountActivity> activities) {}

  private final JdbcTemplate jdbc;
  private final AccountRepository accounts;

  ActivityReader(JdbcTemplate jdbc, AccountRepository accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** Activity in [from, to) of up to {@code size} accounts after {@code afterAccount}. */
  Chunk read(String afterAccount, int size, Instant from, Instant to, FlaggedRecipients flagged) {
    List<AccountProfile> profiles = accounts.pageAfter(afterAccount, size);
    if (profiles.isEmpty()) {
      return new Chunk(afterAccount, 0, List.of());
    }
    String last = profiles.get(profiles.size() - 1).accountId();
    Object[] range = {afterAccount, last, Timestamp.from(from), Timestamp.from(to)};
    Map<String, Deque<Payment>> payments = payments(range, flagged);
    Map<String, Deque<Deposit>> deposits = new HashMap<>();
    Map<String, Deque<SecurityChange>> changes = new HashMap<>();
    events(range, deposits, changes);
    Map<String, Integer> ignored = warningsIgnored(range);
    Map<String, Integer> losses = confirmedLosses(afterAccount, last);
    Set<String> chronic = register("SELECT account_id FROM vulnerability_register"
        + " WHERE account_id > ? AND account_id <= ? AND chronic_since IS NOT NULL", afterAccount,
        last);
    Set<String> analystFlagged = register("SELECT DISTINCT account_id FROM vulnerability_flags"
        + " WHERE account_id > ? AND account_id <= ?", afterAccount, last);
    List<AccountActivity> out = new ArrayList<>(profiles.size());
    for (AccountProfile p : profiles) {
      if (p.status() != AccountStatus.ACTIVE) {
        continue;
      }
      Instant seniorFrom = p.seniorFrom();
      String id = p.accountId();
      out.add(new AccountActivity(id, p.country(), p.vulnerable() || analystFlagged.contains(id),
          seniorFrom != null && !seniorFrom.isAfter(to),
          chronic.contains(id) || losses.getOrDefault(id, 0) >= 2, from, to,
          list(payments.get(p.accountId())), list(deposits.get(p.accountId())),
          list(changes.get(p.accountId())), ignored.getOrDefault(p.accountId(), 0)));
    }
    return new Chunk(last, profiles.size(), out);
  }

  private Map<String, Deque<Payment>> payments(Object[] range, FlaggedRecipients flagged) {
    Map<String, Deque<Payment>> out = new HashMap<>();
    jdbc.query("SELECT t.sender_account, t.created_at, t.recipient_account, t.network,"
        + " t.recipient_address, t.amount_usd_minor, r.country FROM transfers t"
        + " LEFT JOIN accounts r ON r.account_id = t.recipient_account"
        + " WHERE t.sender_account > ? AND t.sender_account <= ? AND t.created_at >= ?"
        + " AND t.created_at < ? ORDER BY t.sender_account, t.created_at", rs -> {
          String account = rs.getString(3);
          String key = account != null ? "a:" + account
              : "x:" + rs.getString(4) + ":" + rs.getString(5);
          keepLatest(out, rs.getString(1), new Payment(rs.getTimestamp(2).toInstant(), key,
              account == null, rs.getString(7), rs.getLong(6), flagged.flaggedAs(key)));
        }, range);
    return out;
  }

  private void events(Object[] range, Map<String, Deque<Deposit>> deposits,
      Map<String, Deque<SecurityChange>> changes) {
    jdbc.query("SELECT account_id, event_type, occurred_at, amount_usd_minor"
        + " FROM account_events WHERE account_id > ? AND account_id <= ? AND occurred_at >= ?"
        + " AND occurred_at < ? ORDER BY account_id, occurred_at", rs -> {
          Instant at = rs.getTimestamp(3).toInstant();
          String type = rs.getString(2);
          if ("DEPOSIT".equals(type)) {
            keepLatest(deposits, rs.getString(1), new Deposit(at, rs.getLong(4)));
          } else {
            keepLatest(changes, rs.getString(1), new SecurityChange(at, type));
          }
        }, range);
  }

  /**
   * Held payments the sender let go ahead after being warned (released at the deadline after at
   * least one step of the ladder, without cancelling), and calls in which the sender said they would go ahead anyway.
   */
  private Map<String, Integer> warningsIgnored(Object[] range) {
    Map<String, Integer> out = new HashMap<>();
    jdbc.query("SELECT sender_account, COUNT(*) FROM holds WHERE sender_account > ?"
        + " AND sender_account <= ? AND created_at >= ? AND created_at < ?"
        + " AND resolution = 'RELEASED_AT_DEADLINE' AND ladder_step >= 1"
        + " GROUP BY sender_account", rs -> {
          out.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        }, range);
    jdbc.query("SELECT account_id, COUNT(*) FROM call_tasks WHERE account_id > ?"
        + " AND account_id <= ? AND created_at >= ? AND created_at < ?"
        + " AND outcome = 'sender_proceeds' GROUP BY account_id", rs -> {
          out.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        }, range);
    return out;
  }

  /**
   * Accounts of the chunk the vulnerability register marks (chronic victims, or flags its
   * analysts and interventions recorded beside the platform's).
   */
  private Set<String> register(String sql, String after, String last) {
    return new HashSet<>(jdbc.queryForList(sql, String.class, after, last));
  }

  /**
   * Confirmed reports each account filed as a victim, at any time: the register's own rule
   * counts these too, but its refresh runs on a timer, and a run from the command line should
   * not depend on it.
   */
  private Map<String, Integer> confirmedLosses(String after, String last) {
    Map<String, Integer> out = new HashMap<>();
    jdbc.query("SELECT reporter_account, COUNT(*) FROM reports WHERE reporter_account > ?"
        + " AND reporter_account <= ? AND label = 'CONFIRMED' AND reporter_paid"
        + " GROUP BY reporter_account", rs -> {
          out.put(rs.getString(1), rs.getInt(2));
        }, after, last);
    return out;
  }

  private static <T> void keepLatest(Map<String, Deque<T>> into, String account, T item) {
    Deque<T> items = into.computeIfAbsent(account, k -> new ArrayDeque<>());
    items.addLast(item);
    if (items.size() > AccountActivity.EVENTS_MAX) {
      items.removeFirst();
    }
    Invariants.check(items.size() <= AccountActivity.EVENTS_MAX, "unbounded activity");
  }

  private static <T> List<T> list(Deque<T> items) {
    return items == null ? List.of() : new ArrayList<>(items);
  }
}
