package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The investigation's "earlier hold" front at the re-check: a sender's second held payment to a
 * recipient while their first is under investigation is escalated with that finding; another
 * sender's payment is not, nor is the second payment after the first was cancelled.
 */
class EarlierHoldOfSenderIT extends PostgresServerTest {
  static final String REASON = "EARLIER_TEST_HOLD";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;

  /** Senders and recipients are established accounts, so no other front finds anything. */
  private String held(String sender, String recipient) {
    return screenHeld(established(sender), established(recipient), 20_000, REASON).path("hold").path("hold_id").asString();
  }

  private Map<String, Object> hold(String holdId) {
    return HoldChecks.stateAndFinding(jdbc, holdId);
  }

  @Test
  void aSecondPaymentWhileTheFirstIsUnderInvestigationIsEscalated() {
    String recipient = id("r");
    String sender = id("s");
    String first = held(sender, recipient);
    Api.Response escalated = admin().post("/v1/holds/" + first + "/escalate",
        "{\"note\":\"the sender's bank called about this payee\"}");
    assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
    String second = held(sender, recipient);

    HoldChecks.recheckEverythingDue(holdService);

    assertThat(hold(second).get("state")).isEqualTo("UNDER_INVESTIGATION");
    assertThat((String) hold(second).get("finding"))
        .startsWith("the sender's earlier payment to this recipient, held since")
        .endsWith("is under investigation");
  }

  @Test
  void anotherSendersPaymentAndAPaymentAfterACancelAreNot() {
    String recipient = id("r");
    String sender = id("s");
    String first = held(sender, recipient);
    Api.Response cancelled = platform().send("POST", "/v1/holds/" + first + "/cancel", null,
        "application/json", Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    String again = held(sender, recipient);
    String investigated = held(id("s"), id("r"));
    assertThat(admin().post("/v1/holds/" + investigated + "/escalate", "{\"note\":\"x\"}")
        .status()).isEqualTo(200);

    HoldChecks.recheckEverythingDue(holdService);

    assertThat(hold(again).get("state")).isEqualTo("HELD");
    assertThat(hold(again).get("finding")).isNull();
  }
}
