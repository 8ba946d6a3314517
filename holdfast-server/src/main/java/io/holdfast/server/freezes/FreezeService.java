package io.holdfast.server.freezes;

import io.holdfast.core.freeze.Freeze;
import io.holdfast.core.freeze.FreezeBasis;
import io.holdfast.core.freeze.FreezeCommand;
import io.holdfast.core.freeze.FreezeKind;
import io.holdfast.core.freeze.FreezeOutcome;
import io.holdfast.core.freeze.FreezeTerms;
import io.holdfast.core.freeze.FrozenSubjects;
import io.holdfast.core.hold.Hold;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.holds.HoldService;
import io.holdfast.server.instructions.Instruction;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Freezes and lifts accounts and addresses. A freeze commits in one transaction with its
 * effects: the FREEZE instruction to the platform, the return of every held transfer to the
 * subject, and the audit records. New transfers to the subject are blocked and its own held by
 * screening, through the in-memory {@link FrozenSubjects}, updated after commit.
 */
@Service
public class FreezeService {
  /** A new freeze: on what, for which case, why, and by whom. */
  public record NewFreeze(String caseId, String subjectKey, FreezeBasis basis, FreezeKind kind,
      String reason, String actor) {}

  private final FreezeRows rows;
  private final HoldService holds;
  private final Instructions instructions;
  private final AuditLog audit;
  private final FrozenSubjects frozen;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final Duration precautionary;

  public FreezeService(FreezeRows rows, HoldService holds, Instructions instructions,
      AuditLog audit, FrozenSubjects frozen, TransactionTemplate tx, IdGenerator ids, Clock clock,
      @Value("${holdfast.freezes.precautionary:PT72H}") Duration precautionary) {
    Invariants.check(precautionary.compareTo(Duration.ofMinutes(1)) >= 0,
        "a precautionary freeze lasts at least a minute");
    this.rows = rows;
    this.holds = holds;
    this.instructions = instructions;
    this.audit = audit;
    this.frozen = frozen;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
    this.precautionary = precautionary;
  }

  /** Whether the subject is under an active freeze, by the store. */
  public boolean isFrozen(String subjectKey) {
    return rows.activeOn(subjectKey).isPresent();
  }

  /** How long a precautionary freeze lasts unless confirmed. */
  public Duration precautionary() {
    return precautionary;
  }

  /**
   * Freezes a subject, in the caller's transaction when there is one. A subject already frozen
   * answers 409 with the active freeze's id.
   */
  public Freeze.Active freeze(NewFreeze request) {
    return tx.execute(status -> {
      rows.activeOn(request.subjectKey()).ifPresent(active -> {
        throw new ApiProblem(ProblemType.CONFLICT, request.subjectKey() + " is already frozen",
            Map.of("freeze_id", active.freezeId()));
      });
      Instant now = clock.instant();
      String accountId = request.subjectKey().startsWith("a:")
          ? request.subjectKey().substring(2) : null;
      FreezeTerms terms = new FreezeTerms(ids.next("frz"), request.caseId(),
          request.subjectKey(), accountId, request.basis(), request.reason(), now,
          request.actor());
      Freeze.Active freeze = new Freeze.Active(terms, request.kind(),
          request.kind() == FreezeKind.PRECAUTIONARY ? now.plus(precautionary) : null, null, null,
          1);
      rows.insert(freeze);
      if (terms.internal()) {
        instructions.insert(List.of(instruction(terms, Instruction.Kind.FREEZE, request.reason(),
            now)));
      }
      List<Hold> returned = holds.returnAllTo(request.subjectKey(), request.actor(),
          "recipient frozen: " + terms.freezeId());
      audit.record(request.actor(), "freeze.created", "freeze", terms.freezeId(), null,
          "ACTIVE " + request.kind() + " on " + request.subjectKey(), request.reason()
              + (returned.isEmpty() ? "" : "; returned " + returned.size() + " held transfers"));
      afterCommit(() -> frozen.add(request.subjectKey()));
      return freeze;
    });
  }

