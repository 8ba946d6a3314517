package io.holdfast.server.campaigns;

import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignCommand;
import io.holdfast.core.prevention.campaign.CampaignOutcome;
import io.holdfast.core.prevention.campaign.DeliveryPolicy;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import io.holdfast.server.support.RunLease;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due round of active campaigns. A round is one row per campaign and round number,
 * leased by one runner at a time, and advances in chunks of the segment's members in account id
 * order, the segment evaluated as of the round's start; each chunk's messages, holdouts and the
 * round's cursor commit in one transaction, under the campaign row's lock (so a pause takes
 * effect between chunks) and checked against the lease. A runner that dies leaves the cursor
 * after its last committed chunk; the next continues from there, and message ids
 * ({@code campaign:{campaign}:{account}:{round}}) make a repeat impossible anyway.
 */
public final class CampaignDelivery {
  /** A runner renews its lease with every chunk; a chunk takes well under a second. */
  static final Duration LEASE = Duration.ofMinutes(2);
  /** Bounds one round: 100 million accounts at the largest chunk size. */
  static final int CHUNKS_MAX = 1_000_000;

  /** What a call to {@link #run} did. */
  public enum Result {
    DONE,
    ALREADY_DONE,
    NOT_DUE,
    NOT_ACTIVE,
    ENDED_BY_SCHEDULE,
    STOPPED,
    LEASED_ELSEWHERE,
    LEASE_LOST
  }

  private enum Step {
    MORE,
    DONE,
    STOPPED,
    LOST
  }

  private final TransactionTemplate tx;
  private final Clock clock;
  private final int chunkSize;
  private final String owner;
  private final CampaignRows rows;
  private final CampaignRounds rounds;
  private final SegmentSql segments;
  private final ChunkSender sender;
  private final AuditLog audit;
  private IntConsumer beforeCommit = chunk -> { };

  public CampaignDelivery(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
      DeliveryPolicy policy, int chunkSize, String owner) {
    Invariants.check(chunkSize >= 1 && chunkSize <= 5_000, "chunk size is 1 to 5,000");
    this.tx = tx;
    this.clock = clock;
    this.chunkSize = chunkSize;
    this.owner = owner;
    this.rows = new CampaignRows(jdbc);
    this.rounds = new CampaignRounds(jdbc);
    this.segments = new SegmentSql(jdbc);
    this.audit = new AuditLog(jdbc, clock);
    this.sender = new ChunkSender(jdbc, tx, clock, policy, audit);
  }

  private String actor() {
    return "campaigns:" + owner;
  }

  /** For tests of crash recovery: runs inside each chunk's transaction, before it commits. */
  public void beforeCommit(IntConsumer hook) {
    this.beforeCommit = hook;
  }

  /** Runs the due round of every active campaign, in id order. */
  public Map<String, Result> runDue() {
    Map<String, Result> out = new LinkedHashMap<>();
    for (String id : rows.activeIds()) {
      out.put(id, run(id));
    }
    return out;
  }

  /** Sends (or continues) the campaign's round due now, unless another runner holds it. */
  public Result run(String campaignId) {
    Instant now = clock.instant();
    Optional<Campaign> found = rows.find(campaignId, false);
    if (found.isEmpty() || !(found.get() instanceof Campaign.Active active)) {
      return Result.NOT_ACTIVE;
    }
    if (active.terms().schedule().over(now)) {
      endBySchedule(campaignId);
      return Result.ENDED_BY_SCHEDULE;
    }
    Optional<Integer> round = active.terms().schedule().roundAt(now);
    if (round.isEmpty()) {
      return Result.NOT_DUE;
    }
    return runRound(active, round.get(), now);
  }

  private Result runRound(Campaign.Active c, int round, Instant now) {
    String id = c.campaignId();
    tx.executeWithoutResult(status -> {
      if (rounds.create(id, round, now, now)) {
        audit.record(actor(), "campaign.round_started", "campaign", id, null,
            "round " + round, "segment as of " + now);
      }
    });
    if (!rounds.lease(id, round, owner, now, now.plus(LEASE))) {
      return rounds.view(id, round).map(v -> "done".equals(v.get("state"))).orElse(false)
          ? Result.ALREADY_DONE : Result.LEASED_ELSEWHERE;
    }
    for (int chunk = 0; chunk < CHUNKS_MAX; chunk++) {
      int number = chunk;
      Step step = tx.execute(status -> step(id, round, number));
      switch (step) {
        case DONE:
          return Result.DONE;
        case STOPPED:
          return Result.STOPPED;
        case LOST:
          return Result.LEASE_LOST;
        default:
          break;
      }
    }
    throw new IllegalStateException("campaign " + id + " round " + round + " passed "
        + CHUNKS_MAX + " chunks");
  }

  /** One chunk in the caller's transaction. */
  private Step step(String id, int round, int number) {
    Optional<RunLease.Cursor> leased = rounds.cursorIfLeased(id, round, owner);
    if (leased.isEmpty()) {
      return Step.LOST;
    }
    Optional<Campaign> now = rows.find(id, true);
    if (now.isEmpty() || !(now.get() instanceof Campaign.Active c)) {
      rounds.release(id, round, owner);
      return Step.STOPPED;
    }
    String cursor = leased.get().afterAccount();
    Instant asOf = leased.get().asOf();
    Instant at = clock.instant();
    List<SegmentSql.Member> members = segments.page(c.terms().segment(), asOf, cursor,
        chunkSize);
    if (members.isEmpty()) {
      rounds.finish(id, round, at);
      audit.record(actor(), "campaign.round_done", "campaign", id, "round " + round,
          String.valueOf(rounds.view(id, round).orElseThrow()), null);
      return Step.DONE;
    }
    String last = members.get(members.size() - 1).accountId();
    Invariants.check(!last.equals(cursor), "the cursor must move");
    CampaignRounds.ChunkCounts counts = sender.send(c, round, members, at);
    rounds.advance(id, round, last, counts, at.plus(LEASE));
    beforeCommit.accept(number);
    return Step.MORE;
  }

  /** Ends an active or paused campaign whose window is over. */
  void endBySchedule(String campaignId) {
    tx.executeWithoutResult(status -> rows.find(campaignId, true).ifPresent(c -> {
      if (c instanceof Campaign.Active || c instanceof Campaign.Paused) {
        Instant at = clock.instant();
        CampaignOutcome o = c.handle(new CampaignCommand.End("system:schedule", at,
            "the schedule's window is over"));
        if (o instanceof CampaignOutcome.Accepted a) {
          rows.update(c, a.next(), "the schedule's window is over");
          audit.record("system:schedule", "campaign.ended", "campaign", campaignId,
              CampaignRows.state(c), "ENDED", "the schedule's window is over");
        }
      }
    }));
  }
}
