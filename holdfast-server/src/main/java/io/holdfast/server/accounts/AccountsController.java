package io.holdfast.server.accounts;

import io.holdfast.server.idempotency.Idempotency;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and account events, as the platform reports them. */
@RestController
@Tag(name = "Accounts")
public class AccountsController {
  private final AccountsService accounts;
  private final Idempotency idempotency;

  public AccountsController(AccountsService accounts, Idempotency idempotency) {
    this.accounts = accounts;
    this.idempotency = idempotency;
  }

  @Operation(summary = "Create or replace an account's profile")
  @PutMapping(path = "/v1/accounts/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<AccountView> put(@PathVariable String accountId,
      @RequestBody AccountBody body) {
    Ids.path("account_id", accountId);
    boolean created = accounts.put(accountId, body);
    AccountView view = accounts.find(accountId).map(AccountView::of).orElseThrow();
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
  }

  @Operation(summary = "An account's profile")
  @GetMapping(path = "/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public AccountView get(@PathVariable String accountId) {
    Ids.path("account_id", accountId);
    return accounts.find(accountId).map(AccountView::of)
        .orElseThrow(() -> ApiProblem.notFound("account " + accountId));
  }

  @Operation(summary = "Record an account event (security change or deposit)")
  @PostMapping(path = "/v1/accounts/{accountId}/events",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> event(@PathVariable String accountId,
      @RequestBody EventBody body, HttpServletRequest request) {
    Ids.path("account_id", accountId);
    return idempotency.execute(request, () -> {
      boolean recorded = accounts.recordEvent(accountId, body);
      return new Idempotency.Result(recorded ? HttpStatus.CREATED : HttpStatus.OK,
          Map.of("event_id", body.eventId(), "recorded", recorded));
    });
  }
}
