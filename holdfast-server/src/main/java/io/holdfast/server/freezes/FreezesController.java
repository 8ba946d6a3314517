package io.holdfast.server.freezes;

import io.holdfast.core.freeze.Freeze;
import io.holdfast.core.freeze.FreezeBasis;
import io.holdfast.core.freeze.FreezeCommand;
import io.holdfast.core.freeze.FreezeKind;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freezes for analysts, supervisors and the platform. Analysts freeze and confirm; a
 * law-enforcement freeze needs a supervisor; the frozen holder appeals through the platform;
 * an unfreeze needs one person to ask and a different person to approve.
 */
@RestController
@Tag(name = "Freezes")
public class FreezesController {
  private final FreezeService freezes;
  private final FreezeRows rows;
  private final CaseRows cases;
  private final TransferParser parser;
  private final CurrencyCatalog currencies;
  private final Idempotency idempotency;
  private final TransactionTemplate tx;
  private final Clock clock;

  public FreezesController(FreezeService freezes, FreezeRows rows, CaseRows cases,
      TransferParser parser, CurrencyCatalog currencies, Idempotency idempotency,
      TransactionTemplate tx, Clock clock) {
    this.freezes = freezes;
    this.rows = rows;
    this.cases = cases;
    this.parser = parser;
    this.currencies = currencies;
    this.idempotency = idempotency;
    this.tx = tx;
    this.clock = clock;
  }

  /** An analyst's or supervisor's freeze of an account or address. */
  public record FreezeBody(String recipientAccount, String recipientAddress, String network,
      String basis, String reason,
      @io.swagger.v3.oas.annotations.media.Schema(description = "the case the frozen money"
          + " belongs to, e.g. a scammer's case when freezing a mule that holds its traced"
          + " money; default: the subject's own case") String caseId) {}

  /** A note, grounds of an appeal, or the reason for an unfreeze. */
  public record NoteBody(String note) {}

  /** What the platform froze on the account in one currency (the latest total). */
  public record FundsBody(String currency, Long amountMinor) {}

  @Operation(summary = "Freeze an account or address (confirmed at once; law enforcement needs a"
      + " supervisor)")
  @PostMapping(path = "/v1/freezes", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody FreezeBody body, HttpServletRequest request) {
    if (body == null) {
      throw ApiProblem.invalidField("body", "a body is required");
    }
    String subject = parser.recipient(body.recipientAccount(), body.recipientAddress(),
        body.network()).key();
    FreezeBasis basis = basis(body.basis());
    String reason = note("reason", body.reason(), true);
    if (body.caseId() != null) {
      Ids.require("case_id", body.caseId());
    }
    return idempotency.execute(request, () -> tx.execute(status -> {
      // A mule's freeze joins the scammer's case, so its frozen money repays that case's
      // victims; otherwise the subject's own case.
      String caseId = body.caseId() != null ? cases.lock(body.caseId())
          .orElseThrow(() -> ApiProblem.notFound("case " + body.caseId())).caseId()
          : cases.openFor(subject, null, clock.instant()).caseId();
      Freeze f = freezes.freeze(new FreezeService.NewFreeze(caseId, subject, basis,
          FreezeKind.CONFIRMED, reason, Actor.current()));
      return new Idempotency.Result(HttpStatus.CREATED, view(f));
    }));
  }

  @Operation(summary = "A freeze, with what the platform reported frozen")
  @GetMapping(path = "/v1/freezes/{freezeId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String freezeId) {
    Ids.path("freeze_id", freezeId);
    return view(rows.find(freezeId).orElseThrow(() -> ApiProblem.notFound("freeze " + freezeId)));
  }

