package io.holdfast.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.accounts.AccountRepository;
import io.holdfast.server.state.FeatureStateLoader;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A sender whose payment to a recipient was held pays the same recipient again: a smaller
 * payment is only remembered against the hold, one as large or larger is held by the default
 * rule {@code paid_more_after_a_hold}, and a restart rebuilds the memory from the holds table.
 */
class PaidMoreAfterAHoldIT extends PostgresServerTest {
  static final String RULE_REASON = "PAID_MORE_AFTER_A_HOLD";

  @Autowired
  AccountRepository accounts;
  @Autowired
  DataSource dataSource;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  Clock clock;

  /** A rule that holds exactly one transfer, so the sender's other payments meet the defaults. */
  private void holdOnly(String transferId) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", "hold_" + transferId.replace("-", "_"));
    rule.put("expression", "transfer.transfer_id == '" + transferId + "'");
    rule.put("outcome", "HOLD");
    rule.put("score", 0.2);
    rule.put("reason_code", "FIRST_HOLD_TEST");
    rule.put("description", "Held for a test.");
    assertThat(admin().post("/v1/rules", Api.json(rule)).status()).isEqualTo(201);
  }

  private static List<String> reasons(JsonNode decision) {
    List<String> codes = new ArrayList<>();
    decision.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
    return codes;
  }

  @Test
  void aLargerPaymentAfterAHoldIsHeldAndARestartRemembersTheHold() {
    String sender = id("s");
    String recipient = id("r");
    String first = id("t");
    holdOnly(first);
    assertThat(screenPayment(first, sender, recipient, 200_00).path("outcome").asString())
        .isEqualTo("HOLD");

    JsonNode smaller = screenPayment(id("t"), sender, recipient, 150_00);
    assertThat(smaller.path("features").path("sender_held_to_recipient_max_usd_minor")
        .asDouble()).isEqualTo(200_00);
    assertThat(reasons(smaller)).doesNotContain(RULE_REASON);

    JsonNode larger = screenPayment(id("t"), sender, recipient, 250_00);
    assertThat(larger.path("outcome").asString()).as(larger.toString()).isEqualTo("HOLD");
    assertThat(reasons(larger)).contains(RULE_REASON);
    assertThat(larger.path("hold").path("tier").asString()).isEqualTo("HIGH");

    JsonNode elsewhere = screenPayment(id("t"), sender, id("r"), 250_00);
    assertThat(elsewhere.path("features").path("sender_held_to_recipient_max_usd_minor")
        .asDouble()).as("another recipient").isZero();

    FeatureStore rebuilt = new FeatureStore();
    new FeatureStateLoader(rebuilt, accounts, dataSource, tx, clock).afterSingletonsInstantiated();
    Transfer next = new Transfer(id("t"), sender, new Counterparty.PlatformAccount(recipient),
        new Money(100_00, CurrencyCatalog.defaults().find("USD").orElseThrow()), "p2p",
        clock.instant());
    FeatureVector f = rebuilt.compute(next, 100_00, false, new FeatureVector());
    assertThat(f.get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR))
        .as("the largest held payment, read back from the holds table").isEqualTo(250_00);
  }
}
