package io.holdfast.server.people;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Platforms' API keys: made, listed and revoked by administrators. */
@RestController
@Tag(name = "People")
public class ApiKeysController {
  private final ApiKeyDirectory keys;
  private final Idempotency idempotency;

  public ApiKeysController(ApiKeyDirectory keys, Idempotency idempotency) {
    this.keys = keys;
    this.idempotency = idempotency;
  }

  /**
   * Honours Idempotency-Key; the stored answer has no secret, so a replay answers the key
   * without it (make another key if the first answer was lost).
   */
  @Operation(summary = "Make an API key; its secret is in this answer only")
  @PostMapping(path = "/v1/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody NewApiKey body, HttpServletRequest request) {
    if (body == null) {
      throw ApiProblem.invalidField("body", "send name and scopes (and expires_at if it"
          + " expires)");
    }
    return idempotency.execute(request, () -> {
      CreatedApiKey made = PeopleProblems.valueOrThrow(keys.create(Actor.current(), body));
      return Idempotency.Result.withReplay(HttpStatus.CREATED, made, made.withoutSecret());
    });
  }

  @Operation(summary = "Every API key, newest first, without secrets")
  @GetMapping(path = "/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
  public ApiKeyList list() {
    return keys.list();
  }

  @Operation(summary = "One API key, without its secret")
  @GetMapping(path = "/v1/api-keys/{keyId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ApiKeyView get(@PathVariable String keyId) {
    return keys.find(keyId).orElseThrow(() -> ApiProblem.notFound("API key " + keyId));
  }

  @Operation(summary = "Revoke an API key at once")
  @DeleteMapping(path = "/v1/api-keys/{keyId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ApiKeyView revoke(@PathVariable String keyId) {
    return PeopleProblems.valueOrThrow(keys.revoke(Actor.current(), keyId));
  }
}
