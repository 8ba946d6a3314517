package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Releasing a hold to a recipient that victims reported needs a supervisor, and "reported"
 * means what it means in screening and the investigation: a report from someone who paid the
 * recipient that no analyst rejected. A supervisor can do whatever an analyst can.
 */
class ReleaseToAReportedRecipientIT extends RecoveryTestSupport {
  private static final String RELEASE = "{\"note\":\"checked with the sender\"}";

  @Test
  void aReportFromSomeoneWhoNeverPaidDoesNotMakeAReleaseNeedASupervisor() {
    String target = id("honest");
    account(target, 10, 0);
    Api.Response troll = reportAccount(id("troll"), target, SCAM_STORY);
    assertThat(troll.status()).as(troll.body()).isEqualTo(201);
    assertThat(troll.json().path("freeze_withheld").toString()).contains("never sent money");

    String holdId = held(target);
    Api.Response released = person("ANALYST").post("/v1/holds/" + holdId + "/release", RELEASE);
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.json().path("state").asString()).isEqualTo("released");
  }

  @Test
  void aPayingVictimsReportDoesAndASupervisorAloneCanRelease() {
    String shop = establishedShop();
    String victim = id("victim");
    Api.Response report = report(victim, List.of(pay(victim, shop, 50_000)), SCAM_STORY);
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    assertThat(froze(report.json())).as("an established account is not frozen by one report")
        .isFalse();

    String holdId = held(shop);
    Api.Response analyst = person("ANALYST").post("/v1/holds/" + holdId + "/release", RELEASE);
    assertThat(analyst.status()).as(analyst.body()).isEqualTo(403);
    assertThat(analyst.body()).contains("needs a supervisor");

    Api supervisor = person("SUPERVISOR");
    assertThat(supervisor.get("/v1/holds/" + holdId).status())
        .as("a supervisor reads what an analyst reads").isEqualTo(200);
    Api.Response released = supervisor.post("/v1/holds/" + holdId + "/release", RELEASE);
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.json().path("state").asString()).isEqualTo("released");
  }

  @Test
  void aReportAnAnalystRejectedNoLongerCounts() {
    String shop = establishedShop();
    String victim = id("victim");
    Api.Response report = report(victim, List.of(pay(victim, shop, 50_000)), SCAM_STORY);
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    String caseId = report.json().path("case_id").asString();
    Api.Response rejected = person("ANALYST").post("/v1/cases/" + caseId + "/decision",
        "{\"decision\":\"reject\",\"note\":\"the shop delivered\"}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

    String holdId = held(shop);
    Api.Response released = person("ANALYST").post("/v1/holds/" + holdId + "/release", RELEASE);
    assertThat(released.status()).as(released.body()).isEqualTo(200);
  }

  /** An account of eight years with 26 customers: one report does not freeze it. */
  private String establishedShop() {
    String shop = id("shop");
    account(shop, 3000, 3);
    for (int i = 0; i < 26; i++) {
      pay(id("customer"), shop, 2_000);
    }
    return shop;
  }

  /** A new sender's payment to {@code recipient} that a rule holds; returns the hold id. */
  private String held(String recipient) {
    return screenHeld(id("sender"), recipient, 12_000, "TEST_HOLD").path("hold")
        .path("hold_id").asString();
  }
}
