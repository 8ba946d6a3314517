package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.sandbox.SandboxAccounts;
import io.holdfast.server.sandbox.SandboxLedger;
import io.holdfast.server.sandbox.SandboxPlatform;
import io.holdfast.server.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole of rapid recovery over the API: victims report a settled scam, the Scam Verdict
 * Model judges each report, the scammer is frozen, new money to it is blocked and its own held,
 * the platform (the sandbox) freezes the balance, an analyst confirms, and a restitution round
 * repays the victims pro rata in double entry; every step is in the audit log.
 */
class RecoveryIT extends RecoveryTestSupport {
  @Autowired
  InstructionSequencer sequencer;
  @Autowired
  SandboxPlatform sandbox;
  @Autowired
  SandboxLedger ledger;

  private void catchUp() {
    sequencer.run();
    sandbox.applyPending(1_000_000);
  }

  @Test
  void reportsFreezeTheScammerAndFrozenFundsRepayTheVictims() {
    String scammer = id("scammer");
    account(scammer, 6, 0);
    List<String> victims = List.of(id("victim"), id("victim"), id("victim"));
    List<String> payments = new ArrayList<>();
    for (String victim : victims) {
      account(victim, 2000, 2);
      payments.add(pay(victim, scammer, 50_000));
    }
    List<JsonNode> filed = new ArrayList<>();
    for (int i = 0; i < victims.size(); i++) {
      Api.Response r = report(victims.get(i), List.of(payments.get(i)), SCAM_STORY);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      filed.add(r.json());
    }
    for (JsonNode report : filed) {
      assertThat(report.path("verdict").path("model_version").asString()).startsWith("verdict-");
      assertThat(report.path("verdict").path("reasons").size()).isPositive();
      assertThat(report.path("claim_ids").size()).as(report.toString()).isEqualTo(1);
    }
    String freezeId = filed.stream().map(r -> r.path("freeze_id").asString(null))
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    assertThat(freezeId).as("some report froze the scammer: %s", filed).isNotNull();
    String caseId = filed.get(0).path("case_id").asString();
    assertThat(filed).allSatisfy(r -> assertThat(r.path("case_id").asString()).isEqualTo(caseId));

    assertThat(screen(victims.get(0), scammer, 1_000).path("outcome").asString())
        .as("new money to a frozen account is blocked").isEqualTo("BLOCK");
    assertThat(screen(scammer, id("elsewhere"), 1_000).path("outcome").asString())
        .as("a frozen account's own payments are held").isEqualTo("HOLD");

    // The platform holds 60,000 of the scammer's money; the sandbox freezes all of it.
    ledger.deposit(SandboxAccounts.user(scammer), "USD", 60_000, id("dep"));
    catchUp();
    JsonNode freeze = admin().get("/v1/freezes/" + freezeId).json();
    assertThat(freeze.path("kind").asString()).isEqualTo("precautionary");
    assertThat(freeze.path("frozen_funds").get(0).path("amount_minor").asLong())
        .isGreaterThanOrEqualTo(60_000);
    long frozen = freeze.path("frozen_funds").get(0).path("amount_minor").asLong();

    Api.Response decided = confirmCase(caseId, "three victims, same script");
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().path("freezes").get(0).path("kind").asString())
        .isEqualTo("confirmed");

    Api.Response round = admin().post("/v1/cases/" + caseId + "/restitution", null);
    assertThat(round.status()).as(round.body()).isEqualTo(200);
    long paidOut = 0;
    for (JsonNode refund : round.json().path("refunds")) {
      paidOut += refund.path("amount_minor").asLong();
    }
    assertThat(paidOut).as("the whole pool, split three ways").isEqualTo(Math.min(frozen,
        150_000));
    catchUp();
    for (String victim : victims) {
      assertThat(ledger.balance(SandboxAccounts.user(victim), "USD"))
          .as("each victim repaid pro rata").isBetween(paidOut / 3 - 1, paidOut / 3 + 1);
    }
    assertThat(ledger.balance(SandboxAccounts.frozen(scammer), "USD")).isZero();
    assertThat(ledger.checkInvariants().violations()).isEmpty();

    Api.Response again = admin().post("/v1/cases/" + caseId + "/restitution", null);
    assertThat(again.json().path("refunds").size()).as("nothing left to pay").isZero();
    JsonNode theCase = admin().get("/v1/cases/" + caseId).json();
    assertThat(theCase.path("state").asString()).isEqualTo("confirmed");
    assertThat(theCase.path("claims")).allSatisfy(c ->
        assertThat(c.path("paid_minor").asLong()).isLessThanOrEqualTo(c.path("loss_minor")
            .asLong()));
    assertThat(audited("freeze.created", freezeId)).isEqualTo(1);
    assertThat(audited("case.confirmed", caseId)).isEqualTo(1);
    assertThat(audited("case.restitution", caseId)).isEqualTo(2);
    JsonNode stats = admin().get("/v1/stats/recovery").json();
    assertThat(stats.path("repaid_minor").path("USD").asLong()).isGreaterThanOrEqualTo(paidOut);
  }

  @Test
  void aReportOnAHeldTransferMovesTheHoldToInvestigationAndTheFreezeReturnsIt() {
    String victim = id("victim");
    String scammer = id("scammer");
    account(scammer, 3, 0);
    JsonNode held = screenHeld(victim, scammer, 80_000, "TEST_HOLD");
    String holdId = held.path("hold").path("hold_id").asString();
    Api.Response r = report(victim, List.of(held.path("transfer_id").asString()), SCAM_STORY);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode hold = admin().get("/v1/holds/" + holdId).json();
    if (!froze(r.json())) {
      assertThat(r.json().path("holds_investigated").get(0).asString()).isEqualTo(holdId);
      assertThat(hold.path("state").asString()).isEqualTo("under_investigation");
    } else {
      // The report froze the recipient in the same transaction: its held inbound money went
      // back to the sender at once.
      assertThat(hold.path("state").asString()).as(hold.toString()).isEqualTo("returned");
      assertThat(hold.path("resolution").asString()).isEqualTo("returned_as_scam");
    }
    assertThat(r.json().path("claim_ids").size()).as("held money was never lost").isZero();
  }

  @Test
  void aReporterSeesOnlyTheirOwnReportAndNoInternals() {
    String victim = id("victim");
    String scammer = id("scammer");
    account(scammer, 30, 1);
    String paid = pay(victim, scammer, 9_000);
    String reportId = report(victim, List.of(paid), SCAM_STORY).json().path("report_id")
        .asString();
    Api.Response own = platform().send("GET", "/v1/reports/" + reportId, null,
        "application/json", Map.of("Holdfast-Account", victim));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().path("verdict").path("outcome").asString())
        .isIn("SCAM", "NOT_SCAM", "NEEDS_REVIEW");
    assertThat(own.json().has("narrative")).as("internals are for analysts").isFalse();
    Api.Response other = platform().send("GET", "/v1/reports/" + reportId, null,
        "application/json", Map.of("Holdfast-Account", id("someone")));
    assertThat(other.status()).isEqualTo(404);
    Api.Response noAccount = platform().get("/v1/reports/" + reportId);
    assertThat(noAccount.status()).isEqualTo(400);
    JsonNode full = admin().get("/v1/reports/" + reportId).json();
    assertThat(full.path("narrative").asString()).isEqualTo(SCAM_STORY);
    assertThat(full.path("links").toString()).contains(paid).contains("a:" + scammer);
    assertThat(full.path("evidence").path("reporter_paid_recipient").asBoolean()).isTrue();
  }
}
