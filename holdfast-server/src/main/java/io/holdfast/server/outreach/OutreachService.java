package io.holdfast.server.outreach;

import io.holdfast.core.outreach.Outreach;
import io.holdfast.core.outreach.OutreachCommand;
import io.holdfast.core.outreach.OutreachOutcome;
import io.holdfast.core.outreach.OutreachPolicy;
import io.holdfast.core.outreach.OutreachStep;
import io.holdfast.core.outreach.OutreachTerms;
import io.holdfast.core.outreach.ReplyIntent;
import io.holdfast.core.recovery.ReimbursementPolicy;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.ClaimRows;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outreach conversations with victims who never reported. Every change happens under the
 * conversation's row lock, in one transaction with its messages (the outbox), the effect on the
 * victim's claims and the audit record. Confirming the loss is what makes a silent victim's
 * claim count: it stops waiting, its five-business-day clock starts, and in a confirmed case it
 * is confirmed at once, so restitution pays it like a reporter's.
 */
@Service
public class OutreachService {
  /** One victim to open a conversation with: what they lost, per currency, and when. */
  public record NewVictim(String victimAccount, String scamType, String language,
      Map<String, Long> lossMinor, Instant firstPaidAt, Instant lastPaidAt) {}

  private final OutreachRows rows;
  private final OutreachMessages messages;
  private final ClaimRows claims;
  private final CaseRows cases;
  private final ReimbursementPolicy reimbursement;
  private final OutreachPolicy policy;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final Clock clock;

  public OutreachService(OutreachRows rows, OutreachMessages messages, ClaimRows claims,
      CaseRows cases, ReimbursementPolicy reimbursement, OutreachPolicy policy, AuditLog audit,
      TransactionTemplate tx, IdGenerator ids, Clock clock) {
    this.rows = rows;
    this.messages = messages;
    this.claims = claims;
    this.cases = cases;
    this.reimbursement = reimbursement;
    this.policy = policy;
    this.audit = audit;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
  }

  /** The same service reading another clock: tests move time with it instead of sleeping. */
  public OutreachService withClock(Clock other) {
    return new OutreachService(rows, messages, claims, cases, reimbursement, policy, audit, tx,
        ids, other);
  }

  public OutreachPolicy policy() {
    return policy;
  }

  /**
   * Opens a conversation with each victim, in the caller's transaction, and writes the first
   * message of each; returns the new ids in the victims' order.
   */
  public List<String> openAll(String caseId, String scammerId, List<NewVictim> victims,
      String actor) {
    Invariants.check(TransactionSynchronizationManager.isActualTransactionActive(),
        "outreach opens inside the sweep's transaction");
    Instant now = clock.instant();
    String frozen = messages.frozen(caseId);
    Instant decideBy = reimbursement.decideBy(now);
    List<Outreach> opened = new ArrayList<>(victims.size());
    List<OutreachMessages.Outgoing> outgoing = new ArrayList<>(victims.size());
    List<AuditLog.Entry> entries = new ArrayList<>(victims.size());
    for (NewVictim v : victims) {
      OutreachTerms terms = new OutreachTerms(ids.next("out"), caseId, v.victimAccount(),
          v.scamType(), v.language(), now);
      OutreachOutcome.Changed c = policy.open(terms);
      opened.add(c.next());
      OutreachMessages.Context context = new OutreachMessages.Context(
          messages.loss(v.lossMinor()), v.firstPaidAt(), v.lastPaidAt(), frozen, decideBy);
      for (OutreachStep step : c.send()) {
        outgoing.add(new OutreachMessages.Outgoing(terms, c.next().version(), step, context));
      }
      entries.add(new AuditLog.Entry(actor, c.action(), "outreach", terms.outreachId(), null,
          c.next().stateName(), "silent victim of scammer " + scammerId + " in case " + caseId));
    }
    if (!opened.isEmpty()) {
      rows.insertAll(opened, scammerId, now);
      messages.send(outgoing, now);
      audit.recordAll(entries);
    }
    return opened.stream().map(o -> o.terms().outreachId()).toList();
  }

  /**
   * Applies a command under the row lock. {@code victimAccount}, when given, must be the
   * conversation's victim; anyone else gets the same 404 as for one that does not exist.
   */
  public Outreach apply(String outreachId, String victimAccount,
      Function<Instant, OutreachCommand> command, String actor, String note) {
    return tx.execute(status -> {
      OutreachRows.Stored stored = locked(outreachId, victimAccount);
      return change(stored, command.apply(clock.instant()), actor, note, true);
    });
  }

