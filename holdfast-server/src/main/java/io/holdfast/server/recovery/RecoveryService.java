package io.holdfast.server.recovery;

import io.holdfast.core.freeze.Freeze;
import io.holdfast.core.freeze.FreezeCommand;
import io.holdfast.core.freeze.FreezeKind;
import io.holdfast.core.recovery.Restitution;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.ClaimRows;
import io.holdfast.server.freezes.FreezeRows;
import io.holdfast.server.freezes.FreezeService;
import io.holdfast.server.instructions.Instruction;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.outreach.OutreachService;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.sweeps.Sweeps;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An analyst's decision on a case, and restitution: frozen balances repay confirmed victims pro
 * rata, through REFUND instructions. The case row is locked for a whole round, so concurrent
 * rounds queue, and the claims' CHECK (paid_minor &lt;= loss_minor) refuses an overpayment
 * even if that lock were forgotten: a victim is never repaid twice.
 */
@Service
public class RecoveryService {
  private final CaseRows cases;
  private final ClaimRows claims;
  private final FreezeRows freezeRows;
  private final FreezeService freezes;
  private final Instructions instructions;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final Sweeps sweeps;
  private final OutreachService outreach;

  public RecoveryService(CaseRows cases, ClaimRows claims, FreezeRows freezeRows,
      FreezeService freezes, Instructions instructions, AuditLog audit, TransactionTemplate tx,
      IdGenerator ids, Clock clock, Sweeps sweeps, OutreachService outreach) {
    this.sweeps = sweeps;
    this.outreach = outreach;
    this.cases = cases;
    this.claims = claims;
    this.freezeRows = freezeRows;
    this.freezes = freezes;
    this.instructions = instructions;
    this.audit = audit;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * The first person asks to confirm the scam a case is about. Confirming labels the case's
   * reports, confirms its claims and freezes and sweeps the scammer's victims, so nothing of it
   * takes effect until a second person approves ({@link #approveConfirmation}): a person never
   * approves their own request, whatever their roles. The request and its note are recorded and
   * audited; a case takes one request at a time.
   */
  public CaseRows.CaseRow requestConfirmation(String caseId, String actor, String note) {
    return tx.execute(status -> {
      CaseRows.CaseRow c = openCase(caseId);
      if (c.confirmation() != null) {
        throw new ApiProblem(ProblemType.CONFLICT, "case " + caseId + " already waits for a"
            + " second person to approve the confirmation " + c.confirmation().by()
            + " asked for (POST /v1/cases/" + caseId + "/decision/approve)");
      }
      Instant now = clock.instant();
      cases.requestConfirmation(c, new CaseRows.ConfirmationRequest(actor, now, note));
      if (note != null) {
        cases.addNote(caseId, actor, note, now);
      }
      audit.record(actor, "case.confirmation_requested", "case", caseId, "OPEN", "OPEN",
          note == null ? "waiting for a second person" : note);
      return cases.find(caseId).orElseThrow();
    });
  }

  /**
   * A second person approves the confirmation someone else asked for, and the case is
   * confirmed: its reports labelled CONFIRMED, its pending claims and precautionary freezes
   * confirmed, and a sweep of the subject queued in the same transaction, so every account that
   * paid the scammer is found and the silent ones reached, even if the server stops right after.
   */
  public CaseRows.CaseRow approveConfirmation(String caseId, String actor) {
    return tx.execute(status -> {
      CaseRows.CaseRow c = openCase(caseId);
      CaseRows.ConfirmationRequest request = c.confirmation();
      if (request == null) {
        throw new ApiProblem(ProblemType.CONFLICT, "nobody has asked to confirm case " + caseId
            + "; confirming needs one person's request and a second person's approval");
      }
      if (request.by().equals(actor)) {
        throw new ApiProblem(ProblemType.SECOND_PERSON_REQUIRED, "the person who asked to"
            + " confirm case " + caseId + " cannot approve it; a second person must");
      }
      Instant now = clock.instant();
      cases.decide(c, "CONFIRMED", actor, now);
      int labelled = cases.labelReports(caseId, "CONFIRMED");
      int decidedClaims = claims.decidePending(caseId, "CONFIRMED", now);
      int confirmedFreezes = 0;
      for (Freeze f : freezeRows.ofCase(caseId)) {
        if (f instanceof Freeze.Active a && a.kind() == FreezeKind.PRECAUTIONARY) {
          freezes.apply(f.freezeId(), at -> new FreezeCommand.Confirm(actor, at,
              "case " + caseId + " confirmed"));
          confirmedFreezes++;
        }
      }
      sweeps.request(c.subjectKey(), Sweeps.Trigger.CASE_CONFIRMED, "case " + caseId, null,
          actor);
      audit.record(actor, "case.confirmed", "case", caseId, "OPEN", "CONFIRMED",
          "requested by " + request.by() + "; " + labelled + " reports labelled, "
              + decidedClaims + " claims decided, " + confirmedFreezes + " freezes confirmed");
      return cases.find(caseId).orElseThrow();
    });
  }

  /**
   * Rejects the scam a case is about, one analyst's call (it stops nothing that protects
   * anyone: lifting a freeze still takes two people): labels the reports REJECTED and rejects
   * the pending claims; a confirmation waiting for approval is settled with it.
   */
  public CaseRows.CaseRow reject(String caseId, String actor, String note) {
    return tx.execute(status -> {
      CaseRows.CaseRow c = openCase(caseId);
      Instant now = clock.instant();
      cases.decide(c, "REJECTED", actor, now);
      int labelled = cases.labelReports(caseId, "REJECTED");
      int decidedClaims = claims.decidePending(caseId, "REJECTED", now);
      if (note != null) {
        cases.addNote(caseId, actor, note, now);
      }
      audit.record(actor, "case.rejected", "case", caseId, "OPEN", "REJECTED",
          labelled + " reports labelled, " + decidedClaims + " claims decided"
              + (c.confirmation() == null ? "" : "; " + c.confirmation().by()
                  + "'s confirmation request set aside") + (note == null ? "" : "; " + note));
      return cases.find(caseId).orElseThrow();
    });
  }

  /** The case, locked; 404 when missing, 409 when already decided. */
  private CaseRows.CaseRow openCase(String caseId) {
    CaseRows.CaseRow c = cases.lock(caseId)
        .orElseThrow(() -> ApiProblem.notFound("case " + caseId));
    if (!c.open()) {
      throw new ApiProblem(ProblemType.CASE_ALREADY_DECIDED, "case " + caseId + " was already"
          + " decided: " + c.state().toLowerCase(java.util.Locale.ROOT));
    }
    return c;
  }

  /** The refunds one restitution round made. */
  public record Round(int round, List<Map<String, Object>> refunds) {}

  /** Repays confirmed claims from confirmed frozen funds, one round; returns what it paid. */
  public Round distribute(String caseId, String actor) {
    return tx.execute(status -> {
      CaseRows.CaseRow c = cases.lock(caseId)
          .orElseThrow(() -> ApiProblem.notFound("case " + caseId));
      if (!c.state().equals("CONFIRMED")) {
        throw new ApiProblem(ProblemType.CONFLICT, "restitution needs a confirmed case; case "
            + caseId + " is " + c.state().toLowerCase(java.util.Locale.ROOT));
      }
      Instant now = clock.instant();
      int round = cases.nextRound(c, now);
      List<ClaimRows.Claim> owed = claims.lockOwed(caseId);
      List<ClaimRows.Source> sources = claims.sources(caseId);
      List<Map<String, Object>> paid = new ArrayList<>();
      for (String currency : owed.stream().map(ClaimRows.Claim::currency).distinct().toList()) {
        List<ClaimRows.Claim> inCurrency =
            owed.stream().filter(k -> k.currency().equals(currency)).toList();
        List<ClaimRows.Source> from =
            sources.stream().filter(s -> s.currency().equals(currency)).toList();
        paid.addAll(payCurrency(caseId, round, inCurrency, from, actor, now));
      }
      // Silent victims who filed through outreach and are now repaid in full hear so.
      int closed = outreach.repaidInCase(caseId, actor);
      audit.record(actor, "case.restitution", "case", caseId, null, "round " + round,
          paid.size() + " refunds" + (closed == 0 ? "" : "; " + closed + " outreach repaid"));
      return new Round(round, paid);
    });
  }

  private List<Map<String, Object>> payCurrency(String caseId, int round,
      List<ClaimRows.Claim> owed, List<ClaimRows.Source> sources, String actor, Instant now) {
    long[] left = sources.stream().mapToLong(ClaimRows.Source::availableMinor).toArray();
    long available = 0;
    for (long l : left) {
      available = Math.addExact(available, l);
    }
    long[] shares = Restitution.proRata(available,
        owed.stream().mapToLong(ClaimRows.Claim::owedMinor).toArray());
    List<Map<String, Object>> paid = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < owed.size(); i++) {
      long need = shares[i];
      // Fill each share from the sources in order; the shares sum to at most what they hold.
      for (int guard = 0; need > 0 && guard <= sources.size(); guard++) {
        while (s < left.length && left[s] == 0) {
          s++;
        }
        Invariants.check(s < left.length, "shares exceed the frozen funds");
        long take = Math.min(need, left[s]);
        paid.add(refund(caseId, round, owed.get(i), sources.get(s), take, actor, now));
        left[s] -= take;
        need -= take;
      }
      Invariants.check(need == 0, "a share was not paid in full");
    }
    return paid;
  }

  private Map<String, Object> refund(String caseId, int round, ClaimRows.Claim claim,
      ClaimRows.Source source, long amountMinor, String actor, Instant now) {
    String refundId = ids.next("rfd");
    claims.insertRefund(refundId, caseId, claim.claimId(), source.freezeId(), round, amountMinor,
        claim.currency(), actor, now);
    claims.addPaid(claim.claimId(), amountMinor);
    instructions.insert(List.of(new Instruction(refundId + ":refund", Instruction.Kind.REFUND,
        null, null, claim.victimAccount(), "a:" + source.accountId(), amountMinor,
        claim.currency(), "restitution round " + round + " of case " + caseId, now)));
    audit.record(actor, "claim.refunded", "claim", claim.claimId(), null,
        amountMinor + " " + claim.currency(), "from freeze " + source.freezeId() + ", round "
            + round);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("refund_id", refundId);
    m.put("claim_id", claim.claimId());
    m.put("victim_account", claim.victimAccount());
    m.put("freeze_id", source.freezeId());
    m.put("amount_minor", amountMinor);
    m.put("currency", claim.currency());
    return m;
  }
}
