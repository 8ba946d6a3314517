package io.holdfast.server.sweeps;

import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.cases.CaseRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Declares a counterparty a scammer and queues a sweep of it, in the caller's transaction: an
 * analyst's request, a confirmed case, or a law-enforcement request. The sweep row is durable
 * with the change that caused it, so a crash between the two cannot lose a sweep; the worker is
 * woken after commit, and also polls.
 */
@Service
public class Sweeps {
  /** What started a sweep. */
  public enum Trigger {
    ANALYST,
    CASE_CONFIRMED,
    LAW_ENFORCEMENT
  }

  /** The scammer, its case, and the queued sweep. */
  public record Requested(String scammerId, String caseId, String sweepId) {}

  private final SweepRows rows;
  private final CaseRows cases;
  private final AuditLog audit;
  private final SweepWorker worker;
  private final Clock clock;
  private final Duration lookback;

  public Sweeps(SweepRows rows, CaseRows cases, AuditLog audit, SweepWorker worker, Clock clock,
      @Value("${holdfast.sweeps.lookback:P180D}") Duration lookback) {
    Invariants.check(!lookback.isNegative() && !lookback.isZero(), "a lookback is positive");
    this.rows = rows;
    this.cases = cases;
    this.audit = audit;
    this.worker = worker;
    this.clock = clock;
    this.lookback = lookback;
  }

  public Duration lookback() {
    return lookback;
  }

  /**
   * Declares {@code subjectKey} a scammer (on its case, opened if new) and queues a sweep over
   * {@code [since, now)}; {@code since} null means the lookback window.
   */
  public Requested request(String subjectKey, Trigger trigger, String ref, Instant since,
      String actor) {
    Invariants.check(TransactionSynchronizationManager.isActualTransactionActive(),
        "a sweep is queued in the transaction of what caused it");
    Instant now = clock.instant();
    Instant from = since != null ? since : now.minus(lookback);
    Invariants.check(from.isBefore(now), "a sweep window ends after it starts");
    String caseId = cases.openFor(subjectKey, null, now).caseId();
    SweepRows.Scammer scammer = rows.declare(subjectKey, caseId, trigger.name(), actor, now);
    String sweepId = rows.enqueue(scammer, trigger.name(), ref, from, now, actor, now);
    audit.record(actor, "sweep.requested", "sweep", sweepId, null, "QUEUED",
        trigger.name().toLowerCase(java.util.Locale.ROOT) + " sweep of " + subjectKey
            + (ref == null ? "" : " (" + ref + ")") + " from " + from);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        worker.wake();
      }
    });
    return new Requested(scammer.scammerId(), caseId, sweepId);
  }
}
