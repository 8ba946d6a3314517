package io.holdfast.server.lawenforcement;

import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.sweeps.Sweeps;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Law-enforcement requests. A supervisor records one (agency, reference, the accounts it names,
 * what it asks for) into a case; each named account is declared a scammer and swept, so the
 * victims the agency asks about are found at once. What it asks is not done automatically:
 * analysts act on it with the normal controls (a freeze with basis law_enforcement needs a
 * supervisor, an unfreeze two people), and the evidence export answers it.
 */
@RestController
@Tag(name = "Law enforcement")
public class LeRequestsController {
  static final int ACCOUNTS_MAX = 50;

  private final JdbcTemplate jdbc;
  private final CaseRows cases;
  private final Sweeps sweeps;
  private final AuditLog audit;
  private final Idempotency idempotency;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final Clock clock;

  public LeRequestsController(JdbcTemplate jdbc, CaseRows cases, Sweeps sweeps, AuditLog audit,
      Idempotency idempotency, TransactionTemplate tx, IdGenerator ids, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.sweeps = sweeps;
    this.audit = audit;
    this.idempotency = idempotency;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
  }

  /** A request as the agency made it. */
  public record LeRequestBody(
      @Schema(description = "e.g. Metropolitan Police") String agency,
      @Schema(description = "the agency's own reference") String reference,
      @Schema(description = "platform account ids the request names, 1 to 50") List<String> accounts,
      @Schema(description = "freeze, preserve or disclose") String requestedAction,
      @Schema(description = "the case to record it in; default: the first account's case")
      String caseId,
      String note) {}

  @Operation(summary = "Record a law-enforcement request into a case and sweep the accounts it"
      + " names")
  @PostMapping(path = "/v1/le-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody LeRequestBody body,
      HttpServletRequest request) {
    if (body == null) {
      throw ApiProblem.invalidField("body", "a body is required");
    }
    String agency = text("agency", body.agency(), 200, true);
    String reference = text("reference", body.reference(), 200, true);
    String note = text("note", body.note(), 4000, false);
    String action = action(body.requestedAction());
    List<String> accounts = accounts(body.accounts());
    if (body.caseId() != null) {
      Ids.require("case_id", body.caseId());
    }
    return idempotency.execute(request, () -> tx.execute(status -> {
      String requestId = record(agency, reference, action, note, body.caseId(), accounts);
      return new Idempotency.Result(HttpStatus.CREATED, view(requestId));
    }));
  }

  @Operation(summary = "A law-enforcement request with the scammers and sweeps it started")
  @GetMapping(path = "/v1/le-requests/{requestId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String requestId) {
    Ids.path("request_id", requestId);
    return view(requestId);
  }

  private String record(String agency, String reference, String action, String note,
      String caseIdGiven, List<String> accounts) {
    List<String> existing = jdbc.queryForList("SELECT request_id FROM le_requests WHERE agency = ?"
        + " AND reference = ?", String.class, agency, reference);
    if (!existing.isEmpty()) {
      throw new ApiProblem(ProblemType.CONFLICT, "request " + reference + " of " + agency
          + " was already recorded", Map.of("request_id", existing.get(0)));
    }
    Instant now = clock.instant();
    String actor = Actor.current();
    String caseId = caseIdGiven != null ? cases.lock(caseIdGiven).orElseThrow(
        () -> ApiProblem.notFound("case " + caseIdGiven)).caseId()
        : cases.openFor("a:" + accounts.get(0), null, now).caseId();
    String requestId = ids.next("ler");
    jdbc.update("INSERT INTO le_requests (request_id, case_id, agency, reference,"
        + " requested_action, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        requestId, caseId, agency, reference, action, note, actor, Timestamp.from(now));
    String ref = agency + " " + reference;
    for (String account : accounts) {
      Sweeps.Requested r = sweeps.request("a:" + account, Sweeps.Trigger.LAW_ENFORCEMENT, ref,
          null, actor);
      jdbc.update("INSERT INTO le_request_subjects (request_id, subject_key, scammer_id)"
          + " VALUES (?, ?, ?)", requestId, "a:" + account, r.scammerId());
    }
    cases.addNote(caseId, actor, "law-enforcement request " + ref + ": "
        + action.toLowerCase(Locale.ROOT) + " of " + String.join(", ", accounts)
        + (note == null ? "" : "; " + note), now);
    audit.record(actor, "le_request.recorded", "le_request", requestId, null, action,
        ref + " into case " + caseId + ", " + accounts.size() + " accounts swept");
    return requestId;
  }

  private Map<String, Object> view(String requestId) {
    Map<String, Object> v = jdbc.query("SELECT request_id, case_id, agency, reference,"
        + " requested_action, note, created_by, created_at FROM le_requests WHERE request_id = ?",
        (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("request_id", rs.getString(1));
          m.put("case_id", rs.getString(2));
          m.put("agency", rs.getString(3));
          m.put("reference", rs.getString(4));
          m.put("requested_action", rs.getString(5).toLowerCase(Locale.ROOT));
          m.put("note", rs.getString(6));
          m.put("created_by", rs.getString(7));
          m.put("created_at", rs.getTimestamp(8).toInstant().toString());
          return m;
        }, requestId).stream().findFirst()
        .orElseThrow(() -> ApiProblem.notFound("request " + requestId));
    v.put("subjects", jdbc.query("SELECT s.subject_key, s.scammer_id, (SELECT MAX(w.sweep_id)"
        + " FROM sweeps w WHERE w.scammer_id = s.scammer_id AND w.trigger_kind ="
        + " 'LAW_ENFORCEMENT') FROM le_request_subjects s WHERE s.request_id = ?"
        + " ORDER BY s.subject_key", (rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("subject", rs.getString(1));
          m.put("scammer_id", rs.getString(2));
          m.put("sweep_id", rs.getString(3));
          return m;
        }, requestId));
    return v;
  }

  private static List<String> accounts(List<String> given) {
    if (given == null || given.isEmpty() || given.size() > ACCOUNTS_MAX) {
      throw ApiProblem.invalidField("accounts", "name 1 to " + ACCOUNTS_MAX + " accounts");
    }
    List<String> out = new ArrayList<>(new LinkedHashSet<>(given));
    for (String id : out) {
      Ids.require("accounts", id);
    }
    return out;
  }

  private static String action(String text) {
    if (text != null && List.of("freeze", "preserve", "disclose").contains(text)) {
      return text.toUpperCase(Locale.ROOT);
    }
    throw ApiProblem.invalidField("requested_action", "requested_action is freeze, preserve or"
        + " disclose");
  }

  private static String text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ApiProblem.invalidField(field, field + " is required");
      }
      return null;
    }
    if (value.length() > max) {
      throw ApiProblem.invalidField(field, field + " is at most " + max + " characters");
    }
    return value;
  }
}
