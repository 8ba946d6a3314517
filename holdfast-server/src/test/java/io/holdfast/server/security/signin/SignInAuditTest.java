package io.holdfast.server.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.support.ManualClock;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.signin.SignInLimits.Failure;
import io.holdfast.server.security.signin.SignInLimits.Scope;
import io.holdfast.server.security.signin.SignInLimits.Throttled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Which failures become audit rows, and the per-minute bound on them. */
class SignInAuditTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-10-01T00:00:30Z"));
  private final List<List<String>> rows = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SignInAudit audit = new SignInAudit(new AuditLog(null, clock) {
    @Override
    public void record(String actor, String action, String entityType, String entityId,
        String before, String after, String reason) {
      rows.add(List.of(actor, action, entityType, entityId, after));
    }
  }, new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(), clock, meters);

  @Test
  void aFailureWithinTheAllowancesIsOneRowAndEachThrottleStartedIsOneRowOfItsOwn() {
    audit.failed("ivy", "192.0.2.9", new Failure(2, List.of()));
    audit.failed("ivy", "192.0.2.9", new Failure(5, List.of(
        new Throttled(Scope.PAIR, 5, Duration.ofSeconds(1)),
        new Throttled(Scope.ADDRESS, 30, Duration.ofMillis(1500)))));
    assertThat(rows).containsExactly(
        List.of("address:192.0.2.9", "auth.sign_in_failed", "user", "ivy",
            "{\"username\":\"ivy\",\"address\":\"192.0.2.9\",\"failures\":2}"),
        List.of("address:192.0.2.9", "auth.throttled", "user", "ivy",
            "{\"username\":\"ivy\",\"address\":\"192.0.2.9\",\"scope\":\"pair\",\"failures\":5,"
                + "\"retry_after_seconds\":1}"),
        List.of("address:192.0.2.9", "auth.throttled", "address", "192.0.2.9",
            "{\"username\":\"ivy\",\"address\":\"192.0.2.9\",\"scope\":\"address\","
                + "\"failures\":30,\"retry_after_seconds\":2}"));
  }

  @Test
  void pastTheMinutesBudgetRowsAreCountedNotWrittenUntilTheNextMinute() {
    for (int i = 0; i < SignInAudit.ROWS_PER_MINUTE_MAX + 50; i++) {
      audit.failed("user-" + i, "192.0.2.10", new Failure(1, List.of()));
    }
    assertThat(rows).hasSize(SignInAudit.ROWS_PER_MINUTE_MAX);
    assertThat(meters.get("holdfast.sign_in.audit_suppressed").counter().count()).isEqualTo(50);
    clock.set(Instant.parse("2026-10-01T00:01:00Z"));
    audit.failed("next-minute", "192.0.2.10", new Failure(1, List.of()));
    assertThat(rows).hasSize(SignInAudit.ROWS_PER_MINUTE_MAX + 1);
  }

  @Test
  void aLongUsernameIsCutToWhatTheLogHolds() {
    audit.failed("u".repeat(5_000), "192.0.2.11", new Failure(1, List.of()));
    assertThat(rows.get(0).get(3)).hasSize(100);
  }

  /** Runs the callback as if in a transaction: the audit log here is a list. */
  private static final class NoTransactions extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
