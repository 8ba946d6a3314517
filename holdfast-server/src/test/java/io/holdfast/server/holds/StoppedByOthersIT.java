package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The investigation's "other senders" front at the re-check: once another sender cancelled a
 * held payment to a recipient, a held payment of someone else's to it is escalated with that
 * finding; the sender's own cancel, a cancel by an account opened days ago, a released hold
 * and an analyst's return for another reason do not count.
 */
class StoppedByOthersIT extends PostgresServerTest {
  static final String REASON = "STOPPED_TEST_HOLD";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;

  /** Senders are established accounts, so their payments make no new-account fan-in. */
  private String held(String sender, String recipient) {
    return screenHeld(established(sender), recipient, 20_000, REASON).path("hold").path("hold_id").asString();
  }

  private void cancel(String holdId, String sender) {
    Api.Response r = platform().send("POST", "/v1/holds/" + holdId + "/cancel", null,
        "application/json", Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private Map<String, Object> hold(String holdId) {
    return HoldChecks.stateAndFinding(jdbc, holdId);
  }

  private void recheckEverythingDue() {
    HoldChecks.recheckEverythingDue(holdService);
  }

  @Test
  void anotherSendersCancelEscalatesTheNextHoldButTheSendersOwnDoesNot() {
    String recipient = id("r");
    String first = id("s");
    cancel(held(first, recipient), first);
    String again = held(first, recipient);
    String other = held(id("s"), recipient);

    recheckEverythingDue();

    assertThat(hold(other).get("state")).isEqualTo("UNDER_INVESTIGATION");
    assertThat((String) hold(other).get("finding")).isEqualTo("1 other sender(s) stopped their"
        + " held payments to this recipient in the last 30 days (cancelled, or returned as a"
        + " suspected scam)");
    assertThat((String) hold(again).get("finding")).as("the sender's own cancel is no finding")
        .satisfiesAnyOf(f -> assertThat(f).isNull(),
            f -> assertThat(f).doesNotContain("stopped their held payments"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = ?"
            + " AND action = 'hold.escalated' AND reason LIKE '%other sender(s) stopped%'")
        .param(other).query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void aCancelByAnAccountOpenedDaysAgoIsNoFinding() {
    String recipient = id("r");
    String youngSender = account(id("s"),
        java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
    cancel(screenHeld(youngSender, recipient, 20_000, REASON).path("hold").path("hold_id")
        .asString(), youngSender);
    String next = held(id("s"), recipient);

    recheckEverythingDue();

    assertThat(hold(next).get("state")).isEqualTo("HELD");
    assertThat(hold(next).get("finding")).isNull();
  }

  @Test
  void releasedHoldsAndAnAnalystsReturnForAnotherReasonAreNoFinding() {
    String recipient = id("r");
    String released = held(id("s"), recipient);
    assertThat(admin().post("/v1/holds/" + released + "/release", "{\"note\":\"known payee\"}")
        .status()).isEqualTo(200);
    String returned = held(id("s"), recipient);
    assertThat(admin().post("/v1/holds/" + returned + "/return", "{\"note\":\"wrong amount\"}")
        .status()).isEqualTo(200);
    String next = held(id("s"), recipient);

    recheckEverythingDue();

    assertThat(hold(next).get("state")).isEqualTo("HELD");
    assertThat(hold(next).get("finding")).isNull();
  }
}
