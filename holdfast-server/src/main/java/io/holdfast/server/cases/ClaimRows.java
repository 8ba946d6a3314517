package io.holdfast.server.cases;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.support.SqlSums;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Victims' claims on a case's recovery pool, and the refunds paid against them. */
@Repository
public class ClaimRows {
  /** A claim as restitution needs it. */
  public record Claim(String claimId, String victimAccount, String currency, long lossMinor,
      long paidMinor, String state) {
    public long owedMinor() {
      return lossMinor - paidMinor;
    }
  }

  /** A claim to open: who lost what, and what the reimbursement policy says of it. */
  public record NewClaim(String caseId, String reportId, String victimAccount, String currency,
      long lossMinor, boolean vulnerable, long reimbursableMinor, Instant decideBy) {}

  private final JdbcTemplate jdbc;
  private final IdGenerator ids;

  public ClaimRows(JdbcTemplate jdbc, IdGenerator ids) {
    this.jdbc = jdbc;
    this.ids = ids;
  }

  /**
   * Opens a claim, or raises an existing claim of the same victim and currency on the same case
   * to the larger loss (a second report may name more transfers). Returns the claim id.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String open(NewClaim c, Instant now) {
    Invariants.check(c.lossMinor() > 0, "a claim is for a positive loss");
    // A report is the victim's own word: it ends a silent victim's wait for confirmation.
    int n = jdbc.update("UPDATE claims SET loss_minor = GREATEST(loss_minor, ?),"
            + " reimbursable_minor = GREATEST(reimbursable_minor, ?), awaiting_victim = FALSE,"
            + " report_id = COALESCE(report_id, ?), version = version + 1"
            + " WHERE case_id = ? AND victim_account = ? AND currency = ?", c.lossMinor(),
        c.reimbursableMinor(), c.reportId(), c.caseId(), c.victimAccount(), c.currency());
    if (n == 0) {
      jdbc.update("INSERT INTO claims (claim_id, case_id, report_id, victim_account, currency,"
              + " loss_minor, paid_minor, state, victim_vulnerable, reimbursable_minor,"
              + " decide_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, 'PENDING', ?, ?,"
              + " ?, ?, 1)", ids.next("clm"), c.caseId(), c.reportId(), c.victimAccount(),
          c.currency(), c.lossMinor(), c.vulnerable(), c.reimbursableMinor(),
          Timestamp.from(c.decideBy()), Timestamp.from(now));
    }
    return jdbc.queryForObject("SELECT claim_id FROM claims WHERE case_id = ?"
        + " AND victim_account = ? AND currency = ?", String.class, c.caseId(), c.victimAccount(),
        c.currency());
  }

  /**
   * Decides the pending claims of a case; returns how many. Confirming leaves the claims of
   * silent victims who have not yet confirmed their loss pending (they are confirmed when the
   * victim does); rejecting rejects them all.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int decidePending(String caseId, String state, Instant at) {
    return jdbc.update("UPDATE claims SET state = ?, decided_at = ?, version = version + 1"
        + " WHERE case_id = ? AND state = 'PENDING' AND (awaiting_victim = FALSE OR ? = 'REJECTED')",
        state, Timestamp.from(at), caseId, state);
  }

  /**
   * Opens the claims of silent victims found by a sweep, in one batch: pending, and waiting for
   * the victim to confirm the loss. The caller has checked under the case lock that none exists.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<String> openAwaiting(List<NewClaim> claims, Instant now) {
    List<String> claimIds = new java.util.ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      Invariants.check(claims.get(i).lossMinor() > 0, "a claim is for a positive loss");
      claimIds.add(ids.next("clm"));
    }
    jdbc.batchUpdate("INSERT INTO claims (claim_id, case_id, report_id, victim_account, currency,"
        + " loss_minor, paid_minor, state, victim_vulnerable, reimbursable_minor, decide_by,"
        + " created_at, version, awaiting_victim) VALUES (?, ?, NULL, ?, ?, ?, 0, 'PENDING', ?,"
        + " ?, ?, ?, 1, TRUE)", new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
          @Override
          public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
            NewClaim c = claims.get(i);
            ps.setString(1, claimIds.get(i));
            ps.setString(2, c.caseId());
            ps.setString(3, c.victimAccount());
            ps.setString(4, c.currency());
            ps.setLong(5, c.lossMinor());
            ps.setBoolean(6, c.vulnerable());
            ps.setLong(7, c.reimbursableMinor());
            ps.setTimestamp(8, Timestamp.from(c.decideBy()));
            ps.setTimestamp(9, Timestamp.from(now));
          }

          @Override
          public int getBatchSize() {
            return claims.size();
          }
        });
    return claimIds;
  }

  /**
   * A silent victim confirmed the loss: their claims stop waiting, the decision clock starts
   * now, and in a case already confirmed they are confirmed at once, as a reporter's would have
   * been. Returns how many claims changed.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int confirmByVictim(String caseId, String victimAccount, boolean caseConfirmed,
      Instant decideBy, Instant now) {
    return jdbc.update("UPDATE claims SET awaiting_victim = FALSE, decide_by = ?,"
            + " state = ?, decided_at = ?, version = version + 1 WHERE case_id = ?"
            + " AND victim_account = ? AND state = 'PENDING' AND awaiting_victim = TRUE",
        Timestamp.from(decideBy), caseConfirmed ? "CONFIRMED" : "PENDING",
        caseConfirmed ? Timestamp.from(now) : null, caseId, victimAccount);
  }

  /** A silent victim said it was no loss: their waiting claims are rejected. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int withdrawByVictim(String caseId, String victimAccount, Instant now) {
    return jdbc.update("UPDATE claims SET state = 'REJECTED', awaiting_victim = FALSE,"
            + " decided_at = ?, version = version + 1 WHERE case_id = ? AND victim_account = ?"
            + " AND state = 'PENDING' AND awaiting_victim = TRUE", Timestamp.from(now), caseId,
        victimAccount);
  }

  /** Raises waiting claims to what a later sweep found (more payments in the window). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void raiseAwaiting(Map<String, Long> lossByClaimId) {
    List<Map.Entry<String, Long>> rows = new java.util.ArrayList<>(lossByClaimId.entrySet());
    jdbc.batchUpdate("UPDATE claims SET loss_minor = GREATEST(loss_minor, ?), version ="
        + " version + 1 WHERE claim_id = ? AND awaiting_victim = TRUE AND loss_minor < ?", rows,
        rows.size(), (ps, e) -> {
          ps.setLong(1, e.getValue());
          ps.setString(2, e.getKey());
          ps.setLong(3, e.getValue());
        });
  }

  /** The confirmed claims of a case still owed money, locked, in a stable order. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Claim> lockOwed(String caseId) {
    return jdbc.query("SELECT claim_id, victim_account, currency, loss_minor, paid_minor, state"
            + " FROM claims WHERE case_id = ? AND state = 'CONFIRMED' AND paid_minor < loss_minor"
            + " ORDER BY created_at, claim_id LIMIT 100000 FOR UPDATE",
        (rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getLong(5), rs.getString(6)), caseId);
  }

  /** Adds a payment; the CHECK (paid_minor <= loss_minor) refuses any overpayment. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void addPaid(String claimId, long amountMinor) {
    int n = jdbc.update("UPDATE claims SET paid_minor = paid_minor + ?, version = version + 1"
        + " WHERE claim_id = ? AND paid_minor + ? <= loss_minor", amountMinor, claimId,
        amountMinor);
    Invariants.check(n == 1, "a payment of %d would overpay claim %s", amountMinor, claimId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void insertRefund(String refundId, String caseId, String claimId, String freezeId,
      int round, long amountMinor, String currency, String actor, Instant at) {
    jdbc.update("INSERT INTO refunds (refund_id, case_id, claim_id, freeze_id, round,"
            + " amount_minor, currency, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        refundId, caseId, claimId, freezeId, round, amountMinor, currency, Timestamp.from(at),
        actor);
  }

  /** The claims of a case for people: loss, paid, state and the decision clock. */
  public List<Map<String, Object>> ofCase(String caseId) {
    return jdbc.query("SELECT claim_id, report_id, victim_account, currency, loss_minor,"
        + " paid_minor, state, victim_vulnerable, reimbursable_minor, decide_by, decided_at,"
        + " awaiting_victim FROM claims WHERE case_id = ? ORDER BY created_at, claim_id"
        + " LIMIT 10000",
        (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("claim_id", rs.getString(1));
          m.put("report_id", rs.getString(2));
          m.put("victim_account", rs.getString(3));
          m.put("currency", rs.getString(4));
          m.put("loss_minor", rs.getLong(5));
          m.put("paid_minor", rs.getLong(6));
          m.put("state", rs.getString(7).toLowerCase(java.util.Locale.ROOT));
          m.put("victim_vulnerable", rs.getBoolean(8));
          m.put("reimbursable_minor", rs.getLong(9));
          m.put("decide_by", rs.getTimestamp(10).toInstant().toString());
          Timestamp decided = rs.getTimestamp(11);
          if (decided != null) {
            m.put("decided_at", decided.toInstant().toString());
          }
          m.put("awaiting_victim", rs.getBoolean(12));
          return m;
        }, caseId);
  }

