package io.holdfast.server.rules;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule changes by people: an analyst proposes a draft, a second person (a supervisor) publishes
 * it. {@code POST/PUT /v1/rules} stay for platform automation holding the {@code rules} scope.
 */
@RestController
@Tag(name = "Rules")
public class RuleDraftsController {
  private final RuleDrafts drafts;
  private final RuleBacktests backtests;
  private final Idempotency idempotency;

  public RuleDraftsController(RuleDrafts drafts, RuleBacktests backtests,
      Idempotency idempotency) {
    this.drafts = drafts;
    this.backtests = backtests;
    this.idempotency = idempotency;
  }

  @Operation(summary = "Propose a new rule or a new version of a live rule",
      description = "An analyst proposes; a different person must publish it. The rule is"
          + " checked as POST /v1/rules checks it (400 invalid-rule, 422 rule-too-costly, each"
          + " with field expression). A name no rule has proposes a new rule; a live rule's"
          + " name proposes its next version, against the version live now.")
  @PostMapping(path = "/v1/rules/drafts", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> propose(@RequestBody RuleDraftBody body,
      HttpServletRequest request) {
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.CREATED,
        drafts.propose(body, Actor.current())));
  }

  @Operation(summary = "Drafts, newest first",
      description = "Of one state (proposed, published, withdrawn) or of all; at most 200.")
  @GetMapping(path = "/v1/rules/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
  public RuleDraftList list(@RequestParam(required = false) String state,
      @RequestParam(defaultValue = "50") int limit) {
    return drafts.newest(state, limit);
  }

  @Operation(summary = "One draft, with the live rule of its name as it is now")
  @GetMapping(path = "/v1/rules/drafts/{draftId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public RuleDraftView get(@PathVariable String draftId) {
    return find(draftId);
  }

  @Operation(summary = "Replay the most recent stored screenings through the draft",
      description = "At most holdfast.rules.backtest-rows (20,000) screenings, newest first,"
          + " for at most holdfast.rules.backtest-millis (3 s): how many the draft's rule"
          + " matches, the outcome the rules would give each, and which outcomes it would"
          + " change. Only the rules' part of a decision is replayed (not intel lists, freezes"
          + " or the risk model). For a live rule in shadow, its recorded shadow hits over the"
          + " last 7 days.")
  @GetMapping(path = "/v1/rules/drafts/{draftId}/backtest",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public RuleBacktest backtest(@PathVariable String draftId) {
    return backtests.backtest(find(draftId));
  }

  @Operation(summary = "A second person publishes the draft: the rule goes live",
      description = "Applied as POST or PUT /v1/rules would apply it, in one transaction with"
          + " the draft's state and the audit records. 403 second-person-required for the"
          + " person who proposed it, whatever their roles; 409 conflict when the draft was"
          + " already decided or the live rule changed after it was proposed.")
  @PostMapping(path = "/v1/rules/drafts/{draftId}/publish",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> publish(@PathVariable String draftId,
      HttpServletRequest request) {
    String id = Ids.path("draftId", draftId);
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        drafts.publish(id, Actor.current())));
  }

  @Operation(summary = "Withdraw a draft no one has published",
      description = "By the person who proposed it, or a supervisor.")
  @PostMapping(path = "/v1/rules/drafts/{draftId}/withdraw",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> withdraw(@PathVariable String draftId,
      HttpServletRequest request) {
    String id = Ids.path("draftId", draftId);
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        drafts.withdraw(id, Actor.current(), Actor.has(RouteRules.SUPERVISOR))));
  }

  private RuleDraftView find(String draftId) {
    String id = Ids.path("draftId", draftId);
    return drafts.find(id).orElseThrow(() -> ApiProblem.notFound("draft " + id));
  }
}
