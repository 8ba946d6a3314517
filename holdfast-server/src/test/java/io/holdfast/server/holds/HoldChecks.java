package io.holdfast.server.holds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the investigation-front tests share: run the re-check, read a hold's state. */
final class HoldChecks {
  private HoldChecks() {}

  /** Re-checks every hold due a quarter of an hour from now, in bounded batches. */
  static void recheckEverythingDue(HoldService holdService) {
    HoldService later = holdService.withClock(
        Clock.fixed(Instant.now().plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
    for (int i = 0; i < 100 && later.recheckDue(500, HoldRechecker.ACTOR).checked() == 500; i++) {
      // Other tests' holds share the table; run until everything due was re-checked.
    }
  }

  /** The hold's state and finding. */
  static Map<String, Object> stateAndFinding(JdbcClient jdbc, String holdId) {
    return jdbc.sql("SELECT state, finding FROM holds WHERE hold_id = ?").param(holdId)
        .query().singleRow();
  }
}