  /** The refunds of a case, oldest first. */
  public List<Map<String, Object>> refunds(String caseId) {
    return jdbc.query("SELECT refund_id, claim_id, freeze_id, round, amount_minor, currency,"
        + " created_at FROM refunds WHERE case_id = ? ORDER BY created_at, refund_id LIMIT 10000",
        (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("refund_id", rs.getString(1));
          m.put("claim_id", rs.getString(2));
          m.put("freeze_id", rs.getString(3));
          m.put("round", rs.getInt(4));
          m.put("amount_minor", rs.getLong(5));
          m.put("currency", rs.getString(6));
          m.put("created_at", rs.getTimestamp(7).toInstant().toString());
          return m;
        }, caseId);
  }

  /**
   * Per confirmed, active freeze of a case and currency: what was frozen and what is left after
   * refunds, for restitution. Ordered so allocation is deterministic.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Source> sources(String caseId) {
    return jdbc.query("SELECT f.freeze_id, f.account_id, ff.currency, ff.amount_minor,"
        + " COALESCE((SELECT SUM(r.amount_minor) FROM refunds r WHERE r.freeze_id = f.freeze_id"
        + " AND r.currency = ff.currency), 0)"
        + " FROM freezes f JOIN frozen_funds ff ON ff.freeze_id = f.freeze_id"
        + " WHERE f.case_id = ? AND f.state = 'ACTIVE' AND f.kind = 'CONFIRMED'"
        + " ORDER BY f.created_at, f.freeze_id, ff.currency LIMIT 10000",
        (rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            SqlSums.exact(rs, 5)), caseId);
  }

  /** Frozen money in one currency on one freeze, and how much refunds already took. */
  public record Source(String freezeId, String accountId, String currency, long frozenMinor,
      long refundedMinor) {
    public long availableMinor() {
      return Math.max(0, frozenMinor - refundedMinor);
    }
  }
}
