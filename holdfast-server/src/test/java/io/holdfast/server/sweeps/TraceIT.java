package io.holdfast.server.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Following the money on PostgreSQL: the trace names the accounts that still hold traced money
 * with the amount (first in, first out), never more than entered, stops at its bounds, and an
 * analyst's freeze of a candidate into the scammer's case shows on the trace.
 */
class TraceIT extends SweepTestSupport {
  @Test
  void theTraceNamesWhoStillHoldsTheMoneyAndAFreezeJoinsTheCase() {
    String scammer = id("scam");
    String mule = id("mule");
    String keeper = id("keeper");
    Instant t = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
    transfer(id("v"), scammer, 10_000, t);
    transfer(id("v"), scammer, 5_000, t.plusSeconds(10));
    transfer(scammer, mule, 12_000, t.plusSeconds(60));
    transfer(id("friend"), mule, 1_000, t.plusSeconds(30));
    transfer(mule, keeper, 8_000, t.plusSeconds(120));
    JsonNode view = declareAndFinish(scammer, null);
    String scammerId = view.path("scammer_id").asString();
    Api.Response trace = admin().get("/v1/scammers/" + scammerId + "/trace");
    assertThat(trace.status()).as(trace.body()).isEqualTo(200);
    JsonNode body = trace.json();
    assertThat(body.path("entered_minor").path("USD").asLong()).isEqualTo(15_000);
    Map<String, Long> held = new java.util.HashMap<>();
    long total = 0;
    for (JsonNode c : body.path("candidates")) {
      held.put(c.path("key").asString(), c.path("traced_minor").asLong());
      total += c.path("traced_minor").asLong();
    }
    // The mule's own 1,000 came first, so it paid 1,000 of the keeper's 8,000.
    assertThat(held).containsEntry("a:" + scammer, 3_000L).containsEntry("a:" + keeper, 7_000L)
        .containsEntry("a:" + mule, 5_000L);
    assertThat(total).as("nothing traced beyond what entered").isEqualTo(15_000);
    assertThat(count("SELECT COUNT(*) FROM trace_holdings WHERE scammer_id = ?", scammerId))
        .as("the sweep stored the same candidates").isEqualTo(3);

    Api.Response freeze = admin().post("/v1/freezes", Api.json(Map.of("recipient_account",
        keeper, "reason", "holds 70 USD traced from " + scammer, "case_id",
        view.path("case_id").asString())));
    assertThat(freeze.status()).as(freeze.body()).isEqualTo(201);
    assertThat(freeze.json().path("case_id").asString()).isEqualTo(view.path("case_id")
        .asString());
    JsonNode after = admin().get("/v1/scammers/" + scammerId + "/trace").json();
    for (JsonNode c : after.path("candidates")) {
      if (c.path("key").asString().equals("a:" + keeper)) {
        assertThat(c.path("freeze_id").asString()).isEqualTo(freeze.json().path("freeze_id")
            .asString());
      }
    }
  }

  @Test
  void boundsStopARunawayTrace() {
    String scammer = id("scam");
    Instant t = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
    transfer(id("v"), scammer, 1_000_000, t);
    String from = scammer;
    for (int hop = 0; hop < 8; hop++) {
      String to = id("chain" + hop);
      transfer(from, to, 1_000_000 - hop, t.plusSeconds(hop + 1));
      from = to;
    }
    JsonNode view = declareAndFinish(scammer, null);
    JsonNode trace = admin().get("/v1/scammers/" + view.path("scammer_id").asString()
        + "/trace?hops=2").json();
    assertThat(trace.path("accounts_visited").asInt()).isEqualTo(3);
    assertThat(trace.path("untraced").get(0).path("stopped_by").asString()).isEqualTo("hops");
    assertThat(admin().get("/v1/scammers/" + view.path("scammer_id").asString()
        + "/trace?hops=9").status()).isEqualTo(400);
  }
}
