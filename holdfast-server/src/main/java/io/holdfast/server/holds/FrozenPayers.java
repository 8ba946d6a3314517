package io.holdfast.server.holds;

import io.holdfast.core.transfer.Counterparty;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The investigation's graph front: has a held payment's recipient been paid, in the last 30
 * days, by an account that is now frozen as a scammer? Money flowing from a scammer to the
 * recipient is how a mule or a cash-out account looks. Only that direction counts: a recipient
 * that once paid a scammer is more likely one of its victims, and holding payments to victims
 * would punish them twice.
 */
final class FrozenPayers {
  static final Duration WINDOW = Duration.ofDays(30);
  /** The most rows one batch's query reads; a batch has at most a few thousand recipients. */
  static final int ROWS_MAX = 10_000;

  private final JdbcTemplate jdbc;

  FrozenPayers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A finding for each recipient key paid by a frozen account since {@code now - 30 days}. */
  Map<String, String> findings(List<String> recipientKeys, Instant now) {
    List<String> accounts = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    for (String key : recipientKeys) {
      Counterparty c = Counterparty.fromKey(key);
      if (c instanceof Counterparty.PlatformAccount a) {
        accounts.add(a.accountId());
      } else {
        addresses.add(((Counterparty.ExternalAddress) c).address());
      }
    }
    Map<String, String> found = new HashMap<>();
    Timestamp since = Timestamp.from(now.minus(WINDOW));
    query("t.recipient_account", "'a:' || t.recipient_account", accounts, since, found);
    query("t.recipient_address", "'x:' || t.network || ':' || t.recipient_address", addresses,
        since, found);
    return found;
  }

  private void query(String column, String keyExpression, List<String> values, Timestamp since,
      Map<String, String> found) {
    if (values.isEmpty()) {
      return;
    }
    String marks = String.join(",", Collections.nCopies(values.size(), "?"));
    List<Object> args = new ArrayList<>(values);
    args.add(since);
    args.add(ROWS_MAX);
    // The join is written from the active freezes to the frozen accounts' payments (the index
    // by sender), so a sweep batch costs next to nothing while few accounts are frozen.
    jdbc.query("SELECT " + keyExpression + ", f.account_id, f.kind FROM freezes f"
            + " JOIN transfers t ON t.sender_account = f.account_id"
            + " WHERE f.state = 'ACTIVE' AND f.account_id IS NOT NULL"
            + " AND " + column + " IN (" + marks + ") AND t.created_at >= ?"
            + " ORDER BY t.created_at LIMIT ?",
        rs -> {
          found.putIfAbsent(rs.getString(1), "recipient was paid by " + rs.getString(2)
              + ", now frozen as a " + (rs.getString(3).equals("CONFIRMED") ? "confirmed"
              : "suspected") + " scammer");
        }, args.toArray());
  }
}