  /** A victim's reply: stored, then applied to the conversation. */
  public Outreach reply(String outreachId, String victimAccount, ReplyIntent intent,
      String body, String actor) {
    return tx.execute(status -> {
      OutreachRows.Stored stored = locked(outreachId, victimAccount);
      Instant now = clock.instant();
      rows.insertReply(ids.next("rpl"), outreachId, intent.name(), body, now, actor);
      return change(stored, new OutreachCommand.Reply(now, intent), actor,
          intent == ReplyIntent.MESSAGE ? null : intent.name().toLowerCase(java.util.Locale.ROOT),
          true);
    });
  }

  /** The platform showed the victim a message: the first time, the conversation moves on. */
  public Outreach shown(String outreachId, String victimAccount, String messageId,
      String channel, String actor) {
    return tx.execute(status -> {
      OutreachRows.Stored stored = locked(outreachId, victimAccount);
      if (!messages.exists(outreachId, messageId)) {
        throw ApiProblem.notFound("message " + messageId);
      }
      Instant now = clock.instant();
      if (!messages.markShown(outreachId, messageId, channel, now)) {
        return stored.outreach();
      }
      return change(stored, new OutreachCommand.Shown(now), actor, "shown " + messageId, false);
    });
  }

  /** Sends the reminders that fell due, up to {@code limit}; returns how many were handled. */
  public int remindDue(int limit) {
    Integer n = tx.execute(status -> {
      Instant now = clock.instant();
      List<OutreachRows.Stored> due = rows.lockDue(now, limit);
      for (OutreachRows.Stored s : due) {
        change(s, new OutreachCommand.Remind(now), "sweeper", null, false);
      }
      return due.size();
    });
    return n == null ? 0 : n;
  }

  /**
   * In the caller's transaction (a restitution round): filed claims of the case that are now
   * repaid in full close their conversations with a last message. Returns how many.
   */
  public int repaidInCase(String caseId, String actor) {
    Invariants.check(TransactionSynchronizationManager.isActualTransactionActive(),
        "repayment is recorded in the restitution's transaction");
    Instant now = clock.instant();
    List<OutreachRows.Stored> repaid = rows.lockRepaid(caseId, 100_000);
    for (OutreachRows.Stored s : repaid) {
      change(s, new OutreachCommand.Repay(now), actor, "claims repaid in full", false);
    }
    return repaid.size();
  }

  private OutreachRows.Stored locked(String outreachId, String victimAccount) {
    return rows.lock(outreachId)
        .filter(s -> victimAccount == null
            || s.outreach().terms().victimAccount().equals(victimAccount))
        .orElseThrow(() -> ApiProblem.notFound("outreach " + outreachId));
  }

  private Outreach change(OutreachRows.Stored stored, OutreachCommand command, String actor,
      String note, boolean refuseLoudly) {
    Outreach before = stored.outreach();
    OutreachOutcome outcome = before.handle(command, policy);
    if (outcome instanceof OutreachOutcome.Rejected r) {
      if (!refuseLoudly) {
        return before;
      }
      throw new ApiProblem(r.reason() == OutreachOutcome.Reason.CLOSED
          ? ProblemType.OUTREACH_CLOSED : ProblemType.OUTREACH_COMMAND_NOT_ALLOWED,
          r.explanation());
    }
    OutreachOutcome.Changed changed = (OutreachOutcome.Changed) outcome;
    Outreach next = changed.next();
    rows.update(next, command.at());
    claimEffects(before, next, command.at());
    if (!changed.send().isEmpty()) {
      OutreachMessages.Context context = messages.context(stored.scammerId(), next.terms());
      List<OutreachMessages.Outgoing> outgoing = new ArrayList<>();
      for (OutreachStep step : changed.send()) {
        outgoing.add(new OutreachMessages.Outgoing(next.terms(), next.version(), step, context));
      }
      messages.send(outgoing, command.at());
    }
    audit.record(actor, changed.action(), "outreach", next.terms().outreachId(),
        before.stateName(), next.stateName(), note);
    return next;
  }

  private void claimEffects(Outreach before, Outreach next, Instant at) {
    OutreachTerms t = next.terms();
    if (next instanceof Outreach.ClaimFiled && !(before instanceof Outreach.ClaimFiled)) {
      boolean confirmed = cases.find(t.caseId()).map(c -> c.state().equals("CONFIRMED"))
          .orElse(false);
      claims.confirmByVictim(t.caseId(), t.victimAccount(), confirmed,
          reimbursement.decideBy(at), at);
    } else if (next instanceof Outreach.Declined) {
      claims.withdrawByVictim(t.caseId(), t.victimAccount(), at);
    }
  }
}