  /** Applies a command to a freeze under its row lock. */
  public Freeze apply(String freezeId, Function<Instant, FreezeCommand> command) {
    return tx.execute(status -> {
      Freeze freeze = rows.lock(freezeId)
          .orElseThrow(() -> ApiProblem.notFound("freeze " + freezeId));
      return change(freeze, command.apply(clock.instant()));
    });
  }

  /** Expires up to {@code limit} precautionary freezes nobody confirmed; returns how many. */
  public int expireDue(int limit) {
    Integer count = tx.execute(status -> {
      Instant now = clock.instant();
      List<Freeze> due = rows.lockExpired(now, limit);
      for (Freeze freeze : due) {
        change(freeze, new FreezeCommand.Expire("system", now));
      }
      return due.size();
    });
    return count == null ? 0 : count;
  }

  /** The platform reports how much it froze on the account, per currency (the latest total). */
  public void recordFunds(String freezeId, String currency, long amountMinor, String actor) {
    Invariants.check(amountMinor >= 0, "frozen funds cannot be negative");
    tx.executeWithoutResult(status -> {
      Freeze freeze = rows.lock(freezeId)
          .orElseThrow(() -> ApiProblem.notFound("freeze " + freezeId));
      if (!freeze.terms().internal()) {
        throw ApiProblem.invalidField("freeze_id", "funds can only be frozen on a platform"
            + " account, not on an external address");
      }
      rows.recordFunds(freezeId, currency, amountMinor, actor, clock.instant());
      audit.record(actor, "freeze.funds_reported", "freeze", freezeId, null,
          amountMinor + " " + currency, "frozen balance reported by the platform");
    });
  }

  private Freeze change(Freeze freeze, FreezeCommand command) {
    FreezeOutcome outcome = freeze.handle(command);
    if (outcome instanceof FreezeOutcome.Rejected rejected) {
      throw problem(rejected);
    }
    FreezeOutcome.Changed changed = (FreezeOutcome.Changed) outcome;
    Freeze next = changed.next();
    rows.update(next);
    if (!(next instanceof Freeze.Active)) {
      if (next.terms().internal()) {
        instructions.insert(List.of(instruction(next.terms(), Instruction.Kind.UNFREEZE,
            changed.action(), command.at())));
      }
      String key = next.terms().subjectKey();
      afterCommit(() -> frozen.remove(key));
    }
    audit.record(command.actor(), changed.action(), "freeze", next.freezeId(),
        FreezeViews.state(freeze), FreezeViews.state(next), describe(command));
    return next;
  }

  private static String describe(FreezeCommand command) {
    if (command instanceof FreezeCommand.Appeal a) {
      return a.grounds();
    }
    if (command instanceof FreezeCommand.RequestUnfreeze r) {
      return r.note();
    }
    if (command instanceof FreezeCommand.Confirm c) {
      return c.note();
    }
    return null;
  }

  static Instruction instruction(FreezeTerms t, Instruction.Kind kind, String reason,
      Instant at) {
    return new Instruction(t.freezeId() + ":" + kind.name().toLowerCase(Locale.ROOT), kind,
        null, null, t.accountId(), t.subjectKey(), 0, "ALL", reason, at);
  }

  private static ApiProblem problem(FreezeOutcome.Rejected rejected) {
    ProblemType type = switch (rejected.reason()) {
      case ALREADY_ENDED -> ProblemType.FREEZE_ENDED;
      case SAME_PERSON -> ProblemType.SECOND_PERSON_REQUIRED;
      case NOT_ALLOWED -> ProblemType.FREEZE_COMMAND_NOT_ALLOWED;
    };
    return new ApiProblem(type, rejected.explanation());
  }

  static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  /** Reconciles the in-memory frozen set with the store. */
  public int reconcile() {
    long generation = frozen.beginSnapshot();
    List<String> active = new ArrayList<>(rows.activeSubjects());
    frozen.reconcile(active, generation);
    return active.size();
  }
}
