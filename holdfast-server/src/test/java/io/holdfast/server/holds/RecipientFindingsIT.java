package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * At the deadline the investigation follows the recipient: two customers paying the same new
 * external address in a week keep both holds, while a customer paying a new address of their
 * own is released.
 */
class RecipientFindingsIT extends PostgresServerTest {
  @Autowired
  HoldService holdService;
  @Autowired
  JdbcClient jdbc;

  static String newAddress() {
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      sb.append("0123456789abcdef".charAt(ThreadLocalRandom.current().nextInt(16)));
    }
    return sb.toString();
  }

  /** A payment the sender's own rule holds, to an ETH address; returns the hold id. */
  private String heldToAddress(String sender, String address) {
    screenHeld(sender, id("warm-up"), 1_000, "TEST_HOLD");
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("sender_account", sender);
    t.put("recipient_address", address);
    t.put("network", "ETH");
    t.put("amount_minor", 40_000);
    t.put("currency", "USD");
    t.put("channel", "withdrawal");
    JsonNode decision = platform().post("/v1/transfers/screen", Api.json(t)).json();
    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("HOLD");
    return decision.path("hold").path("hold_id").asString();
  }

  @Test
  void twoCustomersPayingOneNewAddressKeepTheirHoldsAndOnesOwnWalletIsReleased() {
    String shared = newAddress();
    String first = heldToAddress(id("s"), shared);
    String second = heldToAddress(id("s"), shared);
    String own = heldToAddress(id("s"), newAddress());
    HoldService future =
        holdService.withClock(Clock.offset(Clock.systemUTC(), pastAnUnknownRecipientsHold()));
    for (int i = 0; i < 100 && future.sweepDue(500, "sweeper") > 0; i++) {
      // Sweep until nothing is due; extended holds are due again only 24 h later.
    }
    for (String holdId : new String[] {first, second}) {
      assertThat(row(holdId).get("state")).isIn("HELD", "UNDER_INVESTIGATION");
      assertThat(jdbc.sql("SELECT reason FROM audit_log WHERE entity_id = :id"
          + " AND action = 'hold.extended'").param("id", holdId).query(String.class).single())
          .as("the extension records why").contains("collected from 2 senders");
    }
    assertThat(row(own).get("state")).isEqualTo("RELEASED");
  }

  private Map<String, Object> row(String holdId) {
    return jdbc.sql("SELECT state FROM holds WHERE hold_id = :id").param("id", holdId)
        .query().singleRow();
  }
}
