package io.holdfast.server.sandbox;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox platform's double-entry ledger: balances per account and currency, and the
 * postings that moved them. Each transaction (an instruction or a deposit) is recorded once in
 * {@code sandbox_applied}, so applying it again is a no-op; its postings sum to zero, are
 * written with the balances they change, and the balances are locked in one fixed order (by
 * account, then currency) so concurrent transactions cannot deadlock.
 */
@Repository
public class SandboxLedger {
  static final String ACTOR = "sandbox";

  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  public SandboxLedger(JdbcTemplate jdbc, AuditLog audit, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Moves {@code amountMinor} from {@code world} into {@code account}, once per {@code ref}.
   * Returns false when a deposit with this ref was already made.
   */
  public boolean deposit(String account, String currency, long amountMinor, String ref) {
    Invariants.check(amountMinor > 0, "a deposit is positive");
    Boolean done = tx.execute(status -> post("deposit:" + ref, "DEPOSIT", null,
        "deposit into " + account, List.of(account, SandboxAccounts.WORLD), currency,
        balances -> List.of(
            new Posting(SandboxAccounts.WORLD, currency, -amountMinor, "deposit out"),
            new Posting(account, currency, amountMinor, "deposit in"))));
    return Boolean.TRUE.equals(done);
  }

  /**
   * The platform moves a transfer's money itself (one Holdfast allowed, so no instruction came):
   * from the sender to the recipient's account, once per transfer id. A sender short of money
   * is funded from {@code world} with the missing amount first, as for held funds, so the demo
   * needs no opening balances. Returns false when it was settled before.
   */
  public boolean settle(String transferId, String sender, String recipient, String currency,
      long amountMinor) {
    Invariants.check(amountMinor > 0, "a transfer is positive");
    Boolean done = tx.execute(status -> post("settle:" + transferId, "SETTLE", null,
        "settled by the platform", List.of(sender, recipient, SandboxAccounts.WORLD), currency,
        balances -> {
          long missing = Math.max(0, amountMinor - balances.get(sender));
          List<Posting> postings = new java.util.ArrayList<>(4);
          if (missing > 0) {
            postings.add(new Posting(SandboxAccounts.WORLD, currency, -missing, "auto-funded"));
            postings.add(new Posting(sender, currency, missing, "auto-funded"));
          }
          postings.add(new Posting(sender, currency, -amountMinor, "paid"));
          postings.add(new Posting(recipient, currency, amountMinor, "received"));
          return postings;
        }));
    return Boolean.TRUE.equals(done);
  }

  /**
   * Records transaction {@code txnId} with the postings {@code plan} computes from the locked
   * balances of {@code accounts}; false (and nothing written) when it was already recorded.
   * A plan that would take a balance other than world's below zero is a bug and throws.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean post(String txnId, String kind, String holdId, String note, List<String> accounts,
      String currency, Function<Map<String, Long>, List<Posting>> plan) {
    Timestamp now = Timestamp.from(clock.instant());
    int fresh = jdbc.update("INSERT INTO sandbox_applied (instruction_id, kind, hold_id, note,"
        + " applied_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", txnId, kind, holdId,
        note, now);
    if (fresh == 0) {
      return false;
    }
    Map<String, Long> balances = lock(accounts, currency);
    List<Posting> postings = plan.apply(balances);
    long sum = 0;
    for (Posting p : postings) {
      sum = Math.addExact(sum, p.amountMinor());
      Invariants.check(p.currency().equals(currency), "one currency per transaction");
      Invariants.check(balances.containsKey(p.accountId()), "posting to an unlocked account");
    }
    Invariants.check(sum == 0, "postings of %s sum to %d, not zero", txnId, sum);
    for (int i = 0; i < postings.size(); i++) {
      apply(txnId, i + 1, postings.get(i), now);
    }
    audit.record(ACTOR, "sandbox." + kind.toLowerCase(java.util.Locale.ROOT), "sandbox_txn",
        txnId, null, postings.size() + " postings", note);
    return true;
  }

  /** Creates missing balance rows, then locks them all in account order; returns them. */
  private Map<String, Long> lock(List<String> accounts, String currency) {
    Map<String, Long> balances = new HashMap<>();
    for (String account : new TreeSet<>(accounts)) {
      jdbc.update("INSERT INTO sandbox_accounts (account_id, currency, balance_minor)"
          + " VALUES (?, ?, 0) ON CONFLICT DO NOTHING", account, currency);
      Long balance = jdbc.queryForObject("SELECT balance_minor FROM sandbox_accounts"
          + " WHERE account_id = ? AND currency = ? FOR UPDATE", Long.class, account, currency);
      balances.put(account, balance);
    }
    return balances;
  }

  private void apply(String txnId, int postingNo, Posting p, Timestamp now) {
    jdbc.update("INSERT INTO sandbox_entries (instruction_id, posting_no, account_id, currency,"
        + " amount_minor, memo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", txnId, postingNo,
        p.accountId(), p.currency(), p.amountMinor(), p.memo(), now);
    int n = jdbc.update("UPDATE sandbox_accounts SET balance_minor = balance_minor + ?"
            + " WHERE account_id = ? AND currency = ?"
            + " AND (balance_minor + ? >= 0 OR account_id = ?)",
        p.amountMinor(), p.accountId(), p.currency(), p.amountMinor(), SandboxAccounts.WORLD);
    Invariants.check(n == 1, "posting %d of %s would overdraw %s", postingNo, txnId,
        p.accountId());
  }

  /** Whether transaction {@code txnId} (an instruction id or deposit:ref) was recorded. */
  public boolean applied(String txnId) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_applied WHERE instruction_id = ?",
        Long.class, txnId);
    return n != null && n > 0;
  }

  /** The currencies in which an account holds a positive balance. */
  public List<String> currenciesOf(String account) {
    return jdbc.queryForList("SELECT currency FROM sandbox_accounts WHERE account_id = ?"
        + " AND balance_minor > 0 ORDER BY currency LIMIT 100", String.class, account);
  }

  /** One account's balance, zero when it never moved. */
  public long balance(String account, String currency) {
    List<Long> b = jdbc.queryForList("SELECT balance_minor FROM sandbox_accounts"
        + " WHERE account_id = ? AND currency = ?", Long.class, account, currency);
    return b.isEmpty() ? 0 : b.get(0);
  }

  /** Up to {@code limit} balances, system accounts first. */
  public List<Map<String, Object>> balances(int limit) {
    Invariants.check(limit >= 1 && limit <= 10_000, "page size out of bounds");
    return jdbc.queryForList("SELECT account_id, currency, balance_minor FROM sandbox_accounts"
        + " ORDER BY CASE WHEN account_id IN ('world', 'escrow') THEN 0 ELSE 1 END,"
        + " account_id, currency LIMIT ?", limit);
  }

  /** Checks that money is conserved; see {@link SandboxInvariants}. */
  public SandboxInvariants.Report checkInvariants() {
    return new SandboxInvariants(jdbc, tx).check();
  }
}
