package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.PostgresServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The investigation's "held alongside" front at the re-check: two unrelated senders held on
 * their way to one recipient in the same window corroborate each other, and both holds are
 * escalated with that finding. A hold that ended before the other was placed, a hold an analyst
 * released, a hold of an account opened days ago, and a busy recipient whose held payers are
 * few among many are no finding.
 */
class HeldAlongsideIT extends PostgresServerTest {
  static final String REASON = "ALONGSIDE_TEST_HOLD";
  static final String FINDING = "1 other sender(s) had payments to this recipient held while"
      + " this one was held";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;

  private String held(String sender, String recipient) {
    return screenHeld(established(sender), recipient, 20_000, REASON).path("hold")
        .path("hold_id").asString();
  }

  private Map<String, Object> hold(String holdId) {
    return HoldChecks.stateAndFinding(jdbc, holdId);
  }

  private void recheckEverythingDue() {
    HoldChecks.recheckEverythingDue(holdService);
  }

  @Test
  void twoSendersHeldOnTheirWayToOneRecipientCorroborateEachOther() {
    String recipient = established(id("r"));
    String first = held(id("s"), recipient);
    String second = held(id("s"), recipient);

    recheckEverythingDue();

    for (String h : new String[] {first, second}) {
      assertThat(hold(h).get("state")).as(h).isEqualTo("UNDER_INVESTIGATION");
      assertThat((String) hold(h).get("finding")).startsWith(FINDING);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = ?"
            + " AND action = 'hold.escalated' AND reason LIKE '%held while this one was held%'")
        .param(first).query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void aHoldAnAnalystReleasedOrOneThatEndedBeforeIsNoFinding() {
    String recipient = established(id("r"));
    String released = held(id("s"), recipient);
    assertThat(admin().post("/v1/holds/" + released + "/release", "{\"note\":\"known payee\"}")
        .status()).isEqualTo(200);
    String next = held(id("s"), recipient);

    recheckEverythingDue();

    assertThat(hold(next).get("state")).isEqualTo("HELD");
    assertThat(hold(next).get("finding")).isNull();
  }

  @Test
  void aHoldOfAnAccountOpenedDaysAgoCorroboratesNothing() {
    String recipient = established(id("r"));
    String youngSender = account(id("s"),
        java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
    screenHeld(youngSender, recipient, 20_000, REASON);
    String established = held(id("s"), recipient);

    recheckEverythingDue();

    assertThat(hold(established).get("state")).isEqualTo("HELD");
    assertThat(hold(established).get("finding")).isNull();
  }

  @Test
  void aBusyRecipientWithFewHeldPayersAmongManyIsNoFinding() {
    String shop = established(id("shop"));
    for (int i = 0; i < 6; i++) {
      assertThat(screenPayment(id("t"), established(id("c")), shop, 2_500).path("outcome")
          .asString()).isNotEqualTo("HOLD");
    }
    String first = held(id("s"), shop);
    String second = held(id("s"), shop);

    recheckEverythingDue();

    assertThat(hold(first).get("state")).as("1 held of 8 payers").isEqualTo("HELD");
    assertThat(hold(second).get("state")).isEqualTo("HELD");
  }
}
