package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.HoldEvent;
import io.holdfast.core.hold.HoldOutcome;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.hold.HoldRejection;
import io.holdfast.core.ladder.Deescalation;
import io.holdfast.core.ladder.LadderPolicy;
import io.holdfast.core.ladder.Questionnaire;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.instructions.Instruction;
import io.holdfast.server.instructions.Instructions;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies commands to holds: lock the row, let the hold's own type decide, write the new state
 * (conditional on the version), its money instruction and its audit record in the same
 * transaction. The sweeper uses the same path for due holds, in batches, the re-check for held
 * holds whose checks fell due during their window, and the sender's answers for escalating or
 * shortening a hold.
 */
@Service
public class HoldService {
  private final HoldRows rows;
  private final Instructions instructions;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final HoldPolicy policy;
  private final LadderPolicy ladder;
  private final LadderMessages messages;
  private final HoldAnswers answersStore;
  private final HoldInvestigation investigation;
  private final Deescalation deescalation;
  private final Clock clock;

  public HoldService(HoldRows rows, Instructions instructions, AuditLog audit,
      TransactionTemplate tx, HoldPolicy policy, LadderPolicy ladder, LadderMessages messages,
      HoldAnswers answersStore, HoldInvestigation investigation, Deescalation deescalation,
      Clock clock) {
    this.investigation = investigation;
    this.deescalation = deescalation;
    this.ladder = ladder;
    this.messages = messages;
    this.answersStore = answersStore;
    this.rows = rows;
    this.instructions = instructions;
    this.audit = audit;
    this.tx = tx;
    this.policy = policy;
    this.clock = clock;
  }

  /** The same service reading another clock: tests move time with it instead of sleeping. */
  public HoldService withClock(Clock other) {
    return new HoldService(rows, instructions, audit, tx, policy, ladder, messages, answersStore,
        investigation, deescalation, other);
  }

  /**
   * Applies one command. {@code senderAccount}, when given, must be the hold's sender; any other
   * caller gets the same 404 as for a hold that does not exist.
   */
  public Hold apply(String holdId, String senderAccount, Function<Instant, HoldCommand> command) {
    return tx.execute(status -> {
      Hold hold = rows.lock(holdId)
          .filter(h -> senderAccount == null || h.terms().senderAccount().equals(senderAccount))
          .orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
      HoldOutcome outcome = hold.handle(command.apply(clock.instant()));
      if (outcome instanceof HoldOutcome.Rejected rejected) {
        throw problem(rejected.rejection());
      }
      HoldOutcome.Changed changed = (HoldOutcome.Changed) outcome;
      write(List.of(hold), List.of(changed));
      return changed.next();
    });
  }

  /** Resolves up to {@code limit} due holds in one transaction; returns how many. */
  public int sweepDue(int limit, String actor) {
    Integer count = tx.execute(status -> {
      Instant now = clock.instant();
      List<Hold> due = rows.lockDue(now, limit);
      Map<String, String> findings = investigation.findings(due);
      List<HoldOutcome.Changed> changes = new ArrayList<>(due.size());
      List<Hold> before = new ArrayList<>(due.size());
      for (Hold hold : due) {
        HoldOutcome outcome = hold.handle(new HoldCommand.Deadline(actor, now,
            findings.containsKey(hold.holdId()), policy.extendBy()));
        if (outcome instanceof HoldOutcome.Changed changed) {
          before.add(hold);
          changes.add(changed);
        }
      }
      write(before, changes, findings);
      return changes.size();
    });
    return count == null ? 0 : count;
  }

  /** What one re-check batch did: the holds re-checked, and how many of them it escalated. */
  public record Rechecked(int checked, int escalated) {}

