package io.holdfast.server.sandbox;

import io.holdfast.server.support.SqlSums;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checks that money is conserved in the sandbox, all read in one snapshot (repeatable
 * read) so that work going on meanwhile cannot produce a false alarm:
 * <ol>
 *   <li>per currency, all balances, world included, sum to zero;</li>
 *   <li>each balance equals the sum of its postings;</li>
 *   <li>each transaction's postings sum to zero;</li>
 *   <li>no balance is negative except world's;</li>
 *   <li>escrow holds exactly the holds whose funds were taken and not yet given back or paid
 *       out, and a hold the sandbox resolved is resolved the same way in Holdfast;</li>
 *   <li>when the sandbox has applied every instruction, escrow equals the active holds.</li>
 * </ol>
 */
public final class SandboxInvariants {
  private static final int LISTED_MAX = 20;

  /** The outcome: what was found wrong (empty when all is well) and the escrow per currency. */
  public record Report(boolean ok, List<String> violations, Map<String, Long> escrow,
      long pendingInstructions) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate snapshot;

  SandboxInvariants(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.snapshot = new TransactionTemplate(tx.getTransactionManager());
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  Report check() {
    return snapshot.execute(status -> {
      List<String> v = new ArrayList<>();
      list(v, "currency does not sum to zero: ", "SELECT currency || ' ' || SUM(balance_minor)"
          + " FROM sandbox_accounts GROUP BY currency HAVING SUM(balance_minor) <> 0");
      list(v, "balance differs from its postings: ", "SELECT a.account_id || ' ' || a.currency"
          + " || ' ' || a.balance_minor || ' vs ' || COALESCE(SUM(e.amount_minor), 0)"
          + " FROM sandbox_accounts a LEFT JOIN sandbox_entries e"
          + " ON e.account_id = a.account_id AND e.currency = a.currency"
          + " GROUP BY a.account_id, a.currency, a.balance_minor"
          + " HAVING a.balance_minor <> COALESCE(SUM(e.amount_minor), 0)");
      list(v, "postings do not sum to zero: ", "SELECT instruction_id || ' ' || currency"
          + " FROM sandbox_entries GROUP BY instruction_id, currency"
          + " HAVING SUM(amount_minor) <> 0");
      list(v, "negative balance: ", "SELECT account_id || ' ' || currency || ' '"
          + " || balance_minor FROM sandbox_accounts"
          + " WHERE balance_minor < 0 AND account_id <> 'world'");
      list(v, "rejected by the sandbox: ", "SELECT instruction_id || ' ' || note"
          + " FROM sandbox_applied WHERE note LIKE 'rejected%'");
      checkResolutions(v);
      Map<String, Long> escrow = escrow();
      checkEscrow(v, escrow, "SELECT h.currency, SUM(h.amount_minor) FROM holds h"
          + " WHERE EXISTS (SELECT 1 FROM sandbox_applied f WHERE f.hold_id = h.hold_id"
          + " AND f.kind = 'HOLD_FUNDS') AND NOT EXISTS (SELECT 1 FROM sandbox_applied r"
          + " WHERE r.hold_id = h.hold_id AND r.kind IN ('RELEASE', 'RETURN')"
          + " AND r.note NOT LIKE 'rejected%')"
          + " GROUP BY h.currency", "escrow differs from the holds it took: ");
      long pending = pending();
      if (pending == 0) {
        checkEscrow(v, escrow, "SELECT currency, SUM(amount_minor) FROM holds"
            + " WHERE state IN ('HELD', 'UNDER_INVESTIGATION') GROUP BY currency",
            "caught up, yet escrow differs from the active holds: ");
      }
      return new Report(v.isEmpty(), List.copyOf(v), escrow, pending);
    });
  }

  /** A hold the sandbox paid out or gave back must be released or returned in Holdfast. */
  private void checkResolutions(List<String> v) {
    list(v, "sandbox and Holdfast disagree on hold: ", "SELECT h.hold_id || ' ' || h.state"
        + " || ' vs ' || r.kind FROM holds h JOIN sandbox_applied r ON r.hold_id = h.hold_id"
        + " WHERE (r.kind = 'RELEASE' AND h.state <> 'RELEASED')"
        + " OR (r.kind = 'RETURN' AND h.state <> 'RETURNED')");
  }

  private Map<String, Long> escrow() {
    Map<String, Long> escrow = new LinkedHashMap<>();
    jdbc.query("SELECT currency, balance_minor FROM sandbox_accounts WHERE account_id = ?"
        + " ORDER BY currency", rs -> {
          escrow.put(rs.getString(1), rs.getLong(2));
        }, SandboxAccounts.ESCROW);
    return escrow;
  }

  private void checkEscrow(List<String> v, Map<String, Long> escrow, String sql, String label) {
    Map<String, Long> expected = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      expected.put(rs.getString(1), SqlSums.exact(rs, 2));
    });
    for (String currency : union(escrow, expected)) {
      long have = escrow.getOrDefault(currency, 0L);
      long want = expected.getOrDefault(currency, 0L);
      if (have != want) {
        v.add(label + currency + " " + have + " vs " + want);
      }
    }
  }

  private static List<String> union(Map<String, Long> a, Map<String, Long> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }

  /** Instructions not yet applied: unnumbered, or numbered after the sandbox's cursor. */
  private long pending() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM instructions WHERE seq IS NULL"
        + " OR seq > (SELECT last_seq FROM sandbox_cursor WHERE id = 1)", Long.class);
    return n == null ? 0 : n;
  }

  private void list(List<String> v, String label, String sql) {
    List<String> found = jdbc.queryForList(sql + " LIMIT " + (LISTED_MAX + 1), String.class);
    for (int i = 0; i < Math.min(found.size(), LISTED_MAX); i++) {
      v.add(label + found.get(i));
    }
    if (found.size() > LISTED_MAX) {
      v.add(label + "and more");
    }
  }
}
