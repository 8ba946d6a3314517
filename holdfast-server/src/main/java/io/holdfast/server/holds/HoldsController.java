package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.Resolution;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Held transfers. The sender's side is called by the platform on its user's behalf and names
 * the user in {@code Holdfast-Account}: a user sees and cancels only their own holds, and any
 * other hold answers the same 404 as a missing one. Analysts work the rest.
 */
@RestController
@Tag(name = "Holds")
public class HoldsController {
  public static final String ACCOUNT_HEADER = "Holdfast-Account";

  private final HoldService holds;
  private final HoldQueries queries;
  private final Idempotency idempotency;
  private final HoldAnswers answersStore;
  private final ShownMessages shownStore;
  private final HoldStats stats;
  private final Clock clock;

  private final AnalystHoldActions actions;

  public HoldsController(HoldService holds, HoldQueries queries, Idempotency idempotency,
      HoldAnswers answersStore, ShownMessages shownStore, HoldStats stats, Clock clock,
      AnalystHoldActions actions) {
    this.actions = actions;
    this.stats = stats;
    this.answersStore = answersStore;
    this.shownStore = shownStore;
    this.holds = holds;
    this.queries = queries;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /** A note or reason from an analyst; release_at only for extensions. */
  public record AnalystBody(String note, String releaseAt) {}

  @Operation(summary = "The sender's view of a hold: status, reasons, time left, next step")
  @GetMapping(path = "/v1/holds/{holdId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public HoldView get(@PathVariable String holdId,
      @RequestHeader(name = ACCOUNT_HEADER, required = false) String account) {
    Ids.path("hold_id", holdId);
    if (account == null && !Actor.has(RouteRules.ANALYST)) {
      throw ApiProblem.invalidField(ACCOUNT_HEADER, ACCOUNT_HEADER + " must name the sender on"
          + " whose behalf the platform asks");
    }
    Hold hold = queries.find(holdId)
        .filter(h -> account == null || h.terms().senderAccount().equals(account))
        .orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
    return view(hold);
  }

  @Operation(summary = "The sender cancels: the money goes back to them")
  @PostMapping(path = "/v1/holds/{holdId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> cancel(@PathVariable String holdId,
      @RequestHeader(name = ACCOUNT_HEADER) String account, HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    Ids.require(ACCOUNT_HEADER, account);
    return idempotency.execute(request, () -> ok(holds.apply(holdId, account,
        at -> new HoldCommand.Cancel(Actor.forUser(account), at))));
  }

  /** The sender's answers: question id to yes (true) or no (false). */
  public record AnswersBody(Map<String, Boolean> answers) {}

  /** Where and when the platform showed a message to its user. */
  public record ShownBody(String channel, String shownAt) {}

  @Operation(summary = "The ladder messages for the sender to see (warning, questions, reminder)")
  @GetMapping(path = "/v1/holds/{holdId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> messages(@PathVariable String holdId,
      @RequestHeader(name = ACCOUNT_HEADER) String account) {
    Ids.path("hold_id", holdId);
    queries.find(holdId).filter(h -> h.terms().senderAccount().equals(account))
        .orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
    return Map.of("messages", queries.messages(holdId));
  }

  @Operation(summary = "The platform records that it showed a message, where and when")
  @PostMapping(path = "/v1/holds/{holdId}/messages/{messageId}/shown",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> shown(@PathVariable String holdId, @PathVariable String messageId,
      @RequestHeader(name = ACCOUNT_HEADER) String account, @RequestBody ShownBody body,
      HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    Ids.path("message_id", messageId);
    String channel = body == null ? null : body.channel();
    if (channel == null || !channel.matches("[a-z][a-z0-9_]{0,31}")) {
      throw ApiProblem.invalidField("channel", "channel is required, such as in_app or push");
    }
    Instant shownAt = body.shownAt() == null ? null
        : Timestamps.parse("shown_at", body.shownAt());
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        Map.of("first_time", shownStore.markShown(holdId, messageId, account, channel,
            shownAt))));
  }

  /**
   * What the answers did: the hold after them, the scam scripts a "yes" matched (the hold is
   * then under investigation), whether every "no" shortened the hold, its deadline now, and
   * when it was not shortened, the first reason why.
   */
  public record AnswersResult(HoldView hold, List<String> matchedScripts, boolean shortened,
      String releaseAt, String notShortenedBecause) {}