  /**
   * Re-runs the investigation's checks on up to {@code limit} held holds whose re-check fell
   * due, in one transaction, so a finding that appears during the window is acted on then
   * rather than at the deadline. A hold with a finding is escalated as a report or an answer
   * matching a scam script escalates it: to investigation, extended within the legal limit,
   * audited as {@code hold.escalated} with the finding. A hold without one is re-checked again
   * an interval later, or not before its deadline when that comes first (the deadline's sweep
   * runs the same checks). A re-check run twice finds nothing due the second time.
   */
  public Rechecked recheckDue(int limit, String actor) {
    Rechecked done = tx.execute(status -> {
      Instant now = clock.instant();
      List<HoldRows.RecheckDue> due = rows.lockRecheckDue(now, limit);
      Map<String, String> findings =
          investigation.findings(due.stream().<Hold>map(HoldRows.RecheckDue::hold).toList());
      List<Hold> before = new ArrayList<>();
      List<HoldOutcome.Changed> changes = new ArrayList<>();
      List<HoldRows.Rescheduled> later = new ArrayList<>(due.size());
      for (HoldRows.RecheckDue d : due) {
        Hold.Held held = d.hold();
        Invariants.check(!d.due().isAfter(now), "hold %s re-checked before it was due",
            held.holdId());
        String finding = findings.get(held.holdId());
        if (finding == null) {
          later.add(new HoldRows.Rescheduled(held,
              policy.nextRecheck(held, d.due(), now).orElse(null)));
          continue;
        }
        HoldOutcome outcome = held.handle(new HoldCommand.Escalate(actor, now, finding,
            now.plus(policy.extendBy())));
        Invariants.check(outcome instanceof HoldOutcome.Changed c
            && c.next() instanceof Hold.UnderInvestigation u
            && !u.releaseAt().isBefore(held.releaseAt()),
            "hold %s: a finding moves a held hold to investigation, never shortened: %s",
            held.holdId(), outcome);
        before.add(held);
        changes.add((HoldOutcome.Changed) outcome);
      }
      rows.reschedule(later);
      write(before, changes);
      return new Rechecked(due.size(), changes.size());
    });
    return done == null ? new Rechecked(0, 0) : done;
  }

  /** Runs the ladder steps that fell due on up to {@code limit} holds; returns how many. */
  public int runLadder(int limit) {
    Integer count = tx.execute(status -> {
      Instant now = clock.instant();
      List<Hold> due = rows.lockLadderDue(now, limit);
      List<Hold> before = new ArrayList<>(due.size());
      List<HoldOutcome.Changed> changes = new ArrayList<>(due.size());
      for (Hold hold : due) {
        var t = hold.terms();
        Instant releaseAt = HoldStates.releaseAt(hold);
        int step = HoldStates.ladderStep(hold);
        LadderPolicy.Due steps = ladder.due(step, t.createdAt(), releaseAt, now, t.tier(),
            t.senderVulnerable());
        messages.run(hold, releaseAt, steps.indexes(), now);
        HoldOutcome outcome = hold.handle(
            new HoldCommand.AdvanceLadder("ladder", now, steps.nextIndex()));
        if (outcome instanceof HoldOutcome.Changed changed) {
          before.add(hold);
          changes.add(changed);
        }
      }
      write(before, changes);
      return changes.size();
    });
    return count == null ? 0 : count;
  }

  /** A bound on the holds one freeze returns in its transaction. */
  public static final int RETURN_ON_FREEZE_MAX = 10_000;

  /**
   * Returns every active hold of a transfer to {@code recipientKey} to its sender, in the
   * caller's transaction: a freeze turns the recipient's held inbound money back at once.
   * Returns the holds returned.
   */
  public List<Hold> returnAllTo(String recipientKey, String actor, String note) {
    return tx.execute(status -> {
      Instant now = clock.instant();
      List<Hold> active = rows.lockActiveTo(recipientKey, RETURN_ON_FREEZE_MAX);
      List<HoldOutcome.Changed> changes = new ArrayList<>(active.size());
      for (Hold hold : active) {
        HoldOutcome outcome = hold.handle(new HoldCommand.ReturnToSender(actor, now,
            io.holdfast.core.hold.Resolution.RETURNED_AS_SCAM, note));
        changes.add((HoldOutcome.Changed) outcome);
      }
      write(active, changes);
      return changes.stream().map(HoldOutcome.Changed::next).toList();
    });
  }

  /**
   * Moves the hold of {@code transferId}, if it is still active, to investigation and extends it
   * by the policy's extension, in the caller's transaction; empty when there is none to move.
   */
  public java.util.Optional<Hold> investigate(String transferId, String actor, String finding) {
    return tx.execute(status -> {
      Instant now = clock.instant();
      java.util.Optional<Hold> found = rows.lockByTransfer(transferId);
      if (found.isEmpty() || HoldStates.releaseAt(found.get()) == null) {
        return java.util.Optional.<Hold>empty();
      }
      Hold hold = found.get();
      HoldOutcome outcome = hold.handle(new HoldCommand.Escalate(actor, now, finding,
          now.plus(policy.extendBy())));
      HoldOutcome.Changed changed = (HoldOutcome.Changed) outcome;
      write(List.of(hold), List.of(changed));
      return java.util.Optional.of(changed.next());
    });
  }

