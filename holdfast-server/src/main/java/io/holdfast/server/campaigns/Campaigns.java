package io.holdfast.server.campaigns;

import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignCommand;
import io.holdfast.core.prevention.campaign.CampaignOutcome;
import io.holdfast.core.prevention.campaign.CampaignTerms;
import io.holdfast.core.prevention.campaign.DeliveryPolicy;
import io.holdfast.core.prevention.campaign.Segment;
import io.holdfast.core.prevention.campaign.SurgeDetector;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warning campaigns on this server: creating them, their commands (each in one transaction
 * with its audit record, under the campaign row's lock), previews, and the two timers, both
 * by the injected clock: the delivery of due rounds (on one background thread; the round's
 * lease keeps other instances out) and the daily surge detector. {@code
 * holdfast.campaigns.scheduled=false} turns both timers off; tests and the demo call
 * {@link #deliverDue()} and {@link #detectSurges()} themselves.
 */
@Service
public class Campaigns implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final AuditLog audit;
  private final MeterRegistry meters;
  private final CampaignRows rows;
  private final SegmentSql segments;
  private final CampaignDelivery delivery;
  private final SurgeProposals surges;
  private final boolean scheduled;
  private final LocalTime surgeAt;
  private final AtomicBoolean delivering = new AtomicBoolean();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "holdfast-campaigns");
    t.setDaemon(true);
    return t;
  });

  public Campaigns(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, AuditLog audit,
      MeterRegistry meters, @Value("${holdfast.campaigns.scheduled:true}") boolean scheduled,
      @Value("${holdfast.campaigns.surge-at:03:00}") String surgeAt,
      @Value("${holdfast.campaigns.chunk-size:1000}") int chunkSize,
      @Value("${holdfast.campaigns.weekly-alert-cap:2}") int weeklyAlertCap) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.audit = audit;
    this.meters = meters;
    this.rows = new CampaignRows(jdbc);
    this.segments = new SegmentSql(jdbc);
    this.delivery = new CampaignDelivery(jdbc, tx, clock,
        new DeliveryPolicy(weeklyAlertCap, Duration.ofDays(7)), chunkSize,
        "server_" + java.util.UUID.randomUUID());
    this.surges = new SurgeProposals(jdbc, tx, clock, SurgeDetector.defaults());
    this.scheduled = scheduled;
    this.surgeAt = LocalTime.parse(surgeAt);
  }

  /** Records a new draft, with its messages, audited. */
  public Campaign create(CampaignTerms terms) {
    return tx.execute(status -> {
      Campaign draft = new Campaign.Draft(terms, 1);
      io.holdfast.core.support.Invariants.check(rows.insert(draft, null),
          "campaign ids are new");
      audit.record(terms.createdBy(), "campaign.created", "campaign", terms.campaignId(), null,
          "DRAFT", terms.name());
      return draft;
    });
  }

  /** Runs a command on the campaign in one transaction; 404, 409, 403 or 422 when refused. */
  public Campaign apply(String campaignId, Function<Instant, CampaignCommand> command) {
    return tx.execute(status -> {
      Campaign before = rows.find(campaignId, true)
          .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId));
      CampaignCommand cmd = command.apply(clock.instant());
      CampaignOutcome outcome = before.handle(cmd);
      if (outcome instanceof CampaignOutcome.Rejected r) {
        throw problem(r);
      }
      Campaign next = ((CampaignOutcome.Accepted) outcome).next();
      String note = note(cmd);
      rows.update(before, next, note);
      audit.record(cmd.by(), "campaign." + verb(cmd), "campaign", campaignId,
          CampaignRows.state(before), CampaignRows.state(next), note);
      return next;
    });
  }

  private static String note(CampaignCommand cmd) {
    if (cmd instanceof CampaignCommand.Pause p) {
      return p.note();
    }
    if (cmd instanceof CampaignCommand.End e) {
      return e.note();
    }
    return cmd instanceof CampaignCommand.Dismiss d ? d.note() : null;
  }

  private static String verb(CampaignCommand cmd) {
    if (cmd instanceof CampaignCommand.Activate) {
      return "activated";
    }
    if (cmd instanceof CampaignCommand.Pause) {
      return "paused";
    }
    return cmd instanceof CampaignCommand.End ? "ended" : "dismissed";
  }

  private static ApiProblem problem(CampaignOutcome.Rejected r) {
    ProblemType type = switch (r.reason()) {
      case ALREADY_ENDED -> ProblemType.CAMPAIGN_ENDED;
      case SAME_PERSON -> ProblemType.SECOND_PERSON_REQUIRED;
      case NOT_ALLOWED -> ProblemType.CAMPAIGN_COMMAND_NOT_ALLOWED;
    };
    return new ApiProblem(type, r.explanation());
  }

  public Optional<Campaign> find(String campaignId) {
    return rows.find(campaignId, false);
  }

  public List<Campaign> list(String state, int limit) {
    return rows.list(state, limit);
  }

  public List<Map<String, Object>> rounds(String campaignId) {
    return new CampaignRounds(jdbc).ofCampaign(campaignId);
  }

  /** How many accounts are in the segment now. */
  public long preview(Segment segment) {
    return segments.count(segment, clock.instant());
  }

  /** Sends the due round of every active campaign on the caller's thread (tests, demo). */
  public Map<String, CampaignDelivery.Result> deliverDue() {
    return delivery.runDue();
  }

  /** Sends the campaign's due round on the caller's thread. */
  public CampaignDelivery.Result deliver(String campaignId) {
    return delivery.run(campaignId);
  }

  /** Starts delivering due rounds in the background unless this server is at it already. */
  public boolean submitDelivery() {
    if (!delivering.compareAndSet(false, true)) {
      return false;
    }
    executor.execute(() -> {
      try {
        delivery.runDue().forEach((id, result) -> meters.counter("holdfast.campaign.rounds",
            "result", result.name().toLowerCase(Locale.ROOT)).increment());
      } catch (RuntimeException e) {
        LOG.error("campaign delivery failed; the next poll continues it", e);
      } finally {
        delivering.set(false);
      }
    });
    return true;
  }

  /** Runs the surge detector now; returns the ids of the campaigns it proposed. */
  public List<String> detectSurges() {
    return surges.run();
  }

  @Scheduled(fixedDelayString = "${holdfast.campaigns.poll-millis:60000}")
  public void poll() {
    if (!scheduled) {
      return;
    }
    submitDelivery();
    ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
    if (!now.toLocalTime().isBefore(surgeAt) && !surges.ran(now.toLocalDate())) {
      try {
        detectSurges();
      } catch (RuntimeException e) {
        LOG.error("surge detection failed; the next poll tries again", e);
      }
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
