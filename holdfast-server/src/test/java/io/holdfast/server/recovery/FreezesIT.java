package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.freezes.FreezeSweeper;
import io.holdfast.server.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Freezes by people: an analyst freeze, a law-enforcement freeze that needs a supervisor, the
 * holder's appeal, the two-person unfreeze, and expiry of precautionary freezes.
 */
class FreezesIT extends RecoveryTestSupport {
  @Autowired
  FreezeSweeper sweeper;

  private Api.Response freeze(Api who, String account, String basis) {
    return who.post("/v1/freezes", "{\"recipient_account\":\"" + account + "\",\"basis\":\""
        + basis + "\",\"reason\":\"mule account in case 7\"}");
  }

  @Test
  void anAppealAndATwoPersonUnfreeze() {
    String account = id("mule");
    Api.Response created = freeze(admin(), account, "analyst");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String freezeId = created.json().path("freeze_id").asString();
    assertThat(created.json().path("kind").asString()).isEqualTo("confirmed");
    assertThat(freeze(admin(), account, "analyst").status()).as("frozen once").isEqualTo(409);
    assertThat(screen(id("payer"), account, 100).path("outcome").asString()).isEqualTo("BLOCK");

    Api.Response strangerAppeal = platform().post("/v1/freezes/" + freezeId + "/appeal",
        "{\"note\":\"not mine\"}", Map.of("Holdfast-Account", id("stranger")));
    assertThat(strangerAppeal.status()).isEqualTo(404);
    Api.Response appeal = platform().post("/v1/freezes/" + freezeId + "/appeal",
        "{\"note\":\"I sold my car; these are the buyers\"}", Map.of("Holdfast-Account", account));
    assertThat(appeal.status()).as(appeal.body()).isEqualTo(200);
    assertThat(appeal.json().path("appeal").path("grounds").asString()).contains("car");

    Api first = person("ANALYST");
    assertThat(first.post("/v1/freezes/" + freezeId + "/unfreeze",
        "{\"note\":\"appeal upheld: invoices check out\"}").status()).isEqualTo(200);
    Api.Response self = first.post("/v1/freezes/" + freezeId + "/unfreeze/approve", null);
    assertThat(self.status()).isEqualTo(403);
    assertThat(self.problemType()).endsWith("/second-person-required");
    Api.Response approved = person("ANALYST").post("/v1/freezes/" + freezeId
        + "/unfreeze/approve", null);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("state").asString()).isEqualTo("lifted");
    assertThat(admin().post("/v1/freezes/" + freezeId + "/confirm", "{}").problemType())
        .endsWith("/freeze-ended");
    assertThat(screen(id("payer"), account, 100).path("outcome").asString())
        .isNotEqualTo("BLOCK");
    long unfreezes = jdbc.sql("SELECT COUNT(*) FROM instructions WHERE instruction_id = :i")
        .param("i", freezeId + ":unfreeze").query(Long.class).single();
    assertThat(unfreezes).isOne();
    assertThat(audited("freeze.lifted", freezeId)).isOne();
    JsonNode stats = admin().get("/v1/stats/recovery").json();
    assertThat(stats.path("appeals").path("upheld").asLong()).isPositive();
  }

  @Test
  void aLawEnforcementFreezeNeedsASupervisor() {
    String account = id("mule");
    Api.Response analyst = freeze(person("ANALYST"), account, "law_enforcement");
    assertThat(analyst.status()).isEqualTo(403);
    Api.Response supervisor = freeze(person("SUPERVISOR"), account, "law_enforcement");
    assertThat(supervisor.status()).as(supervisor.body()).isEqualTo(201);
    assertThat(supervisor.json().path("basis").asString()).isEqualTo("law_enforcement");
  }

  @Test
  void aPrecautionaryFreezeNobodyConfirmsExpiresAndLetsMoneyMoveAgain() {
    String account = id("mule");
    String freezeId = freeze(admin(), account, "analyst").json().path("freeze_id").asString();
    // Turn it back into an unconfirmed precautionary freeze whose deadline has passed: the
    // deadline is a column, so moving it is how the test moves time.
    jdbc.sql("UPDATE freezes SET kind = 'PRECAUTIONARY', expires_at = created_at,"
        + " created_at = created_at - INTERVAL '1' HOUR WHERE freeze_id = :f")
        .param("f", freezeId).update();
    assertThat(sweeper.expireAll()).isGreaterThanOrEqualTo(1);
    assertThat(admin().get("/v1/freezes/" + freezeId).json().path("state").asString())
        .isEqualTo("expired");
    assertThat(screen(id("payer"), account, 100).path("outcome").asString())
        .isNotEqualTo("BLOCK");
    assertThat(sweeper.expireAll()).as("expires once").isZero();
  }
}
