package io.holdfast.server.sweeps;

import io.holdfast.core.graph.FundTrace;
import io.holdfast.core.graph.TraceBounds;
import io.holdfast.server.graph.SqlTransferGraph;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confirmed scammers for analysts: declare one (which queues a sweep for every account that
 * paid it), follow the sweep's progress, page through its victims, and trace its money forward
 * to the accounts that still hold it (freeze candidates, frozen through {@code POST /v1/freezes}
 * with the scammer's {@code case_id}).
 */
@RestController
@Tag(name = "Scammers")
public class ScammersController {
  /** How far back a sweep may look: beyond this the history is not a lead but a trawl. */
  static final Duration SINCE_MAX = Duration.ofDays(3 * 366);

  private final Sweeps sweeps;
  private final SweepRows rows;
  private final SweepViews views;
  private final SqlTransferGraph graph;
  private final TraceBounds traceBounds;
  private final TransferParser parser;
  private final Idempotency idempotency;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ScammerGraphs graphs;

  public ScammersController(Sweeps sweeps, SweepRows rows, SweepViews views,
      SqlTransferGraph graph, TraceBounds traceBounds, TransferParser parser,
      Idempotency idempotency, TransactionTemplate tx, Clock clock, ScammerGraphs graphs) {
    this.graphs = graphs;
    this.sweeps = sweeps;
    this.rows = rows;
    this.views = views;
    this.graph = graph;
    this.traceBounds = traceBounds;
    this.parser = parser;
    this.idempotency = idempotency;
    this.tx = tx;
    this.clock = clock;
  }

  /** The scammer: an account, or an address with its network; and from when to sweep. */
  public record ScammerBody(String recipientAccount, String recipientAddress, String network,
      @Schema(description = "ISO date or timestamp; default: the lookback window (180 days)")
      String since,
      @Schema(description = "why, for the audit log") String note) {}

  @Operation(summary = "Declare a confirmed scammer and queue a sweep for its victims")
  @PostMapping(path = "/v1/scammers", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> declare(@RequestBody ScammerBody body,
      HttpServletRequest request) {
    if (body == null) {
      throw ApiProblem.invalidField("body", "a body is required");
    }
    String subject = parser.recipient(body.recipientAccount(), body.recipientAddress(),
        body.network()).key();
    Instant since = since(body.since(), clock.instant());
    if (body.note() != null && body.note().length() > 1000) {
      throw ApiProblem.invalidField("note", "note is at most 1000 characters");
    }
    return idempotency.execute(request, () -> tx.execute(status -> {
      Sweeps.Requested r = sweeps.request(subject, Sweeps.Trigger.ANALYST, body.note(), since,
          Actor.current());
      return new Idempotency.Result(HttpStatus.ACCEPTED, view(r.scammerId()));
    }));
  }

  @Operation(summary = "A scammer, its cluster and its sweeps with their progress")
  @GetMapping(path = "/v1/scammers/{scammerId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String scammerId) {
    Ids.path("scammer_id", scammerId);
    return view(scammerId);
  }

  @Operation(summary = "A scammer's victims, by account and currency, paged")
  @GetMapping(path = "/v1/scammers/{scammerId}/victims",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> victims(@PathVariable String scammerId,
      @RequestParam(defaultValue = "") String after,
      @RequestParam(name = "after_currency", defaultValue = "") String afterCurrency,
      @RequestParam(defaultValue = "100") int limit) {
    Ids.path("scammer_id", scammerId);
    if (limit < 1 || limit > SweepViews.VICTIMS_PAGE_MAX) {
      throw ApiProblem.invalidField("limit", "limit must be 1 to " + SweepViews.VICTIMS_PAGE_MAX);
    }
    if (!after.isEmpty() && !Ids.valid(after)) {
      throw ApiProblem.invalidField("after", "after is the last victim_account of a page");
    }
    if (afterCurrency.length() > 10) {
      throw ApiProblem.invalidField("after_currency", "after_currency is a currency code");
    }
    rows.scammer(scammerId).orElseThrow(() -> ApiProblem.notFound("scammer " + scammerId));
    return views.victims(scammerId, after, afterCurrency, limit);
  }

  @Operation(summary = "Where the scammer's money went (first in, first out), and who still"
      + " holds it: freeze candidates")
  @GetMapping(path = "/v1/scammers/{scammerId}/trace", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> trace(@PathVariable String scammerId,
      @RequestParam(required = false) Integer hops,
      @RequestParam(name = "fan_out", required = false) Integer fanOut) {
    Ids.path("scammer_id", scammerId);
    if (hops != null && (hops < 0 || hops > 6)) {
      throw ApiProblem.invalidField("hops", "hops is 0 to 6");
    }
    if (fanOut != null && (fanOut < 1 || fanOut > 100)) {
      throw ApiProblem.invalidField("fan_out", "fan_out is 1 to 100");
    }
    SweepRows.Scammer s = rows.scammer(scammerId)
        .orElseThrow(() -> ApiProblem.notFound("scammer " + scammerId));
    if (!s.subjectKey().startsWith("a:")) {
      throw ApiProblem.invalidField("scammer_id", "an address's onward payments are not on the"
          + " platform; only an account's money can be traced here");
    }
    TraceBounds bounds = traceBounds.withHops(hops == null ? traceBounds.hops() : hops)
        .withFanOut(fanOut == null ? traceBounds.fanOut() : fanOut);
    Instant now = clock.instant();
    var result = new FundTrace(graph, bounds).run(s.subjectKey().substring(2),
        now.minus(sweeps.lookback()), now);
    return views.trace(scammerId, result);
  }

  @Operation(summary = "The scammer's money as a graph: the victims who paid most, the scammer"
      + " and its linked accounts, and the largest traced payments onward, each layer bounded"
      + " with a count of what was left out")
  @GetMapping(path = "/v1/scammers/{scammerId}/graph", produces = MediaType.APPLICATION_JSON_VALUE)
  public ScammerGraph graph(@PathVariable String scammerId) {
    Ids.path("scammer_id", scammerId);
    return graphs.of(rows.scammer(scammerId)
        .orElseThrow(() -> ApiProblem.notFound("scammer " + scammerId)));
  }

  private Map<String, Object> view(String scammerId) {
    SweepRows.Scammer s = rows.scammer(scammerId)
        .orElseThrow(() -> ApiProblem.notFound("scammer " + scammerId));
    return views.scammer(s, rows.sweepsOf(scammerId, 20));
  }

  /** An ISO date (midnight UTC) or timestamp, in the past and within {@link #SINCE_MAX}. */
  static Instant since(String text, Instant now) {
    if (text == null) {
      return null;
    }
    Instant at;
    if (text.length() == 10) {
      try {
        at = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw ApiProblem.invalidField("since", "since is an ISO date (2026-01-31) or timestamp"
            + " with an offset");
      }
    } else {
      at = Timestamps.parse("since", text);
    }
    if (!at.isBefore(now) || at.isBefore(now.minus(SINCE_MAX))) {
      throw ApiProblem.invalidField("since", "since is in the past, at most three years ago");
    }
    return at;
  }
}
