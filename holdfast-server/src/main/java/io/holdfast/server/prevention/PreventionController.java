package io.holdfast.server.prevention;

import io.holdfast.server.accounts.AccountRepository;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.CursorPage;
import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prevention messages for the platform to show, and customers' alert opt-outs. The platform
 * pulls messages in order after a cursor and says when its customer saw one (on behalf of the
 * customer named in {@code Holdfast-Account}; another customer's message answers the same 404
 * as a missing one). Analysts read an account's warning history, which is the evidence that a
 * specific warning was given.
 */
@RestController
@Tag(name = "Prevention")
public class PreventionController {
  static final String ACCOUNT_HEADER = "Holdfast-Account";
  static final int CHANNELS_MAX = 4;

  private final PreventionMessages messages;
  private final AlertOptOuts optOuts;
  private final AccountRepository accounts;
  private final Idempotency idempotency;
  private final Clock clock;

  public PreventionController(PreventionMessages messages, AlertOptOuts optOuts,
      AccountRepository accounts, Idempotency idempotency, Clock clock) {
    this.messages = messages;
    this.optOuts = optOuts;
    this.accounts = accounts;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /** The channels a customer does not want proactive alerts on. */
  public record OptOutsBody(
      @Schema(description = "any of in_app, push, email, sms; empty to receive all")
      List<String> channels) {}

  @Operation(summary = "Prevention messages to show, after a cursor, in order")
  @GetMapping(path = "/v1/prevention/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> page(@RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    CursorPage.check(after, limit, PreventionMessages.PAGE_MAX);
    return CursorPage.body("messages", messages.page(after, limit), after);
  }

  @Operation(summary = "The platform showed its customer a prevention message")
  @PostMapping(path = "/v1/prevention/messages/{messageId}/shown",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> shown(@PathVariable String messageId,
      @RequestHeader(name = ACCOUNT_HEADER, required = false) String account,
      HttpServletRequest request) {
    Ids.path("message_id", messageId);
    Ids.require(ACCOUNT_HEADER, account);
    return idempotency.execute(request, () -> {
      messages.accountOf(messageId).filter(account::equals)
          .orElseThrow(() -> ApiProblem.notFound("message " + messageId));
      boolean first = messages.markShown(messageId, clock.instant());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("message_id", messageId);
      body.put("first_time", first);
      return new Idempotency.Result(HttpStatus.OK, body);
    });
  }

  @Operation(summary = "An account's prevention messages, newest first (analysts)")
  @GetMapping(path = "/v1/accounts/{accountId}/prevention-messages",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> history(@PathVariable String accountId,
      @RequestParam(defaultValue = "100") int limit) {
    Ids.path("account_id", accountId);
    CursorPage.check(0, limit, PreventionMessages.PAGE_MAX);
    return Map.of("messages", messages.ofAccount(accountId, limit));
  }

  @Operation(summary = "The channels an account opted out of for proactive alerts")
  @GetMapping(path = "/v1/accounts/{accountId}/alert-opt-outs",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> optOuts(@PathVariable String accountId) {
    known(accountId);
    return view(accountId, optOuts.of(accountId));
  }

  @Operation(summary = "Replace an account's alert opt-outs (warnings about its own payments"
      + " and calls are not alerts and continue)")
  @PutMapping(path = "/v1/accounts/{accountId}/alert-opt-outs",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> replaceOptOuts(@PathVariable String accountId,
      @RequestBody OptOutsBody body) {
    Set<Channel> channels = channels(body);
    known(accountId);
    return view(accountId, optOuts.replace(accountId, channels, Actor.current()));
  }

  private void known(String accountId) {
    Ids.path("account_id", accountId);
    if (accounts.find(accountId).isEmpty()) {
      throw ApiProblem.notFound("account " + accountId);
    }
  }

  static Set<Channel> channels(OptOutsBody body) {
    if (body == null || body.channels() == null) {
      throw ApiProblem.invalidField("channels", "channels is a list, empty to receive all");
    }
    if (body.channels().size() > CHANNELS_MAX) {
      throw ApiProblem.invalidField("channels", "at most " + CHANNELS_MAX + " channels");
    }
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    for (String text : body.channels()) {
      out.add(Channel.byWire(text).orElseThrow(() -> ApiProblem.invalidField("channels",
          "channels are in_app, push, email or sms")));
    }
    return out;
  }

  private static Map<String, Object> view(String accountId, Set<Channel> channels) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("account_id", accountId);
    v.put("channels", channels.stream().map(Channel::wire).sorted().toList());
    return v;
  }
}
