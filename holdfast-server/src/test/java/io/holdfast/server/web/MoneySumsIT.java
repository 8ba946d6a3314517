package io.holdfast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.money.Money;
import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Totals of money never wrap: the statistics add amounts exactly while they fit in a long and
 * report {@link Long#MAX_VALUE} once they do not, both when Java adds them (hold statistics)
 * and when PostgreSQL does (SUM over bigint is numeric, which a long cannot always hold). Rows
 * above today's input bound stand for what an earlier version accepted (up to 10^18 minor units
 * each); new input above the bound is refused by name.
 */
class MoneySumsIT extends PostgresServerTest {
  private static final long BOUND = Money.ACCEPTED_MAX_MINOR;
  private static final long OLD_BOUND = Money.MAX_MINOR;

  @Autowired
  JdbcClient jdbc;

  @Test
  void twelveHugeHoldsAddUpExactlyThenSaturateInsteadOfTurningNegative() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    // Holds other tests placed since then count too, so the total is compared with before.
    long before = stats(since).path("amount_held_usd_minor").asLong();
    String sender = id("s");
    List<String> holdIds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      holdIds.add(screenHeld(sender, id("r"), BOUND, "TEST_HUGE").path("hold").path("hold_id")
          .asString());
    }
    JsonNode exact = stats(since);
    assertThat(exact.path("amount_held_usd_minor").asLong()).as(exact.toString())
        .isEqualTo(before + 12 * BOUND);

    try {
      setAmounts("holds", "hold_id", holdIds, OLD_BOUND);
      JsonNode saturated = stats(since);
      assertThat(saturated.path("amount_held_usd_minor").asLong()).as(saturated.toString())
          .isEqualTo(Long.MAX_VALUE);
      assertThat(saturated.path("by_resolution").path("held").path("amount_usd_minor").asLong())
          .isEqualTo(Long.MAX_VALUE);
    } finally {
      setAmounts("holds", "hold_id", holdIds, BOUND);
    }
  }

  @Test
  void frozenTotalsSummedByTheDatabaseSaturateInsteadOfFailing() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    List<String> freezeIds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Api.Response created = admin().post("/v1/freezes", "{\"recipient_account\":\""
          + id("mule") + "\",\"basis\":\"analyst\",\"reason\":\"mule account in a test\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String freezeId = created.json().path("freeze_id").asString();
      Api.Response funds = platform().post("/v1/freezes/" + freezeId + "/funds",
          "{\"currency\":\"USD\",\"amount_minor\":" + BOUND + "}");
      assertThat(funds.status()).as(funds.body()).isEqualTo(200);
      freezeIds.add(freezeId);
    }
    try {
      setAmounts("frozen_funds", "freeze_id", freezeIds, OLD_BOUND);
      Api.Response r = admin().get("/v1/stats/recovery?since=" + since);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().path("frozen_minor").path("USD").asLong()).as(r.body())
          .isEqualTo(Long.MAX_VALUE);
    } finally {
      setAmounts("frozen_funds", "freeze_id", freezeIds, BOUND);
    }
  }

  /**
   * Sets stored amounts directly, as an earlier version could have written them; the tests
   * share one database, so each puts the amounts back afterwards (the sandbox ledger's checks
   * sum every active hold, and must keep matching its escrow).
   */
  private void setAmounts(String table, String idColumn, List<String> ids, long amountMinor) {
    jdbc.sql("UPDATE " + table + " SET amount_minor = :a WHERE " + idColumn + " IN (:ids)")
        .param("a", amountMinor).param("ids", ids).update();
  }

  @Test
  void anAmountAboveTheBoundIsRefusedByName() {
    String transfer = "{\"transfer_id\":\"" + id("t") + "\",\"sender_account\":\"" + id("s")
        + "\",\"recipient_account\":\"" + id("r") + "\",\"amount_minor\":" + (BOUND + 1)
        + ",\"currency\":\"USD\",\"channel\":\"p2p\"}";
    Api.Response screened = platform().post("/v1/transfers/screen", transfer);
    assertThat(screened.status()).as(screened.body()).isEqualTo(400);
    assertThat(screened.json().path("field").asString()).isEqualTo("amount_minor");

    Api.Response created = admin().post("/v1/freezes", "{\"recipient_account\":\""
        + id("mule") + "\",\"basis\":\"analyst\",\"reason\":\"mule account in a test\"}");
    String freezeId = created.json().path("freeze_id").asString();
    Api.Response funds = platform().post("/v1/freezes/" + freezeId + "/funds",
        "{\"currency\":\"USD\",\"amount_minor\":" + Long.MAX_VALUE + "}");
    assertThat(funds.status()).as(funds.body()).isEqualTo(400);
    assertThat(funds.json().path("field").asString()).isEqualTo("amount_minor");
  }

  private JsonNode stats(Instant since) {
    Api.Response r = admin().get("/v1/stats/holds?since=" + since);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
