package io.holdfast.server.screening;

import io.holdfast.core.hold.Hold;
import io.holdfast.server.holds.HoldPlacement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.holdfast.core.screening.RuleHit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of a batch of screenings: the transfer, its decision with the response, the audit
 * record and, when the client sent one, the idempotency key. Written together or not at all.
 */
@Repository
public class DecisionRows {
  private static final String INSERT_TRANSFER = """
      INSERT INTO transfers (transfer_id, created_at, sender_account, recipient_account,
        recipient_address, network, amount_minor, currency, amount_usd_minor, channel, source,
        request_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'screen', ?)""";
  private static final String INSERT_DECISION = """
      INSERT INTO decisions (transfer_id, outcome, risk_score, ruleset_version, decided_at,
        degraded, response)
      VALUES (?, ?, ?, ?, ?, ?, ?)""";
  private static final String INSERT_AUDIT = """
      INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_state,
        after_state, reason)
      VALUES (?, ?, 'transfer.screened', 'transfer', ?, NULL, ?, ?)""";
  private static final String INSERT_KEY = """
      INSERT INTO idempotency_keys (principal, account, route, idempotency_key, request_hash,
        response_status, response_body, created_at)
      VALUES (?, '', ?, ?, ?, 200, ?, ?)""";
  private static final String ADD_SHADOW_HITS = """
      INSERT INTO rule_shadow_hits (rule_name, day, hits) VALUES (?, ?, ?)
      ON CONFLICT (rule_name, day) DO UPDATE SET hits = rule_shadow_hits.hits + EXCLUDED.hits""";

  /** A shadow rule's matches on one UTC day, as one batch adds them. */
  private record ShadowDay(String rule, LocalDate day) implements Comparable<ShadowDay> {
    @Override
    public int compareTo(ShadowDay o) {
      int byRule = rule.compareTo(o.rule);
      return byRule != 0 ? byRule : day.compareTo(o.day);
    }
  }

  private final JdbcTemplate jdbc;
  private final HoldPlacement placement;
  private final Clock clock;

  public DecisionRows(JdbcTemplate jdbc, HoldPlacement placement, Clock clock) {
    this.jdbc = jdbc;
    this.placement = placement;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(List<PendingDecision> batch) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate(INSERT_TRANSFER, batch, batch.size(), (ps, p) -> transfer(ps, p));
    jdbc.batchUpdate(INSERT_DECISION, batch, batch.size(), (ps, p) -> {
      ps.setString(1, p.transfer().transferId());
      ps.setString(2, p.decision().outcome().name());
      ps.setDouble(3, p.decision().riskScore());
      ps.setInt(4, p.decision().rulesetVersion());
      ps.setTimestamp(5, Timestamp.from(p.decision().decidedAt()));
      ps.setBoolean(6, p.decision().degraded());
      ps.setString(7, p.responseJson());
    });
    jdbc.batchUpdate(INSERT_AUDIT, batch, batch.size(), (ps, p) -> {
      ps.setTimestamp(1, now);
      ps.setString(2, p.actor());
      ps.setString(3, p.transfer().transferId());
      ps.setString(4, "{\"outcome\":\"" + p.decision().outcome() + "\",\"risk_score\":"
          + p.decision().riskScore() + "}");
      ps.setString(5, p.decision().reasons().isEmpty()
          ? "no rule matched" : p.decision().reasons().get(0).code());
    });
    insertHolds(batch);
    addShadowHits(batch);
    List<PendingDecision> keyed = batch.stream().filter(p -> p.idempotencyKey() != null).toList();
    if (!keyed.isEmpty()) {
      jdbc.batchUpdate(INSERT_KEY, keyed, keyed.size(), (ps, p) -> {
        ps.setString(1, p.actor());
        ps.setString(2, StoredDecisions.ROUTE);
        ps.setString(3, p.idempotencyKey());
        ps.setString(4, p.requestHash());
        ps.setString(5, p.responseJson());
        ps.setTimestamp(6, now);
      });
    }
  }

  /** Places the holds of HOLD decisions, with their instructions, audit and first steps. */
  private void insertHolds(List<PendingDecision> batch) {
    List<Hold.Held> placed = new ArrayList<>();
    for (PendingDecision p : batch) {
      if (p.hold() != null) {
        placed.add(p.hold());
      }
    }
    placement.place(placed);
  }

  /**
   * Counts the batch's shadow matches per rule and day in the batch's transaction, so a count
   * is never ahead of the decisions it counts, and a batch retried row by row counts each row
   * once. Rows are upserted in one order (rule, then day), so server instances writing at once
   * lock them in the same order and cannot deadlock.
   */
  private void addShadowHits(List<PendingDecision> batch) {
    Map<ShadowDay, Long> counts = new TreeMap<>();
    for (PendingDecision p : batch) {
      LocalDate day = LocalDate.ofInstant(p.decision().decidedAt(), ZoneOffset.UTC);
      for (RuleHit hit : p.decision().ruleHits()) {
        if (hit.shadow() && hit.matched()) {
          counts.merge(new ShadowDay(hit.ruleName(), day), 1L, Long::sum);
        }
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    List<Map.Entry<ShadowDay, Long>> rows = new ArrayList<>(counts.entrySet());
    jdbc.batchUpdate(ADD_SHADOW_HITS, rows, rows.size(), (ps, e) -> {
      ps.setString(1, e.getKey().rule());
      ps.setObject(2, e.getKey().day());
      ps.setLong(3, e.getValue());
    });
  }

  private static void transfer(PreparedStatement ps, PendingDecision p) throws SQLException {
    TransferColumns.bind(ps, p.transfer());
    ps.setString(TransferColumns.COUNT + 1, p.requestHash());
  }
}
