package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.prevention.campaign.DeliveryPolicy;
import io.holdfast.server.support.Api;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Segment selection is exact: the members are selected, and each near miss (one criterion just
 * outside) is not, both by the preview and by the delivery.
 */
class CampaignSegmentIT extends CampaignFixtures {
  @Autowired
  TransactionTemplate tx;

  @Test
  void behaviourAgeAndVulnerabilitySelectExactlyTheMembers() {
    Instant now = Instant.now();
    String in1 = id("seg-in1");
    String in2 = id("seg-in2");
    Map<String, String> nearMisses = new LinkedHashMap<>();
    account(in1, "XA", List.of("bereavement"), "1950-03-01", null);
    account(in2, "XA", List.of("cognitive"), null, "65+");
    pay(in1, null, newAddress(), now.minus(Duration.ofDays(2)));
    deposit(in1, now.minus(Duration.ofDays(3)));
    pay(in2, null, newAddress(), now.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)));
    deposit(in2, now.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(10)));

    nearMisses.put(miss("XB", List.of("bereavement"), "1950-03-01", null, 2, 3),
        "another country");
    nearMisses.put(miss("XA", List.of("bereavement"), LocalDate.now(ZoneOffset.UTC)
        .minusYears(65).plusDays(2).toString(), "65+", 2, 3), "64 by date of birth");
    nearMisses.put(miss("XA", List.of(), "1950-03-01", null, 2, 3), "not vulnerable");
    nearMisses.put(miss("XA", List.of("bereavement"), "1950-03-01", null, 8, 3),
        "new address 8 days ago");
    nearMisses.put(miss("XA", List.of("bereavement"), "1950-03-01", null, 2, 11),
        "deposit 11 days ago");
    nearMisses.put(miss("XA", List.of("bereavement"), null, null, 2, 3), "age unknown");
    String repeat = miss("XA", List.of("bereavement"), "1950-03-01", null, null, 3);
    String address = newAddress();
    pay(repeat, null, address, now.minus(Duration.ofDays(20)));
    pay(repeat, null, address, now.minus(Duration.ofDays(1)));
    nearMisses.put(repeat, "paid an address it had paid before");
    String toAccount = miss("XA", List.of("bereavement"), "1950-03-01", null, null, 3);
    pay(toAccount, in1, null, now.minus(Duration.ofDays(1)));
    nearMisses.put(toAccount, "paid an account, not an address");

    Map<String, Object> segment = new LinkedHashMap<>();
    segment.put("countries", List.of("XA"));
    segment.put("age_bands", List.of("65+"));
    segment.put("vulnerable", true);
    segment.put("paid_new_address_within_days", 7);
    segment.put("deposit_within_days", 10);
    Api analyst = person("ANALYST");
    Api.Response preview = analyst.post("/v1/campaigns/preview", Api.json(segment));
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("accounts").asLong()).isEqualTo(2);
    Map<String, Object> other = new LinkedHashMap<>(segment);
    other.put("countries", List.of("XB"));
    assertThat(analyst.post("/v1/campaigns/preview", Api.json(other)).json().path("accounts")
        .asLong()).as("the other country's near miss misses only by its country").isEqualTo(1);

    String campaign = createAndActivate(analyst, body("exact", segment,
        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(2)), "once", 1, 0));
    CampaignDelivery delivery = new CampaignDelivery(jdbc, tx, Clock.systemUTC(),
        DeliveryPolicy.defaults(), 3, "seg-test");
    assertThat(delivery.run(campaign)).isEqualTo(CampaignDelivery.Result.DONE);
    Set<String> sent = new TreeSet<>(jdbc.queryForList("SELECT account_id FROM"
        + " prevention_messages WHERE source_ref = ?", String.class, campaign));
    assertThat(sent).containsExactlyInAnyOrder(in1, in2);
    assertThat(campaignMessages(campaign, in1)).containsExactly("campaign:" + campaign + ":"
        + in1 + ":1");
  }

  /** A vulnerable-or-not account in {@code country} with a new-address payment and a deposit. */
  private String miss(String country, List<String> flags, String dob, String band,
      Integer newAddressDaysAgo, int depositDaysAgo) {
    Instant now = Instant.now();
    String id = id("seg-miss");
    account(id, country, flags, dob, band);
    if (newAddressDaysAgo != null) {
      pay(id, null, newAddress(), now.minus(Duration.ofDays(newAddressDaysAgo)));
    }
    deposit(id, now.minus(Duration.ofDays(depositDaysAgo)));
    return id;
  }

  @Test
  void openHoldsAndTheExposureRangeSelectExactly() {
    String held = id("seg-held");
    String free = id("seg-free");
    String exposed = id("seg-exp");
    String barely = id("seg-barely");
    String stale = id("seg-stale");
    for (String a : List.of(held, free, exposed, barely, stale)) {
      account(a, "XC", List.of(), null, null);
    }
    screenHeld(held, free, 5_000, "TEST_HOLD");
    Map<String, Object> holds = Map.of("countries", List.of("XC"), "open_hold", true);
    Map<String, Object> noHolds = Map.of("countries", List.of("XC"), "open_hold", false);
    Api analyst = person("ANALYST");
    assertThat(analyst.post("/v1/campaigns/preview", Api.json(holds)).json().path("accounts")
        .asLong()).isEqualTo(1);
    assertThat(analyst.post("/v1/campaigns/preview", Api.json(noHolds)).json().path("accounts")
        .asLong()).isEqualTo(4);

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate recent = today.minusDays(1);
    LocalDate old = today.minusDays(8);
    for (LocalDate day : List.of(recent, old)) {
      jdbc.update("INSERT INTO assessment_runs (run_date, state, as_of, cursor_account, chunks,"
          + " accounts_assessed, exposures_recorded, messages_sent, messages_cooling,"
          + " messages_opted_out, tasks_opened, assessor_version, started_at, finished_at)"
          + " VALUES (?, 'DONE', CURRENT_TIMESTAMP, '', 0, 0, 0, 0, 0, 0, 0, 'fixture',"
          + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING", Date.valueOf(day));
    }
    assess(exposed, recent, 600);
    assess(barely, recent, 499);
    assess(stale, old, 900);
    Map<String, Object> range = Map.of("countries", List.of("XC"), "exposure_min", 0.5,
        "exposure_max", 0.8);
    assertThat(analyst.post("/v1/campaigns/preview", Api.json(range)).json().path("accounts")
        .asLong()).as("0.6 is in; 0.499 and an assessment 8 days old are not").isEqualTo(1);
    Map<String, Object> low = Map.of("countries", List.of("XC"), "exposure_max", 0.499);
    assertThat(analyst.post("/v1/campaigns/preview", Api.json(low)).json().path("accounts")
        .asLong()).as("no recent assessment counts as 0").isEqualTo(4);
  }

  private void assess(String account, LocalDate day, int scoreMilli) {
    jdbc.update("INSERT INTO assessments (account_id, run_date, score_milli, resembles, findings,"
        + " explanation, action, task_opened) VALUES (?, ?, ?, 'ROMANCE', 'x', 'x', 'RECORDED',"
        + " FALSE)", account, Date.valueOf(day), scoreMilli);
  }
}
