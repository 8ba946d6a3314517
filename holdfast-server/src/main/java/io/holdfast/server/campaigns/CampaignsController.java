package io.holdfast.server.campaigns;

import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignCommand;
import io.holdfast.core.prevention.campaign.CampaignTerms;
import io.holdfast.core.prevention.campaign.Segment;
import io.holdfast.server.campaigns.CampaignBodies.CampaignBody;
import io.holdfast.server.campaigns.CampaignBodies.NoteBody;
import io.holdfast.server.campaigns.CampaignBodies.SegmentBody;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.security.Actor;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Notes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targeted warning campaigns: analysts create, preview and read them; someone who did not
 * create it activates one (a supervisor too needs a second person); analysts pause, end and
 * dismiss; the surge
 * detector and the delivery of due rounds can be run now.
 */
@RestController
@Tag(name = "Campaigns")
public class CampaignsController {
  private final Campaigns campaigns;
  private final Idempotency idempotency;
  private final IdGenerator ids;
  private final Clock clock;

  public CampaignsController(Campaigns campaigns, Idempotency idempotency, IdGenerator ids,
      Clock clock) {
    this.campaigns = campaigns;
    this.idempotency = idempotency;
    this.ids = ids;
    this.clock = clock;
  }

  @Operation(summary = "Create a campaign (a draft, until a second person activates it)")
  @PostMapping(path = "/v1/campaigns", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody CampaignBody body,
      HttpServletRequest request) {
    CampaignTerms terms = CampaignBodies.terms(body, ids.next("cmp"), Actor.current(),
        clock.instant());
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.CREATED,
        CampaignViews.view(campaigns.create(terms))));
  }

  @Operation(summary = "Campaigns, newest first, optionally in one state")
  @GetMapping(path = "/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> list(@RequestParam(required = false) String state,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > CampaignRows.LIST_MAX) {
      throw ApiProblem.invalidField("limit", "limit must be 1 to " + CampaignRows.LIST_MAX);
    }
    return Map.of("campaigns", CampaignViews.views(campaigns.list(CampaignBodies.state(state),
        limit)));
  }

  @Operation(summary = "A campaign, with its rounds and what each sent")
  @GetMapping(path = "/v1/campaigns/{campaignId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String campaignId) {
    Ids.path("campaign_id", campaignId);
    Campaign c = campaigns.find(campaignId)
        .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId));
    Map<String, Object> out = new LinkedHashMap<>(CampaignViews.view(c));
    out.put("rounds", campaigns.rounds(campaignId));
    return out;
  }

  @Operation(summary = "How many accounts a segment selects now")
  @PostMapping(path = "/v1/campaigns/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> preview(@RequestBody SegmentBody body) {
    Segment segment = CampaignBodies.segment(body);
    Instant now = clock.instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("as_of", now.toString());
    out.put("segment", SegmentCodec.view(segment));
    out.put("accounts", campaigns.preview(segment));
    return out;
  }

  @Operation(summary = "Activate a draft, a proposal or a paused campaign (someone other than"
      + " its creator, whatever the creator's roles)")
  @PostMapping(path = "/v1/campaigns/{campaignId}/activate",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> activate(@PathVariable String campaignId,
      HttpServletRequest request) {
    String actor = Actor.current();
    return command(campaignId, request, at -> new CampaignCommand.Activate(actor, at));
  }

  @Operation(summary = "Pause an active campaign between chunks")
  @PostMapping(path = "/v1/campaigns/{campaignId}/pause",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> pause(@PathVariable String campaignId,
      @RequestBody NoteBody body, HttpServletRequest request) {
    String note = note(body, false);
    String actor = Actor.current();
    return command(campaignId, request, at -> new CampaignCommand.Pause(actor, at, note));
  }

  @Operation(summary = "End an active or paused campaign for good")
  @PostMapping(path = "/v1/campaigns/{campaignId}/end",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> end(@PathVariable String campaignId, @RequestBody NoteBody body,
      HttpServletRequest request) {
    String note = note(body, false);
    String actor = Actor.current();
    return command(campaignId, request, at -> new CampaignCommand.End(actor, at, note));
  }

  @Operation(summary = "Dismiss a proposal or a draft, with why")
  @PostMapping(path = "/v1/campaigns/{campaignId}/dismiss",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> dismiss(@PathVariable String campaignId,
      @RequestBody NoteBody body, HttpServletRequest request) {
    String note = note(body, true);
    String actor = Actor.current();
    return command(campaignId, request, at -> new CampaignCommand.Dismiss(actor, at, note));
  }

  @Operation(summary = "Send the due rounds of active campaigns now, in the background (202)")
  @PostMapping(path = "/v1/campaigns/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> deliver(HttpServletRequest request) {
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.ACCEPTED,
        Map.of("started", campaigns.submitDelivery())));
  }

  @Operation(summary = "Run the surge detector now; returns the campaigns it proposed")
  @PostMapping(path = "/v1/campaigns/surges", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> surges(HttpServletRequest request) {
    return idempotency.execute(request, () -> {
      List<String> proposed = campaigns.detectSurges();
      List<Map<String, Object>> views = proposed.stream()
          .map(id -> CampaignViews.view(campaigns.find(id).orElseThrow())).toList();
      return new Idempotency.Result(HttpStatus.OK, Map.of("proposed", views));
    });
  }

  private ResponseEntity<String> command(String campaignId, HttpServletRequest request,
      Function<Instant, CampaignCommand> command) {
    Ids.path("campaign_id", campaignId);
    return idempotency.execute(request, () -> new Idempotency.Result(HttpStatus.OK,
        CampaignViews.view(campaigns.apply(campaignId, command))));
  }

  private static String note(NoteBody body, boolean required) {
    return Notes.check("note", body == null ? null : body.note(), required, 1000);
  }
}
