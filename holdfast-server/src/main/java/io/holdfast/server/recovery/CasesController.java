package io.holdfast.server.recovery;

import io.holdfast.core.freeze.Freeze;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.CaseTimeline;
import io.holdfast.server.cases.CaseTimelines;
import io.holdfast.server.cases.ClaimRows;
import io.holdfast.server.freezes.FreezeRows;
import io.holdfast.server.freezes.FreezeViews;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases for analysts: one per suspected scammer, with its reports, freezes, claims, refunds and
 * notes. Analysts reject cases or ask to confirm them (a second person approves a
 * confirmation), take notes, and supervisors run restitution rounds.
 */
@RestController
@Tag(name = "Cases")
public class CasesController {
  private final CaseRows cases;
  private final ClaimRows claims;
  private final FreezeRows freezes;
  private final RecoveryService recovery;
  private final Idempotency idempotency;
  private final TransactionTemplate tx;
  private final io.holdfast.server.audit.AuditLog audit;
  private final Clock clock;
  private final RecoveryStats stats;
  private final CaseTimelines timelines;

  public CasesController(CaseRows cases, ClaimRows claims, FreezeRows freezes,
      RecoveryService recovery, Idempotency idempotency, TransactionTemplate tx,
      io.holdfast.server.audit.AuditLog audit, Clock clock, RecoveryStats stats,
      CaseTimelines timelines) {
    this.stats = stats;
    this.timelines = timelines;
    this.cases = cases;
    this.claims = claims;
    this.freezes = freezes;
    this.recovery = recovery;
    this.idempotency = idempotency;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /** An analyst's decision: confirm or reject, with an optional note. */
  public record DecisionBody(String decision, String note) {}

  /** A note, or the analyst a case is assigned to. */
  public record NoteBody(String note) {}

  public record AssignBody(String analyst) {}

  @Operation(summary = "Cases by state (default: open), newest first")
  @GetMapping(path = "/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> list(@RequestParam(defaultValue = "open") String state,
      @RequestParam(defaultValue = "100") int limit) {
    if (!List.of("open", "confirmed", "rejected").contains(state)) {
      throw ApiProblem.invalidField("state", "state is open, confirmed or rejected");
    }
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.invalidField("limit", "limit is 1 to 1000");
    }
    List<Map<String, Object>> page = new ArrayList<>();
    for (CaseRows.CaseRow c : cases.byState(state.toUpperCase(java.util.Locale.ROOT), limit)) {
      page.add(summary(c));
    }
    return Map.of("cases", page);
  }

  @Operation(summary = "A case with its reports, freezes, claims (with their clocks), refunds and"
      + " notes")
  @GetMapping(path = "/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String caseId) {
    Ids.path("case_id", caseId);
    CaseRows.CaseRow c = cases.find(caseId)
        .orElseThrow(() -> ApiProblem.notFound("case " + caseId));
    Map<String, Object> v = summary(c);
    v.put("reports", cases.reports(caseId));
    List<Map<String, Object>> frozen = new ArrayList<>();
    for (Freeze f : freezes.ofCase(caseId)) {
      frozen.add(FreezeViews.view(f, freezes.funds(f.freezeId())));
    }
    v.put("freezes", frozen);
    v.put("claims", claims.ofCase(caseId));
    v.put("refunds", claims.refunds(caseId));
    v.put("notes", cases.notes(caseId));
    return v;
  }

  @Operation(summary = "A case's timeline: its reports, freezes (appeals, ends), claims, notes,"
      + " refunds, sweeps, outreach, law-enforcement requests and decisions, oldest first; the"
      + " latest " + CaseTimelines.EVENTS_MAX + " events, with every kind counted in full")
  @GetMapping(path = "/v1/cases/{caseId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseTimeline timeline(@PathVariable String caseId) {
    Ids.path("case_id", caseId);
    CaseRows.CaseRow c = cases.find(caseId)
        .orElseThrow(() -> ApiProblem.notFound("case " + caseId));
    return timelines.of(c);
  }

