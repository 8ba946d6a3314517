package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The investigation's graph front at the re-check: a held payment to an account that a frozen
 * scammer paid is escalated with that finding, while a held payment to an account that paid
 * the scammer (a victim) stays held.
 */
class FrozenPayersIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;

  private void pay(String sender, String recipient) {
    screenPayment(id("t"), sender, recipient, 5_000);
  }

  /** An active freeze of {@code account}, as a confirmed case's freeze is stored. */
  private void freeze(String account) {
    String caseId = id("case");
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("INSERT INTO cases (case_id, subject_key, state, scam_type, decided_by, decided_at,"
            + " restitution_round, created_at, updated_at, version)"
            + " VALUES (?, ?, 'CONFIRMED', 'INVESTMENT', 'analyst', ?, 0, ?, ?, 1)")
        .params(caseId, "a:" + account, now, now, now).update();
    jdbc.sql("INSERT INTO freezes (freeze_id, case_id, subject_key, account_id, active_subject,"
            + " basis, reason, kind, state, created_at, created_by, version)"
            + " VALUES (?, ?, ?, ?, ?, 'ANALYST', 'confirmed scammer', 'CONFIRMED', 'ACTIVE', ?,"
            + " 'analyst', 1)")
        .params(id("frz"), caseId, "a:" + account, account, "a:" + account, now).update();
  }

  private Map<String, Object> hold(String holdId) {
    return jdbc.sql("SELECT state, finding FROM holds WHERE hold_id = ?").param(holdId)
        .query().singleRow();
  }

  @Test
  void aPaymentToAnAccountAFrozenScammerPaidIsEscalatedAndOneToItsVictimIsNot() {
    String scammer = id("scammer");
    String mule = id("mule");
    String victim = id("victim");
    pay(scammer, mule);
    pay(victim, scammer);
    freeze(scammer);
    String toMule = screenHeld(id("s"), mule, 20_000, "GRAPH_TEST_HOLD")
        .path("hold").path("hold_id").asString();
    String toVictim = screenHeld(id("s"), victim, 20_000, "GRAPH_TEST_HOLD")
        .path("hold").path("hold_id").asString();

    HoldService later = holdService.withClock(
        Clock.fixed(Instant.now().plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
    for (int i = 0; i < 100 && later.recheckDue(500, HoldRechecker.ACTOR).checked() == 500; i++) {
      // Other tests' holds share the table; run until everything due was re-checked.
    }

    assertThat(hold(toMule).get("state")).isEqualTo("UNDER_INVESTIGATION");
    assertThat((String) hold(toMule).get("finding"))
        .isEqualTo("recipient was paid by " + scammer + ", now frozen as a confirmed scammer");
    assertThat(hold(toVictim).get("state")).isEqualTo("HELD");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = ?"
            + " AND action = 'hold.escalated' AND reason LIKE '%frozen as a confirmed scammer%'")
        .param(toMule).query(Long.class).single()).isEqualTo(1L);
  }
}
