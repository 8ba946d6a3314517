package io.holdfast.server.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.prevention.AssessmentPolicy;
import io.holdfast.core.prevention.Assessor;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run that dies mid-chunk loses that chunk's writes with it, keeps its lease until the lease
 * runs out (so a second runner stays away), and is continued by the next runner from its last
 * committed chunk: every exposed account gets exactly one message, and the run's counts equal
 * the rows it wrote.
 */
class AssessmentCrashIT extends AssessmentFixtures {
  @Autowired
  TransactionTemplate tx;

  AssessmentBatch runner(String owner, Clock clock) {
    return new AssessmentBatch(jdbc, tx, clock, Assessor.defaults(),
        AssessmentPolicy.defaults(), 50, owner);
  }

  @Test
  void aCrashedRunResumesWithoutSendingTwiceAndOneRunnerHoldsTheDay() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(60);
    String recipient = id("crash-r");
    account(recipient, "GB", List.of(), null);
    List<String> payers = List.of(id("crash-a"), id("crash-b"), id("crash-c"));
    for (String payer : payers) {
      account(payer, "GB", List.of(), null);
      pay(payer, recipient, null, 15_000, AssessmentBatch.asOf(day).minus(Duration.ofDays(3)));
      pay(payer, recipient, null, 15_000, AssessmentBatch.asOf(day).minus(Duration.ofDays(2)));
    }
    flag(recipient);

    AssessmentBatch dying = runner("dying", Clock.systemUTC());
    dying.beforeCommit(chunk -> {
      if (sent(day) > 0) {
        throw new IllegalStateException("killed before commit, with messages written");
      }
    });
    assertThatThrownBy(() -> dying.run(day)).hasMessageContaining("killed before commit");
    Map<String, Object> crashed = run(day);
    assertThat(crashed.get("state")).isEqualTo("RUNNING");
    assertThat(sent(day)).as("the dead chunk's messages rolled back").isZero();
    assertThat(crashed.get("messages_sent")).isEqualTo(0L);

    assertThat(runner("second", Clock.systemUTC()).run(day))
        .as("the lease keeps a second runner out").isEqualTo(AssessmentBatch.Result.LEASED_ELSEWHERE);
    Clock afterLease = Clock.offset(Clock.systemUTC(), AssessmentBatch.LEASE.plusSeconds(1));
    assertThat(runner("second", afterLease).run(day)).isEqualTo(AssessmentBatch.Result.DONE);

    for (String payer : payers) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prevention_messages"
          + " WHERE account_id = ? AND source_ref = ?", Long.class, payer, day.toString()))
          .isEqualTo(1);
    }
    Map<String, Object> done = run(day);
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type ="
        + " 'assessment_run' AND entity_id = ? ORDER BY audit_id", String.class, day.toString()))
        .containsExactly("assessment.run_started", "assessment.run_done");
    assertThat(done.get("state")).isEqualTo("DONE");
    assertThat(done.get("messages_sent")).isEqualTo(sent(day));
    assertThat(done.get("exposures_recorded")).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM assessments WHERE run_date = ?", Long.class, Date.valueOf(day)));
    assertThat(done.get("tasks_opened")).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM call_tasks WHERE task_id LIKE ?", Long.class,
        "assess_" + day + "_%"));
    assertThat(done.get("accounts_assessed")).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM accounts WHERE status = 'ACTIVE'", Long.class));
  }

  private long sent(LocalDate day) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM prevention_messages WHERE source_ref = ?"
        + " AND source = 'ASSESSMENT'", Long.class, day.toString());
  }

  private Map<String, Object> run(LocalDate day) {
    return jdbc.queryForMap("SELECT state, messages_sent, exposures_recorded, tasks_opened,"
        + " accounts_assessed FROM assessment_runs WHERE run_date = ?", Date.valueOf(day));
  }
}