  /**
   * What the sender's answers did: the hold after them, the scam scripts they matched, whether
   * they shortened the hold, and when they did not, the first reason why.
   */
  public record Answered(Hold hold, List<String> matchedScripts, boolean shortened,
      String notShortenedBecause) {}

  /**
   * Records the sender's answers (once per question). An answer matching a scam script
   * escalates the hold to investigation and extends it; every question answered "no" may
   * shorten it to the policy's floor ({@link Deescalation}). The answer's audit record says
   * which, or why the hold was not shortened.
   */
  public Answered answer(String holdId, String senderAccount, Map<String, Boolean> answers) {
    return tx.execute(status -> {
      Hold hold = rows.lock(holdId)
          .filter(h -> h.terms().senderAccount().equals(senderAccount))
          .orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
      Instant now = clock.instant();
      if (HoldStates.releaseAt(hold) == null) {
        throw problem(new HoldRejection.AlreadyResolved(holdId, HoldStates.resolution(hold)));
      }
      String by = "user:" + senderAccount;
      answersStore.insert(holdId, answers, by, now);
      List<String> matched = Questionnaire.matchedScripts(answers);
      // Earlier answers count too: a sender may answer the questions over several requests.
      Deescalation.Verdict verdict = deescalation.decide(new Deescalation.Candidate(hold,
          answersStore.given(holdId), recipientFinding(hold), now));
      Invariants.check(matched.isEmpty() || verdict instanceof Deescalation.Verdict.Keep,
          "hold %s: answers that match a scam script never shorten it", holdId);
      audit.record(by, "hold.answered", "hold", holdId, null, answers.toString(),
          answeredReason(matched, verdict));
      if (!matched.isEmpty()) {
        return new Answered(escalate(hold, matched, now), matched, false,
            ((Deescalation.Verdict.Keep) verdict).first());
      }
      if (verdict instanceof Deescalation.Verdict.Shorten shorten) {
        return new Answered(shorten(hold, shorten, now), matched, true, null);
      }
      return new Answered(hold, matched, false, ((Deescalation.Verdict.Keep) verdict).first());
    });
  }

  /** The investigation's open finding about a held hold's recipient, checked now. */
  private Optional<String> recipientFinding(Hold hold) {
    if (!(hold instanceof Hold.Held)) {
      return Optional.empty();
    }
    return Optional.ofNullable(investigation.findings(List.of(hold)).get(hold.holdId()));
  }

  private Hold escalate(Hold hold, List<String> matched, Instant now) {
    HoldOutcome outcome = hold.handle(new HoldCommand.Escalate("questionnaire", now,
        "answers matched a scam script: " + String.join("; ", matched),
        now.plus(policy.extendBy())));
    HoldOutcome.Changed changed = (HoldOutcome.Changed) outcome;
    write(List.of(hold), List.of(changed));
    return changed.next();
  }

  private Hold shorten(Hold hold, Deescalation.Verdict.Shorten shorten, Instant now) {
    Instant before = HoldStates.releaseAt(hold);
    HoldOutcome outcome = hold.handle(new HoldCommand.Shorten("questionnaire", now,
        shorten.releaseAt(), shorten.why()));
    Invariants.check(outcome instanceof HoldOutcome.Changed,
        "hold %s: the hold refused a shortening the rules allowed: %s", hold.holdId(), outcome);
    HoldOutcome.Changed changed = (HoldOutcome.Changed) outcome;
    Instant after = HoldStates.releaseAt(changed.next());
    Invariants.check(after.isBefore(before) && after.isAfter(now),
        "hold %s: a shortened deadline is earlier than before and still ahead", hold.holdId());
    write(List.of(hold), List.of(changed));
    return changed.next();
  }

  private static String answeredReason(List<String> matched, Deescalation.Verdict verdict) {
    if (!matched.isEmpty()) {
      return "matched: " + String.join("; ", matched);
    }
    if (verdict instanceof Deescalation.Verdict.Shorten shorten) {
      return "no scam script matched; de-escalated: shortened to " + shorten.releaseAt();
    }
    return "no scam script matched; not shortened: "
        + ((Deescalation.Verdict.Keep) verdict).first();
  }

