package io.holdfast.server.calls;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agents' call queue and the outcomes they record. */
@RestController
@Tag(name = "Calls")
public class CallTasksController {
  private final CallTasks calls;
  private final Idempotency idempotency;

  public CallTasksController(CallTasks calls, Idempotency idempotency) {
    this.calls = calls;
    this.idempotency = idempotency;
  }

  /** What came of a call, and the agent's note. */
  public record OutcomeBody(String outcome, String note) {}

  @Operation(summary = "Open call tasks that are due, most urgent first")
  @GetMapping(path = "/v1/call-tasks", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> open(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > CallTasks.PAGE_MAX) {
      throw ApiProblem.invalidField("limit", "limit is 1 to " + CallTasks.PAGE_MAX);
    }
    return Map.of("call_tasks", calls.open(limit));
  }

  @Operation(summary = "An agent records a call; a cancel or a confirmed scam returns the money")
  @PostMapping(path = "/v1/call-tasks/{taskId}/outcome",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> record(@PathVariable String taskId, @RequestBody OutcomeBody body,
      HttpServletRequest request) {
    Ids.path("task_id", taskId);
    CallTasks.Outcome outcome = CallTasks.outcome(body == null ? null : body.outcome());
    String note = body.note();
    if (note != null && note.length() > 4000) {
      throw ApiProblem.invalidField("note", "note is at most 4000 characters");
    }
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        calls.record(taskId, outcome, note, Actor.current())));
  }
}
