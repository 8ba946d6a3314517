package io.holdfast.server.screening;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Real-time screening of outgoing transfers. */
@RestController
@Tag(name = "Screening")
public class ScreeningController {
  private final ScreeningService screening;

  public ScreeningController(ScreeningService screening) {
    this.screening = screening;
  }

  @Operation(summary = "Screen an outgoing transfer before moving the money",
      description = "Answers ALLOW, WARN, HOLD or BLOCK with a risk score and reasons. The "
          + "transfer and decision are committed before the answer. A retry with the same "
          + "transfer_id and fields replays the answer with Idempotency-Hit: true.")
  @ApiResponse(responseCode = "200", content = @Content(
      schema = @Schema(implementation = DecisionBody.class)))
  @PostMapping(path = "/v1/transfers/screen", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> screen(@RequestBody TransferBody body,
      @Parameter(description = "optional; the transfer_id is already a natural key")
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw ApiProblem.invalidField(Idempotency.HEADER, "Idempotency-Key must be 1-200 chars");
    }
    return screening.screen(body, CanonicalTransfer.requestHash(request, body), Actor.current(),
        idempotencyKey);
  }

  @Operation(summary = "The decision given to a screened transfer")
  @ApiResponse(responseCode = "200", content = @Content(
      schema = @Schema(implementation = DecisionBody.class)))
  @GetMapping(path = "/v1/transfers/{transferId}/decision",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> decision(@PathVariable String transferId) {
    Ids.path("transfer_id", transferId);
    return screening.decision(transferId)
        .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body))
        .orElseThrow(() -> ApiProblem.notFound("transfer " + transferId));
  }
}
