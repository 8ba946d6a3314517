package io.holdfast.server.graph;

import io.holdfast.core.graph.GraphTransfer;
import io.holdfast.core.graph.LinkedAccount;
import io.holdfast.core.graph.PayeeTotal;
import io.holdfast.core.graph.PayerTotal;
import io.holdfast.core.graph.Relation;
import io.holdfast.core.graph.TransferGraph;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.server.support.SqlSums;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The transfer graph read straight from the {@code transfers} table, which is indexed both ways
 * (by recipient account or address, and by sender, each with {@code created_at}), and from
 * account events (by device and by IP) for shared devices. No in-memory index: the benchmark
 * ({@code ./holdfast bench sweeps}) measured a 10,000-payer sweep and a 3-hop trace well within
 * their goals on these indexes at 10 million transfers, so a second copy of the graph in memory,
 * with its rebuild on start and its per-instance staleness, would buy nothing.
 *
 * <p>An edge is a transfer whose money moved: imported history, a screened payment allowed or
 * warned, or a held one that was released. A blocked payment, or a held one still held or
 * returned, never reached the recipient and is no loss. Every query reads a bounded number of
 * rows ({@link #ROWS_SCANNED_MAX}) besides its result limit.
 */
@Component
public class SqlTransferGraph implements TransferGraph {
  /** The most transfer rows one query may read, far above any real account's window. */
  static final int ROWS_SCANNED_MAX = 2_000_000;
  /** The most distinct devices or IPs of one account that are looked at. */
  static final int IDENTIFIERS_MAX = 50;

  private static final String MOVED = " LEFT JOIN decisions d ON d.transfer_id = t.transfer_id"
      + " LEFT JOIN holds h ON h.transfer_id = t.transfer_id";
  private static final String MOVED_WHERE = " AND (h.state = 'RELEASED' OR (h.state IS NULL"
      + " AND (d.outcome IS NULL OR d.outcome IN ('ALLOW', 'WARN'))))";
  private static final String WINDOW = " AND t.created_at >= ? AND t.created_at < ?";

  private final JdbcTemplate jdbc;

  public SqlTransferGraph(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The graph of any store, for the command line. */
  public static SqlTransferGraph over(DataSource dataSource) {
    return new SqlTransferGraph(new JdbcTemplate(dataSource));
  }

  @Override
  public List<PayerTotal> payers(String recipientKey, Instant since, Instant until, int limit) {
    checkLimit(limit);
    Counterparty to = Counterparty.fromKey(recipientKey);
    String match = to instanceof Counterparty.PlatformAccount ? "t.recipient_account = ?"
        : "t.recipient_address = ? AND t.network = ?";
    List<Object> args = new ArrayList<>(recipientArgs(to));
    args.add(Timestamp.from(since));
    args.add(Timestamp.from(until));
    args.add(ROWS_SCANNED_MAX);
    args.add(limit);
    return jdbc.query("SELECT sender_account, currency, SUM(amount_minor),"
            + " SUM(amount_usd_minor), COUNT(*), MIN(created_at), MAX(created_at) FROM ("
            + "SELECT t.sender_account, t.currency, t.amount_minor, t.amount_usd_minor,"
            + " t.created_at FROM transfers t" + MOVED + " WHERE " + match + WINDOW + MOVED_WHERE
            + " ORDER BY t.created_at LIMIT ?) p GROUP BY sender_account, currency"
            + " ORDER BY sender_account, currency LIMIT ?",
        (rs, n) -> new PayerTotal(rs.getString(1), rs.getString(2), SqlSums.exact(rs, 3),
            SqlSums.exact(rs, 4), rs.getInt(5), instant(rs, 6), instant(rs, 7)), args.toArray());
  }

  @Override
  public List<PayeeTotal> payees(String accountId, Instant since, Instant until, int limit) {
    checkLimit(limit);
    return jdbc.query("SELECT recipient_account, SUM(amount_usd_minor), COUNT(*),"
            + " MIN(created_at) FROM (SELECT t.recipient_account, t.amount_usd_minor,"
            + " t.created_at FROM transfers t" + MOVED + " WHERE t.sender_account = ?"
            + " AND t.recipient_account IS NOT NULL" + WINDOW + MOVED_WHERE
            + " ORDER BY t.created_at LIMIT ?) p GROUP BY recipient_account"
            + " ORDER BY 2 DESC, recipient_account LIMIT ?",
        (rs, n) -> new PayeeTotal(rs.getString(1), SqlSums.exact(rs, 2), rs.getInt(3),
            instant(rs, 4)),
        accountId, Timestamp.from(since), Timestamp.from(until), ROWS_SCANNED_MAX, limit);
  }

  @Override
  public boolean paidOut(String accountId, Instant after, Instant until) {
    if (!after.isBefore(until)) {
      return false;
    }
    return !jdbc.queryForList("SELECT t.transfer_id FROM transfers t" + MOVED
            + " WHERE t.sender_account = ?" + WINDOW + MOVED_WHERE + " LIMIT 1", String.class,
        accountId, Timestamp.from(after), Timestamp.from(until)).isEmpty();
  }

  @Override
  public List<LinkedAccount> linked(String accountId, int sharingMax, int limit) {
    checkLimit(limit);
    Map<String, LinkedAccount> linked = new LinkedHashMap<>();
    link(accountId, "device_id", Relation.DEVICE, sharingMax, limit, linked);
    link(accountId, "ip", Relation.IP, sharingMax, limit, linked);
    return new ArrayList<>(linked.values());
  }

  private void link(String accountId, String column, Relation relation, int sharingMax,
      int limit, Map<String, LinkedAccount> linked) {
    List<String> values = jdbc.queryForList("SELECT DISTINCT " + column + " FROM account_events"
        + " WHERE account_id = ? AND " + column + " IS NOT NULL ORDER BY " + column + " LIMIT ?",
        String.class, accountId, IDENTIFIERS_MAX);
    for (String value : values) {
      // One more than the bound tells a widely shared value from one at the bound.
      List<String> users = jdbc.queryForList("SELECT DISTINCT account_id FROM account_events"
          + " WHERE " + column + " = ? ORDER BY account_id LIMIT ?", String.class, value,
          sharingMax + 1);
      if (users.size() > sharingMax) {
        continue;
      }
      for (String other : users) {
        if (linked.size() >= limit) {
          return;
        }
        if (!other.equals(accountId)) {
          linked.putIfAbsent(other, new LinkedAccount(other, relation, value));
        }
      }
    }
  }

  @Override
  public List<GraphTransfer> transfersOf(String accountId, Instant since, Instant until,
      int limit) {
    checkLimit(limit);
    String columns = "SELECT t.transfer_id, t.sender_account, t.recipient_account, t.network,"
        + " t.recipient_address, t.amount_minor, t.currency, t.created_at FROM transfers t"
        + MOVED;
    Timestamp from = Timestamp.from(since);
    Timestamp to = Timestamp.from(until);
    return jdbc.query("SELECT * FROM (" + columns + " WHERE t.sender_account = ?" + WINDOW
            + MOVED_WHERE + " UNION ALL " + columns + " WHERE t.recipient_account = ?" + WINDOW
            + MOVED_WHERE + ") u ORDER BY created_at, transfer_id LIMIT ?",
        (rs, n) -> new GraphTransfer(rs.getString(1), rs.getString(2), rs.getString(3) != null
            ? "a:" + rs.getString(3)
            : new Counterparty.ExternalAddress(rs.getString(4), rs.getString(5)).key(),
            rs.getLong(6), rs.getString(7), instant(rs, 8)),
        accountId, from, to, accountId, from, to, limit);
  }

  private static List<Object> recipientArgs(Counterparty to) {
    if (to instanceof Counterparty.PlatformAccount a) {
      return List.of(a.accountId());
    }
    Counterparty.ExternalAddress x = (Counterparty.ExternalAddress) to;
    return List.of(x.address(), x.network());
  }

  private static void checkLimit(int limit) {
    Invariants.check(limit >= 1 && limit <= ROWS_SCANNED_MAX, "graph query limit out of bounds");
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }
}
