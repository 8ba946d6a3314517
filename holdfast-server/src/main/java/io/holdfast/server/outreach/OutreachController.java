package io.holdfast.server.outreach;

import io.holdfast.core.outreach.Outreach;
import io.holdfast.core.outreach.ReplyIntent;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.CursorPage;
import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * Outreach for the platform and for analysts. The platform pulls the messages to deliver
 * through its chat or inbox, reports when its user saw one, and posts the user's replies, each
 * on behalf of the user named in {@code Holdfast-Account}: a victim sees only their own
 * conversation, and any other answers the same 404 as a missing one. Analysts see everything.
 */
@RestController
@Tag(name = "Outreach")
public class OutreachController {
  static final String ACCOUNT_HEADER = "Holdfast-Account";
  static final int REPLY_MAX_CHARS = 4_000;

  private final OutreachService outreach;
  private final OutreachRows rows;
  private final OutreachMessages messages;
  private final Idempotency idempotency;

  public OutreachController(OutreachService outreach, OutreachRows rows,
      OutreachMessages messages, Idempotency idempotency) {
    this.outreach = outreach;
    this.rows = rows;
    this.messages = messages;
    this.idempotency = idempotency;
  }

  /** A victim's reply, as the platform's chat or inbox sends it. */
  public record ReplyBody(
      @Schema(description = "confirm_loss, decline or message") String intent,
      @Schema(description = "the victim's words, up to 4,000 characters") String text) {}

  /** Where the platform showed a message. */
  public record ShownBody(@Schema(description = "e.g. chat, inbox, push") String channel) {}

  @Operation(summary = "Outreach messages to deliver, after a cursor, in order")
  @GetMapping(path = "/v1/outreach/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> page(@RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    CursorPage.check(after, limit, OutreachMessages.PAGE_MAX);
    return CursorPage.body("messages", messages.page(after, limit), after);
  }

  @Operation(summary = "An outreach conversation: for its victim, or for analysts")
  @GetMapping(path = "/v1/outreach/{outreachId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String outreachId,
      @RequestHeader(name = ACCOUNT_HEADER, required = false) String account) {
    Ids.path("outreach_id", outreachId);
    boolean analyst = Actor.has(RouteRules.ANALYST);
    if (!analyst) {
      Ids.require(ACCOUNT_HEADER, account);
    }
    OutreachRows.Stored stored = rows.find(outreachId)
        .filter(s -> analyst || s.outreach().terms().victimAccount().equals(account))
        .orElseThrow(() -> ApiProblem.notFound("outreach " + outreachId));
    return view(stored, analyst);
  }

  @Operation(summary = "The victim's reply: confirm the loss (files the claim), decline, or a"
      + " message")
  @PostMapping(path = "/v1/outreach/{outreachId}/replies",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> reply(@PathVariable String outreachId,
      @RequestHeader(name = ACCOUNT_HEADER, required = false) String account,
      @RequestBody ReplyBody body, HttpServletRequest request) {
    Ids.path("outreach_id", outreachId);
    Ids.require(ACCOUNT_HEADER, account);
    ReplyIntent intent = intent(body == null ? null : body.intent());
    String text = body.text();
    if (text != null && text.length() > REPLY_MAX_CHARS) {
      throw ApiProblem.invalidField("text", "text is at most " + REPLY_MAX_CHARS + " characters");
    }
    if (intent == ReplyIntent.MESSAGE && (text == null || text.isBlank())) {
      throw ApiProblem.invalidField("text", "a message needs its text");
    }
    return idempotency.execute(request, () -> {
      Outreach o = outreach.reply(outreachId, account, intent, text, Actor.current());
      return new Idempotency.Result(HttpStatus.CREATED, view(rows.find(
          o.terms().outreachId()).orElseThrow(), false));
    });
  }

  @Operation(summary = "The platform showed the victim a message")
  @PostMapping(path = "/v1/outreach/{outreachId}/messages/{messageId}/shown",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> shown(@PathVariable String outreachId,
      @PathVariable String messageId,
      @RequestHeader(name = ACCOUNT_HEADER, required = false) String account,
      @RequestBody ShownBody body, HttpServletRequest request) {
    Ids.path("outreach_id", outreachId);
    Ids.path("message_id", messageId);
    Ids.require(ACCOUNT_HEADER, account);
    String channel = body == null ? null : body.channel();
    if (channel == null || !channel.matches("[a-z][a-z0-9_]{0,31}")) {
      throw ApiProblem.invalidField("channel", "channel is a short lower-case name such as chat,"
          + " inbox or push");
    }
    return idempotency.execute(request, () -> {
      outreach.shown(outreachId, account, messageId, channel, Actor.current());
      return new Idempotency.Result(HttpStatus.OK, view(rows.find(outreachId).orElseThrow(),
          false));
    });
  }

  private Map<String, Object> view(OutreachRows.Stored stored, boolean analyst) {
    Outreach o = stored.outreach();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("outreach_id", o.terms().outreachId());
    v.put("victim_account", o.terms().victimAccount());
    v.put("state", o.stateName().toLowerCase(Locale.ROOT));
    v.put("scam_type", o.terms().scamType().toLowerCase(Locale.ROOT));
    v.put("language", o.terms().language());
    v.put("next_reminder_at", o.nextAt() == null ? null : o.nextAt().toString());
    v.put("created_at", o.terms().createdAt().toString());
    if (analyst) {
      v.put("case_id", o.terms().caseId());
      v.put("scammer_id", stored.scammerId());
    }
    v.put("messages", messages.ofOutreach(o.terms().outreachId()));
    v.put("replies", rows.replies(o.terms().outreachId()));
    return v;
  }

  private static ReplyIntent intent(String text) {
    if (text != null) {
      for (ReplyIntent i : ReplyIntent.values()) {
        if (i.name().toLowerCase(Locale.ROOT).equals(text)) {
          return i;
        }
      }
    }
    throw ApiProblem.invalidField("intent", "intent is confirm_loss, decline or message");
  }
}