  @Operation(summary = "The sender answers the questionnaire; a matching answer escalates,"
      + " every question answered no may shorten the hold")
  @ApiResponse(responseCode = "200", content = @Content(
      schema = @Schema(implementation = AnswersResult.class)))
  @PostMapping(path = "/v1/holds/{holdId}/answers", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> answers(@PathVariable String holdId,
      @RequestHeader(name = ACCOUNT_HEADER) String account, @RequestBody AnswersBody body,
      HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    Ids.require(ACCOUNT_HEADER, account);
    HoldAnswers.validate(body == null ? null : body.answers());
    return idempotency.execute(request, () -> {
      HoldService.Answered answered = holds.answer(holdId, account, body.answers());
      HoldView view = view(answered.hold());
      return new Idempotency.Result(HttpStatus.OK, new AnswersResult(view,
          answered.matchedScripts(), answered.shortened(), view.releaseAt(),
          answered.notShortenedBecause()));
    });
  }

  @Operation(summary = "Evidence for analysts: messages shown, answers given, the audit trail")
  @GetMapping(path = "/v1/holds/{holdId}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> evidence(@PathVariable String holdId) {
    Ids.path("hold_id", holdId);
    Hold hold = queries.find(holdId).orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
    return Map.of("hold", view(hold), "messages", queries.messages(holdId),
        "answers", answersStore.of(holdId), "trail", queries.trail(holdId));
  }

  @Operation(summary = "The safety net's numbers: amounts held, released and returned, time held")
  @GetMapping(path = "/v1/stats/holds", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> stats(@RequestParam(required = false) String since) {
    Instant from = since == null ? Timestamps.EARLIEST : Timestamps.parse("since", since);
    return stats.since(from);
  }

  @Operation(summary = "Holds for analysts, by state (default: under_investigation)")
  @GetMapping(path = "/v1/holds", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> queue(
      @RequestParam(defaultValue = "under_investigation") String state,
      @RequestParam(defaultValue = "100") int limit) {
    List<HoldView> page = queries.byState(state, limit).stream().map(this::view).toList();
    return Map.of("holds", page);
  }

  @Operation(summary = "An analyst releases a hold early")
  @PostMapping(path = "/v1/holds/{holdId}/release", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> release(@PathVariable String holdId,
      @RequestBody AnalystBody body, HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    String note = note(body);
    return idempotency.execute(request, () -> ok(actions.release(holdId, note)));
  }

  @Operation(summary = "An analyst returns the money to the sender")
  @PostMapping(path = "/v1/holds/{holdId}/return", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> returnToSender(@PathVariable String holdId,
      @RequestBody AnalystBody body, HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    String note = note(body);
    return idempotency.execute(request, () -> ok(actions.returnToSender(holdId, note)));
  }

  @Operation(summary = "An analyst moves a hold to investigation")
  @PostMapping(path = "/v1/holds/{holdId}/escalate", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> escalate(@PathVariable String holdId,
      @RequestBody AnalystBody body, HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    String finding = note(body);
    if (finding == null) {
      throw ApiProblem.invalidField("note", "say what was found");
    }
    return idempotency.execute(request, () -> ok(actions.escalate(holdId, finding)));
  }

  @Operation(summary = "An analyst keeps a hold longer, within the legal deadline")
  @PostMapping(path = "/v1/holds/{holdId}/extend", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> extend(@PathVariable String holdId,
      @RequestBody AnalystBody body, HttpServletRequest request) {
    Ids.path("hold_id", holdId);
    if (body == null || body.releaseAt() == null) {
      throw ApiProblem.invalidField("release_at", "release_at is required");
    }
    Instant until = Timestamps.parse("release_at", body.releaseAt());
    String note = note(body);
    return idempotency.execute(request, () -> ok(actions.extend(holdId, until, note)));
  }

  private Idempotency.Result ok(Hold hold) {
    return new Idempotency.Result(HttpStatus.OK, view(hold));
  }

  private HoldView view(Hold hold) {
    return HoldView.of(hold, queries.reasons(hold.terms().transferId()), clock.instant());
  }

  private static String note(AnalystBody body) {
    String note = body == null ? null : body.note();
    if (note != null && note.length() > 1000) {
      throw ApiProblem.invalidField("note", "note is at most 1000 characters");
    }
    return note == null || note.isBlank() ? null : note;
  }
}
