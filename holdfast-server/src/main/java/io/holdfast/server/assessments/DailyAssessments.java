package io.holdfast.server.assessments;

import io.holdfast.core.prevention.AssessmentPolicy;
import io.holdfast.core.prevention.Assessor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the daily assessment on this server: at the configured time of day (UTC) by the
 * injected clock, for that day, and when an operator asks for a day. Runs go to one background
 * thread; the run row's lease keeps other instances from running the same day at once, and a
 * day that is done is not run again. A day missed while every instance was down is not back
 * filled: an assessment of stale days helps nobody, the next day's covers the same window.
 */
@Service
public class DailyAssessments implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(DailyAssessments.class);

  private final AssessmentBatch batch;
  private final AssessmentRuns runs;
  private final Clock clock;
  private final boolean daily;
  private final LocalTime at;
  private final MeterRegistry meters;
  private final AtomicReference<LocalDate> running = new AtomicReference<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "holdfast-assessments");
    t.setDaemon(true);
    return t;
  });

  public DailyAssessments(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
      MeterRegistry meters, @Value("${holdfast.assessments.daily:true}") boolean daily,
      @Value("${holdfast.assessments.at:02:00}") String at,
      @Value("${holdfast.assessments.chunk-size:1000}") int chunkSize) {
    this.batch = new AssessmentBatch(jdbc, tx, clock, Assessor.defaults(),
        AssessmentPolicy.defaults(), chunkSize, "server_" + java.util.UUID.randomUUID());
    this.runs = new AssessmentRuns(jdbc);
    this.clock = clock;
    this.daily = daily;
    this.at = LocalTime.parse(at);
    this.meters = meters;
  }

  @Scheduled(fixedDelayString = "${holdfast.assessments.poll-millis:30000}")
  public void poll() {
    if (!daily) {
      return;
    }
    ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
    if (!now.toLocalTime().isBefore(at)) {
      LocalDate today = now.toLocalDate();
      boolean done = runs.view(today).map(v -> "done".equals(v.get("state"))).orElse(false);
      if (!done) {
        submit(today);
      }
    }
  }

  /** Starts the day's run in the background unless this server is running one already. */
  public boolean submit(LocalDate date) {
    if (!running.compareAndSet(null, date)) {
      return false;
    }
    executor.execute(() -> {
      try {
        AssessmentBatch.Result result = batch.run(date);
        meters.counter("holdfast.assessment.runs", "result",
            result.name().toLowerCase(java.util.Locale.ROOT)).increment();
      } catch (RuntimeException e) {
        LOG.error("assessment run {} failed; the next poll continues it", date, e);
      } finally {
        running.set(null);
      }
    });
    return true;
  }

  /** Runs the day now, on the caller's thread, for tests and the demo. */
  public AssessmentBatch.Result runNow(LocalDate date) {
    return batch.run(date);
  }

  public Optional<Map<String, Object>> view(LocalDate date) {
    return runs.view(date);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
