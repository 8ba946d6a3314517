package io.holdfast.server.reports;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.server.holds.HoldsController;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Victim reports. The platform files a report for its user and reads it back on the user's
 * behalf, naming the user in {@code Holdfast-Account}: a reporter sees only their own reports,
 * and any other answers the same 404 as a missing one. Analysts see everything.
 */
@RestController
@Tag(name = "Reports")
public class ReportsController {
  static final int NARRATIVE_MAX_CHARS = 20_000;
  static final int MESSAGES_MAX = 20;
  static final int MESSAGE_MAX_CHARS = 5_000;
  static final int TRANSFER_IDS_MAX = 50;

  private final ReportService reports;
  private final ReportRows rows;
  private final TransferParser parser;
  private final Idempotency idempotency;

  public ReportsController(ReportService reports, ReportRows rows, TransferParser parser,
      Idempotency idempotency) {
    this.reports = reports;
    this.rows = rows;
    this.parser = parser;
    this.idempotency = idempotency;
  }

  /** A victim's report, filed by the platform for its user. */
  public record ReportBody(
      @Schema(description = "the reporting user's account") String reporterAccount,
      @Schema(description = "the transfers concerned; or name the recipient instead")
      List<String> transferIds,
      String recipientAccount, String recipientAddress, String network,
      @Schema(description = "investment, impersonation, romance, fake_support, marketplace,"
          + " giveaway or general") String scamType,
      @Schema(description = "the user's own words, up to 20,000 characters") String narrative,
      @Schema(description = "messages the scammer sent, pasted as text")
      List<String> scammerMessages,
      @Schema(description = "how the scammer made contact, e.g. telegram") String contactChannel) {}

  @Operation(summary = "File a victim's report; it is judged at once and may freeze the recipient")
  @PostMapping(path = "/v1/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> file(@RequestBody ReportBody body, HttpServletRequest request) {
    ReportRequest report = validate(body);
    return idempotency.execute(request, () -> {
      ReportService.Filed filed = reports.file(report, Actor.current());
      Map<String, Object> out = new LinkedHashMap<>(rows.find(filed.reportId(), false)
          .orElseThrow());
      out.put("freeze_id", filed.freezeId());
      if (filed.freezeId() == null) {
        out.put("freeze_withheld", filed.freezeWithheld());
      }
      out.put("holds_investigated", filed.holdsInvestigated());
      out.put("claim_ids", filed.claimIds());
      return new Idempotency.Result(HttpStatus.CREATED, out);
    });
  }

  @Operation(summary = "A report's status and verdict: for its reporter, or for analysts in full")
  @GetMapping(path = "/v1/reports/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String reportId,
      @RequestHeader(name = HoldsController.ACCOUNT_HEADER, required = false) String account) {
    Ids.path("report_id", reportId);
    boolean analyst = Actor.has(RouteRules.ANALYST);
    if (!analyst) {
      Ids.require(HoldsController.ACCOUNT_HEADER, account);
      if (!account.equals(rows.reporterOf(reportId))) {
        throw ApiProblem.notFound("report " + reportId);
      }
    }
    return rows.find(reportId, analyst)
        .orElseThrow(() -> ApiProblem.notFound("report " + reportId));
  }

  private ReportRequest validate(ReportBody body) {
    if (body == null) {
      throw ApiProblem.invalidField("body", "a body is required");
    }
    String reporter = Ids.require("reporter_account", body.reporterAccount());
    List<String> transferIds = body.transferIds() == null ? List.of() : body.transferIds();
    boolean namesRecipient = body.recipientAccount() != null || body.recipientAddress() != null;
    if (transferIds.isEmpty() == !namesRecipient) {
      throw ApiProblem.invalidField("transfer_ids", "name the transfers concerned, or the"
          + " recipient (recipient_account, or recipient_address with network), not both");
    }
    if (transferIds.size() > TRANSFER_IDS_MAX) {
      throw ApiProblem.invalidField("transfer_ids", "at most " + TRANSFER_IDS_MAX + " transfers");
    }
    for (String id : transferIds) {
      Ids.require("transfer_ids", id);
    }
    String recipientKey = namesRecipient ? parser.recipient(body.recipientAccount(),
        body.recipientAddress(), body.network()).key() : null;
    if (recipientKey != null && recipientKey.equals("a:" + reporter)) {
      throw ApiProblem.invalidField("recipient_account", "the reporter cannot report themselves");
    }
    String narrative = body.narrative() == null ? "" : body.narrative();
    if (narrative.length() > NARRATIVE_MAX_CHARS) {
      throw ApiProblem.invalidField("narrative", "narrative is at most " + NARRATIVE_MAX_CHARS
          + " characters");
    }
    List<String> messages = messages(body.scammerMessages());
    if (narrative.isBlank() && messages.isEmpty()) {
      throw ApiProblem.invalidField("narrative", "say what happened in narrative, or paste the"
          + " scammer's messages");
    }
    // Naming a transfer twice names it once.
    return new ReportRequest(reporter, List.copyOf(new java.util.LinkedHashSet<>(transferIds)),
        recipientKey,
        scamType(body.scamType()), narrative, messages, channel(body.contactChannel()));
  }

  private static List<String> messages(List<String> messages) {
    if (messages == null) {
      return List.of();
    }
    if (messages.size() > MESSAGES_MAX) {
      throw ApiProblem.invalidField("scammer_messages", "at most " + MESSAGES_MAX + " messages");
    }
    for (String m : messages) {
      if (m == null || m.length() > MESSAGE_MAX_CHARS) {
        throw ApiProblem.invalidField("scammer_messages", "each message is text of at most "
            + MESSAGE_MAX_CHARS + " characters");
      }
    }
    return List.copyOf(messages);
  }

  private static String scamType(String text) {
    if (text == null) {
      return null;
    }
    for (ScamType type : ScamType.values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(text)) {
        return type.name();
      }
    }
    throw ApiProblem.invalidField("scam_type", "scam_type is one of investment, impersonation,"
        + " romance, fake_support, marketplace, giveaway, general");
  }

  private static String channel(String text) {
    if (text != null && !text.matches("[a-z][a-z0-9_]{0,31}")) {
      throw ApiProblem.invalidField("contact_channel", "contact_channel is a short lower-case"
          + " name such as telegram, whatsapp, phone or email");
    }
    return text;
  }
}