  @Operation(summary = "An analyst rejects the scam, or asks to confirm it (a second person"
      + " approves the confirmation before it takes effect)")
  @PostMapping(path = "/v1/cases/{caseId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> decide(@PathVariable String caseId,
      @RequestBody DecisionBody body, HttpServletRequest request) {
    Ids.path("case_id", caseId);
    String decision = body == null ? null : body.decision();
    if (!"confirm".equals(decision) && !"reject".equals(decision)) {
      throw ApiProblem.invalidField("decision", "decision is confirm or reject");
    }
    String note = note(body.note(), false);
    return idempotency.execute(request, () -> {
      if (decision.equals("confirm")) {
        recovery.requestConfirmation(caseId, Actor.current(), note);
      } else {
        recovery.reject(caseId, Actor.current(), note);
      }
      return new Idempotency.Result(HttpStatus.OK, get(caseId));
    });
  }

  @Operation(summary = "A second person approves the confirmation someone else asked for; the"
      + " case is confirmed")
  @PostMapping(path = "/v1/cases/{caseId}/decision/approve",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> approveConfirmation(@PathVariable String caseId,
      HttpServletRequest request) {
    Ids.path("case_id", caseId);
    return idempotency.execute(request, () -> {
      recovery.approveConfirmation(caseId, Actor.current());
      return new Idempotency.Result(HttpStatus.OK, get(caseId));
    });
  }

  @Operation(summary = "Repay confirmed victims from confirmed frozen funds, pro rata")
  @PostMapping(path = "/v1/cases/{caseId}/restitution",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> restitution(@PathVariable String caseId,
      HttpServletRequest request) {
    Ids.path("case_id", caseId);
    return idempotency.execute(request, () -> {
      RecoveryService.Round round = recovery.distribute(caseId, Actor.current());
      return new Idempotency.Result(HttpStatus.OK, Map.of("round", round.round(),
          "refunds", round.refunds()));
    });
  }

  @Operation(summary = "An analyst adds a note to a case")
  @PostMapping(path = "/v1/cases/{caseId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> addNote(@PathVariable String caseId, @RequestBody NoteBody body,
      HttpServletRequest request) {
    Ids.path("case_id", caseId);
    String note = note(body == null ? null : body.note(), true);
    return idempotency.execute(request, () -> tx.execute(status -> {
      cases.lock(caseId).orElseThrow(() -> ApiProblem.notFound("case " + caseId));
      cases.addNote(caseId, Actor.current(), note, clock.instant());
      audit.record(Actor.current(), "case.noted", "case", caseId, null, null, note);
      return new Idempotency.Result(HttpStatus.CREATED, Map.of("notes", cases.notes(caseId)));
    }));
  }

  @Operation(summary = "Assign a case to an analyst")
  @PostMapping(path = "/v1/cases/{caseId}/assign", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> assign(@PathVariable String caseId, @RequestBody AssignBody body,
      HttpServletRequest request) {
    Ids.path("case_id", caseId);
    String analyst = Ids.require("analyst", body == null ? null : body.analyst());
    return idempotency.execute(request, () -> tx.execute(status -> {
      CaseRows.CaseRow c = cases.lock(caseId)
          .orElseThrow(() -> ApiProblem.notFound("case " + caseId));
      cases.assign(c, analyst, clock.instant());
      audit.record(Actor.current(), "case.assigned", "case", caseId, c.assignedTo(), analyst,
          null);
      return new Idempotency.Result(HttpStatus.OK, get(caseId));
    }));
  }

  @Operation(summary = "Rapid recovery's numbers: verdicts, time to freeze, frozen, repaid,"
      + " appeals")
  @GetMapping(path = "/v1/stats/recovery", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> stats(@RequestParam(required = false) String since) {
    return stats.since(since == null ? Timestamps.EARLIEST : Timestamps.parse("since", since));
  }

  private static Map<String, Object> summary(CaseRows.CaseRow c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("case_id", c.caseId());
    v.put("subject", c.subjectKey());
    v.put("state", c.state().toLowerCase(java.util.Locale.ROOT));
    v.put("scam_type", c.scamType());
    v.put("assigned_to", c.assignedTo());
    v.put("decided_by", c.decidedBy());
    v.put("decided_at", c.decidedAt() == null ? null : c.decidedAt().toString());
    if (c.confirmation() != null) {
      v.put("confirmation_requested_by", c.confirmation().by());
      v.put("confirmation_requested_at", c.confirmation().at().toString());
    }
    v.put("restitution_rounds", c.restitutionRound());
    v.put("created_at", c.createdAt().toString());
    return v;
  }

  private static String note(String text, boolean required) {
    return io.holdfast.server.web.Notes.check("note", text, required, 4000);
  }
}