  @Operation(summary = "An analyst confirms a precautionary freeze")
  @PostMapping(path = "/v1/freezes/{freezeId}/confirm",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> confirm(@PathVariable String freezeId, @RequestBody NoteBody body,
      HttpServletRequest request) {
    String note = note("note", body == null ? null : body.note(), false);
    return command(freezeId, request, at -> new FreezeCommand.Confirm(Actor.current(), at, note));
  }

  @Operation(summary = "The frozen account's holder appeals, through the platform")
  @PostMapping(path = "/v1/freezes/{freezeId}/appeal",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> appeal(@PathVariable String freezeId,
      @RequestHeader(name = "Holdfast-Account") String account, @RequestBody NoteBody body,
      HttpServletRequest request) {
    Ids.path("freeze_id", freezeId);
    Ids.require("Holdfast-Account", account);
    String grounds = note("note", body == null ? null : body.note(), true);
    rows.find(freezeId).filter(f -> account.equals(f.terms().accountId()))
        .orElseThrow(() -> ApiProblem.notFound("freeze " + freezeId));
    return command(freezeId, request,
        at -> new FreezeCommand.Appeal(Actor.forUser(account), at, grounds));
  }

  @Operation(summary = "The first person asks to lift a freeze")
  @PostMapping(path = "/v1/freezes/{freezeId}/unfreeze",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> requestUnfreeze(@PathVariable String freezeId,
      @RequestBody NoteBody body, HttpServletRequest request) {
    String note = note("note", body == null ? null : body.note(), true);
    return command(freezeId, request,
        at -> new FreezeCommand.RequestUnfreeze(Actor.current(), at, note));
  }

  @Operation(summary = "A second person approves the unfreeze; the freeze is lifted")
  @PostMapping(path = "/v1/freezes/{freezeId}/unfreeze/approve",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> approveUnfreeze(@PathVariable String freezeId,
      HttpServletRequest request) {
    return command(freezeId, request,
        at -> new FreezeCommand.ApproveUnfreeze(Actor.current(), at));
  }

  @Operation(summary = "The platform reports the balance it froze on the account")
  @PostMapping(path = "/v1/freezes/{freezeId}/funds", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> funds(@PathVariable String freezeId, @RequestBody FundsBody body,
      HttpServletRequest request) {
    Ids.path("freeze_id", freezeId);
    if (body == null || body.currency() == null
        || currencies.find(body.currency()).isEmpty()) {
      throw ApiProblem.invalidField("currency", "currency must be one Holdfast knows");
    }
    if (body.amountMinor() == null || body.amountMinor() < 0
        || body.amountMinor() > Money.ACCEPTED_MAX_MINOR) {
      throw ApiProblem.invalidField("amount_minor", "amount_minor must be from zero to "
          + Money.ACCEPTED_MAX_MINOR);
    }
    return idempotency.execute(request, () -> {
      freezes.recordFunds(freezeId, body.currency(), body.amountMinor(), Actor.current());
      return new Idempotency.Result(HttpStatus.OK, get(freezeId));
    });
  }

  private ResponseEntity<String> command(String freezeId, HttpServletRequest request,
      Function<Instant, FreezeCommand> command) {
    Ids.path("freeze_id", freezeId);
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        view(freezes.apply(freezeId, command))));
  }

  private Map<String, Object> view(Freeze f) {
    return FreezeViews.view(f, rows.funds(f.freezeId()));
  }

  private static FreezeBasis basis(String text) {
    if (text == null || text.equals("analyst")) {
      return FreezeBasis.ANALYST;
    }
    if (text.equals("law_enforcement")) {
      if (!Actor.has(RouteRules.SUPERVISOR) && !Actor.has(RouteRules.ADMIN)) {
        throw new ApiProblem(ProblemType.FORBIDDEN, "a law-enforcement freeze needs a"
            + " supervisor");
      }
      return FreezeBasis.LAW_ENFORCEMENT;
    }
    throw ApiProblem.invalidField("basis", "basis is analyst or law_enforcement");
  }

  static String note(String field, String text, boolean required) {
    return io.holdfast.server.web.Notes.check(field, text, required, 1000);
  }

}
