package io.holdfast.server.instructions;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.CursorPage;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull side of the outbox: a platform reads money instructions after its cursor, applies
 * each (idempotently, by instruction id) and acknowledges it.
 */
@RestController
@Tag(name = "Instructions")
public class InstructionsController {
  private final Instructions instructions;
  private final Idempotency idempotency;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  public InstructionsController(Instructions instructions, Idempotency idempotency,
      org.springframework.transaction.support.TransactionTemplate tx) {
    this.instructions = instructions;
    this.idempotency = idempotency;
    this.tx = tx;
  }

  @Operation(summary = "Money instructions after a cursor, in order")
  @GetMapping(path = "/v1/instructions", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> page(@RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    CursorPage.check(after, limit, Instructions.PAGE_MAX);
    return CursorPage.body("instructions", instructions.page(after, limit), after);
  }

  @Operation(summary = "Acknowledge that the platform applied an instruction")
  @PostMapping(path = "/v1/instructions/{instructionId}/ack",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> ack(@PathVariable String instructionId,
      HttpServletRequest request) {
    Ids.path("instruction_id", instructionId);
    return idempotency.execute(request, () -> {
      if (!instructions.exists(instructionId)) {
        throw ApiProblem.notFound("instruction " + instructionId);
      }
      boolean first = instructions.ack(instructionId, Actor.current());
      return new Idempotency.Result(HttpStatus.OK,
          Map.of("instruction_id", instructionId, "acknowledged", true, "first_time", first));
    });
  }
}