  private void write(List<Hold> before, List<HoldOutcome.Changed> changes) {
    write(before, changes, Map.of());
  }

  /**
   * Writes the changes, their instructions and audit records; {@code findings} (by hold id) are
   * the deadline's open findings, recorded as the reason a hold was extended or returned.
   */
  private void write(List<Hold> before, List<HoldOutcome.Changed> changes,
      Map<String, String> findings) {
    List<Hold> next = new ArrayList<>(changes.size());
    List<Instruction> money = new ArrayList<>();
    List<AuditLog.Entry> entries = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      HoldOutcome.Changed c = changes.get(i);
      next.add(c.next());
      HoldInstructions.forEvent(c.next(), c.event()).ifPresent(money::add);
      entries.add(new AuditLog.Entry(actorOf(c.next(), c.event()), action(c.event()), "hold",
          c.next().holdId(), HoldStates.name(before.get(i)), HoldStates.name(c.next()),
          fit(withFinding(describe(c.event()), findings.get(c.next().holdId())))));
    }
    Instant now = clock.instant();
    rows.update(next, this::ladderNextAt,
        hold -> policy.recheckAfter(hold, now).orElse(null));
    instructions.insert(money);
    audit.recordAll(entries);
  }

  /** When the hold's next ladder step falls due, from the policy; null when none is left. */
  Instant ladderNextAt(Hold hold) {
    Instant releaseAt = HoldStates.releaseAt(hold);
    if (releaseAt == null) {
      return null;
    }
    int step = HoldStates.ladderStep(hold);
    if (step >= ladder.steps().size()) {
      return null;
    }
    Instant at = hold.terms().createdAt().plus(ladder.steps().get(step).offset());
    return at.isBefore(releaseAt) ? at : null;
  }

  private static String actorOf(Hold next, HoldEvent event) {
    if (next instanceof Hold.Released r) {
      return r.resolvedBy();
    }
    if (next instanceof Hold.Returned r) {
      return r.resolvedBy();
    }
    return "system";
  }

  static String action(HoldEvent event) {
    if (event instanceof HoldEvent.Released) {
      return "hold.released";
    }
    if (event instanceof HoldEvent.Returned) {
      return "hold.returned";
    }
    if (event instanceof HoldEvent.LadderAdvanced) {
      return "hold.ladder_advanced";
    }
    if (event instanceof HoldEvent.Shortened) {
      return "hold.shortened";
    }
    return event instanceof HoldEvent.Escalated ? "hold.escalated" : "hold.extended";
  }

  private static String withFinding(String description, String finding) {
    return finding == null ? description : description + "; finding: " + finding;
  }

  /**
   * The audit row's reason: what happened and, when a person acted, the reason they gave (an
   * analyst's release, return or extension asks for one; it was once dropped here).
   */
  private static String describe(HoldEvent event) {
    if (event instanceof HoldEvent.Released r) {
      return withNote(r.resolution().wire(), r.note());
    }
    if (event instanceof HoldEvent.Returned r) {
      return withNote(r.resolution().wire(), r.note());
    }
    if (event instanceof HoldEvent.Escalated e) {
      return e.finding() + "; release_at " + e.releaseAt();
    }
    if (event instanceof HoldEvent.LadderAdvanced l) {
      return "next ladder step " + l.nextStep();
    }
    if (event instanceof HoldEvent.Shortened s) {
      return s.why() + "; release_at " + s.releaseAt();
    }
    HoldEvent.Extended x = (HoldEvent.Extended) event;
    return withNote("release_at " + x.releaseAt(), x.why());
  }

  /** The audit log keeps at most 1,000 characters of a reason. */
  private static String fit(String reason) {
    return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
  }

  private static String withNote(String what, String note) {
    return note == null || note.isBlank() ? what : what + ": " + note;
  }

  private static ApiProblem problem(HoldRejection rejection) {
    if (rejection instanceof HoldRejection.AlreadyResolved resolved) {
      return new ApiProblem(ProblemType.HOLD_ALREADY_RESOLVED, rejection.explanation(),
          Map.of("resolution", resolved.resolution().wire()));
    }
    return new ApiProblem(ProblemType.HOLD_COMMAND_NOT_ALLOWED, rejection.explanation());
  }
}
