package io.holdfast.server.assessments;

import io.holdfast.core.prevention.AccountActivity;
import io.holdfast.core.prevention.Assessment;
import io.holdfast.core.prevention.AssessmentPolicy;
import io.holdfast.core.prevention.AssessmentPolicy.Decision;
import io.holdfast.core.prevention.Assessor;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.accounts.AccountRepository;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.prevention.AlertOptOuts;
import io.holdfast.server.prevention.PreventionMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily proactive risk assessment of every active account. A run is one row per day,
 * leased by one runner at a time, and advances in chunks of accounts in id order; each chunk's
 * assessments, messages, tasks and the run's cursor commit in one transaction, checked against
 * the lease under the run row's lock. A runner that dies leaves the cursor after its last
 * committed chunk and the lease to run out, and the next runner continues from there: nothing
 * is assessed, sent or opened twice. Used by the server's daily schedule and by
 * {@code holdfast assess}, which need no server.
 */
public final class AssessmentBatch {
  /** A runner renews its lease with every chunk; a chunk takes well under a second. */
  static final Duration LEASE = Duration.ofMinutes(2);
  /** Bounds one run: 100 million accounts at the largest chunk size. */
  static final int CHUNKS_MAX = 1_000_000;

  /** What a call to {@link #run} did. */
  public enum Result {
    DONE,
    ALREADY_DONE,
    LEASED_ELSEWHERE,
    LEASE_LOST
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Assessor assessor;
  private final AssessmentPolicy policy;
  private final int chunkSize;
  private final String owner;
  private final AssessmentRuns runs;
  private final ActivityReader reader;
  private final PreventionMessages messages;
  private final AlertOptOuts optOuts;
  private final AuditLog audit;
  private IntConsumer beforeCommit = chunk -> { };

  public AssessmentBatch(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
      Assessor assessor, AssessmentPolicy policy, int chunkSize, String owner) {
    Invariants.check(chunkSize >= 1 && chunkSize <= 10_000, "chunk size is 1 to 10,000");
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.assessor = assessor;
    this.policy = policy;
    this.chunkSize = chunkSize;
    this.owner = owner;
    this.runs = new AssessmentRuns(jdbc);
    this.reader = new ActivityReader(jdbc, new AccountRepository(JdbcClient.create(jdbc),
        clock));
    this.messages = new PreventionMessages(jdbc);
    this.audit = new AuditLog(jdbc, clock);
    this.optOuts = new AlertOptOuts(jdbc, tx, audit, clock);
  }

  private String actor() {
    return "assessments:" + owner;
  }

  /** For tests of crash recovery: runs inside each chunk's transaction, before it commits. */
  public void beforeCommit(IntConsumer hook) {
    this.beforeCommit = hook;
  }

  /** The assessment as of the start of {@code date}, over the policy's window before it. */
  public static Instant asOf(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Runs (or continues) the day's batch to its end, unless another runner holds it. */
  public Result run(LocalDate date) {
    Instant asOf = asOf(date);
    tx.executeWithoutResult(status -> {
      if (runs.create(date, asOf, assessor.version(), clock.instant())) {
        audit.record(actor(), "assessment.run_started", "assessment_run", date.toString(), null,
            "RUNNING", "as of " + asOf + ", assessor " + assessor.version());
      }
    });
    if (!runs.lease(date, owner, clock.instant(), clock.instant().plus(LEASE))) {
      return runs.view(date).map(v -> "done".equals(v.get("state"))).orElse(false)
          ? Result.ALREADY_DONE : Result.LEASED_ELSEWHERE;
    }
    FlaggedRecipients flagged = FlaggedRecipients.load(jdbc);
    ChunkWriter writer = new ChunkWriter(jdbc, messages);
    for (int chunk = 0; chunk < CHUNKS_MAX; chunk++) {
      int number = chunk;
      Optional<Boolean> more = tx.execute(status -> step(date, asOf, flagged, writer, number));
      if (more.isEmpty()) {
        return Result.LEASE_LOST;
      }
      if (!more.get()) {
        return Result.DONE;
      }
    }
    throw new IllegalStateException("assessment run " + date + " passed " + CHUNKS_MAX
        + " chunks");
  }

  /** One chunk in the caller's transaction: empty when the lease is gone, else whether more. */
  private Optional<Boolean> step(LocalDate date, Instant asOf, FlaggedRecipients flagged,
      ChunkWriter writer, int number) {
    Optional<String> cursor = runs.cursorIfLeased(date, owner);
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    ActivityReader.Chunk chunk = reader.read(cursor.get(), chunkSize,
        asOf.minus(policy.window()), asOf, flagged);
    if (chunk.accountsRead() == 0) {
      runs.finish(date, now);
      audit.record(actor(), "assessment.run_done", "assessment_run", date.toString(),
          "RUNNING", "DONE", String.valueOf(runs.view(date).orElseThrow()));
      return Optional.of(false);
    }
    Invariants.check(!chunk.lastAccountId().equals(cursor.get()), "the cursor must move");
    List<ChunkWriter.Outcome> outcomes = decide(chunk.activities(), now, writer);
    AssessmentRuns.ChunkCounts counts = writer.write(date, outcomes, chunk.activities().size(),
        now);
    runs.advance(date, chunk.lastAccountId(), counts, now.plus(LEASE));
    beforeCommit.accept(number);
    return Optional.of(true);
  }

  private List<ChunkWriter.Outcome> decide(List<AccountActivity> activities, Instant now,
      ChunkWriter writer) {
    List<Assessment> recorded = new ArrayList<>();
    List<Boolean> vulnerable = new ArrayList<>();
    for (AccountActivity activity : activities) {
      Assessment a = assessor.assess(activity);
      if (a.score() >= policy.recordScore()) {
        recorded.add(a);
        vulnerable.add(activity.vulnerable() || activity.chronicVictim());
      }
    }
    List<String> ids = recorded.stream().map(Assessment::accountId).toList();
    Map<String, Instant> lastSent = messages.lastSent(ids, "ASSESSMENT");
    Set<String> optedOut = optOuts.optedOut(ids, ChunkWriter.CHANNEL);
    Set<String> openTask = writer.withOpenTask(ids);
    List<ChunkWriter.Outcome> out = new ArrayList<>(recorded.size());
    for (int i = 0; i < recorded.size(); i++) {
      Assessment a = recorded.get(i);
      Decision d = policy.decide(a, now, lastSent.get(a.accountId()),
          optedOut.contains(a.accountId()), openTask.contains(a.accountId()));
      out.add(new ChunkWriter.Outcome(a, d, vulnerable.get(i)));
    }
    return out;
  }
}
