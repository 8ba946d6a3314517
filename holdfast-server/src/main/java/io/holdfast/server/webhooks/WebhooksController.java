package io.holdfast.server.webhooks;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.CursorPage;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see webhook deliveries by state and send dead letters again. */
@RestController
@Tag(name = "Webhooks")
public class WebhooksController {
  private static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "DEAD");

  private final WebhookDeliveries deliveries;
  private final Idempotency idempotency;
  private final Clock clock;

  public WebhooksController(WebhookDeliveries deliveries, Idempotency idempotency,
      Clock clock) {
    this.deliveries = deliveries;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  @Operation(summary = "Webhook deliveries in a state (default DEAD), in instruction order")
  @GetMapping(path = "/v1/webhooks/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> list(@RequestParam(defaultValue = "DEAD") String state,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (!STATES.contains(state)) {
      throw ApiProblem.invalidField("state", "state must be PENDING, DELIVERED or DEAD");
    }
    CursorPage.check(after, limit, WebhookDeliveries.PAGE_MAX);
    return CursorPage.body("deliveries", deliveries.byState(state, after, limit), after);
  }

  @Operation(summary = "Send a dead webhook again, from its first attempt")
  @PostMapping(path = "/v1/webhooks/deliveries/{instructionId}/retry",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> retry(@PathVariable String instructionId,
      HttpServletRequest request) {
    Ids.path("instruction_id", instructionId);
    return idempotency.execute(request, () -> {
      String state = deliveries.state(instructionId)
          .orElseThrow(() -> ApiProblem.notFound("webhook delivery " + instructionId));
      if (!deliveries.retry(instructionId, Actor.current(), clock.instant())) {
        throw new ApiProblem(ProblemType.CONFLICT, "only a DEAD delivery can be retried; this"
            + " one is " + state, Map.of("state", state));
      }
      return new Idempotency.Result(HttpStatus.OK,
          Map.of("instruction_id", instructionId, "state", "PENDING"));
    });
  }
}
