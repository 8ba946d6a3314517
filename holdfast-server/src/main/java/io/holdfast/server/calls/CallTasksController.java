package io.holdfast.server.calls;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.InterventionKind;
import io.holdfast.core.prevention.InterventionOutcome;
import io.holdfast.core.prevention.InterventionPolicy;
import io.holdfast.core.prevention.InterventionSource;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agents' intervention queue: tasks, claims and the outcomes agents record. */
@RestController
@Tag(name = "Calls")
public class CallTasksController {
  static final int TEXT_MAX = 1_000;
  static final int NOTE_MAX = 4_000;
  static final Duration DUE_AHEAD_MAX = Duration.ofDays(30);

  private final CallTasks calls;
  private final Idempotency idempotency;
  private final IdGenerator ids;
  private final JdbcClient jdbc;
  private final Clock clock;

  public CallTasksController(CallTasks calls, Idempotency idempotency, IdGenerator ids,
      JdbcClient jdbc, Clock clock) {
    this.calls = calls;
    this.idempotency = idempotency;
    this.ids = ids;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What came of a call, and the agent's note. */
  public record OutcomeBody(String outcome, String note) {}

  /** An analyst's task for an account. */
  public record TaskBody(String accountId,
      @Schema(description = "call (default) or chat") String kind,
      @Schema(description = "why the person is contacted; agents read it") String reason,
      @Schema(description = "suspected scam type, picks the script; default general")
      String scamType,
      @Schema(description = "1 (most urgent) to 5; default 3") Integer priority,
      @Schema(description = "ISO timestamp; default now") String dueAt) {}

  @Operation(summary = "Open intervention tasks, most urgent first")
  @GetMapping(path = "/v1/call-tasks", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> open(@RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "any") String assigned) {
    if (limit < 1 || limit > CallTasks.PAGE_MAX) {
      throw ApiProblem.invalidField("limit", "limit is 1 to " + CallTasks.PAGE_MAX);
    }
    CallTasks.Assigned which = switch (assigned) {
      case "any" -> CallTasks.Assigned.ANY;
      case "me" -> CallTasks.Assigned.ME;
      case "none" -> CallTasks.Assigned.NONE;
      default -> throw ApiProblem.invalidField("assigned", "assigned is any, me or none");
    };
    return Map.of("call_tasks", calls.open(limit, kind == null ? null : kind(kind), which,
        Actor.current()));
  }

  @Operation(summary = "An analyst opens a call or chat task for an account")
  @PostMapping(path = "/v1/call-tasks", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody TaskBody body, HttpServletRequest request) {
    if (body == null) {
      throw ApiProblem.invalidField("account_id", "account_id is required");
    }
    String account = Ids.require("account_id", body.accountId());
    InterventionKind kind = body.kind() == null ? InterventionKind.CALL : kind(body.kind());
    String reason = body.reason();
    if (reason == null || reason.isBlank() || reason.length() > TEXT_MAX) {
      throw ApiProblem.invalidField("reason", "reason is 1 to " + TEXT_MAX + " characters");
    }
    ScamType type = body.scamType() == null ? ScamType.GENERAL : scamType(body.scamType());
    int priority = body.priority() == null ? 3 : body.priority();
    if (!InterventionPolicy.validPriority(priority)) {
      throw ApiProblem.invalidField("priority", "priority is 1 to 5");
    }
    Instant due = due(body.dueAt());
    String actor = Actor.current();
    return idempotency.execute(request, () -> {
      if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE account_id = :a").param("a", account)
          .query(Long.class).single() == 0) {
        throw ApiProblem.notFound("account " + account);
      }
      String taskId = ids.next("int");
      calls.openForAccount(taskId, account, kind, InterventionSource.ANALYST, reason, type,
          priority, due, actor);
      return new Idempotency.Result(HttpStatus.CREATED, calls.find(taskId));
    });
  }

  @Operation(summary = "An agent claims a task; nobody else records it until it goes stale")
  @PostMapping(path = "/v1/call-tasks/{taskId}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> claim(@PathVariable String taskId, HttpServletRequest request) {
    Ids.path("task_id", taskId);
    String agent = Actor.current();
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        calls.claim(taskId, agent)));
  }

  @Operation(summary = "An agent records the outcome; a cancel, a dissuaded sender or a"
      + " confirmed scam returns a held payment, and repeated proceeds flag the person")
  @PostMapping(path = "/v1/call-tasks/{taskId}/outcome",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> record(@PathVariable String taskId, @RequestBody OutcomeBody body,
      HttpServletRequest request) {
    Ids.path("task_id", taskId);
    InterventionOutcome outcome = CallTasks.outcome(body == null ? null : body.outcome());
    String note = body.note();
    if (note != null && note.length() > NOTE_MAX) {
      throw ApiProblem.invalidField("note", "note is at most " + NOTE_MAX + " characters");
    }
    String agent = Actor.current();
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        calls.record(taskId, outcome, note, agent)));
  }

  private static InterventionKind kind(String text) {
    return switch (text) {
      case "call" -> InterventionKind.CALL;
      case "chat" -> InterventionKind.CHAT;
      default -> throw ApiProblem.invalidField("kind", "kind is call or chat");
    };
  }

  private static ScamType scamType(String text) {
    for (ScamType t : ScamType.values()) {
      if (t.wire().equals(text)) {
        return t;
      }
    }
    throw ApiProblem.invalidField("scam_type", "scam_type is one of investment, impersonation,"
        + " romance, fake_support, marketplace, giveaway, general");
  }

  private Instant due(String text) {
    Instant now = clock.instant();
    if (text == null) {
      return now;
    }
    Instant due = Timestamps.parse("due_at", text);
    if (due.isAfter(now.plus(DUE_AHEAD_MAX))) {
      throw ApiProblem.invalidField("due_at", "due_at is at most 30 days ahead");
    }
    return due;
  }
}
