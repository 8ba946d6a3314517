package io.holdfast.server.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.instructions.InstructionSequencer;
import io.holdfast.server.outreach.OutreachSequencer;
import io.holdfast.server.outreach.OutreachService;
import io.holdfast.server.outreach.OutreachSweeper;
import io.holdfast.server.sandbox.SandboxAccounts;
import io.holdfast.server.sandbox.SandboxLedger;
import io.holdfast.server.sandbox.SandboxPlatform;
import io.holdfast.server.support.Api;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Outreach conversations over HTTP: the platform pulls the messages, reports what its user saw
 * and posts the replies; the guide goes step by step; reminders follow the stored deadline
 * under a moved clock; confirming the loss confirms the claim, restitution repays it, and the
 * conversation says so. A victim sees only their own conversation.
 */
class OutreachIT extends SweepTestSupport {
  @Autowired
  OutreachService outreach;
  @Autowired
  OutreachSequencer sequencer;
  @Autowired
  InstructionSequencer instructions;
  @Autowired
  SandboxPlatform sandbox;
  @Autowired
  SandboxLedger ledger;

  private void catchUp() {
    instructions.run();
    sandbox.applyPending(1_000_000);
  }

  record Found(String scammerId, String caseId, String outreachId, String victim) {}

  Found sweptSilentVictim(long amountMinor) {
    String scammer = id("scam");
    String victim = id("v");
    transfer(victim, scammer, amountMinor, Instant.now().minus(Duration.ofDays(3))
        .truncatedTo(ChronoUnit.SECONDS));
    JsonNode view = declareAndFinish(scammer, null);
    String scammerId = view.path("scammer_id").asString();
    String outreachId = victims(scammerId).get(0).path("outreach_id").asString();
    return new Found(scammerId, view.path("case_id").asString(), outreachId, victim);
  }

  Api.Response asVictim(String method, String path, String body, String victim) {
    return platform().send(method, path, body, "application/json",
        Map.of("Holdfast-Account", victim));
  }

  JsonNode conversation(Found f) {
    Api.Response r = asVictim("GET", "/v1/outreach/" + f.outreachId(), null, f.victim());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theGuideArrivesStepByStepThroughThePulledOutbox() {
    Found f = sweptSilentVictim(12_345);
    sequencer.run();
    JsonNode page = platform().get("/v1/outreach/messages?after=0&limit=1000").json();
    JsonNode first = null;
    for (JsonNode m : page.path("messages")) {
      if (m.path("outreach_id").asString().equals(f.outreachId())) {
        first = m;
      }
    }
    assertThat(first).as("the first message is in the outbox").isNotNull();
    assertThat(first.path("seq").asLong()).isPositive();
    assertThat(first.path("step").asString()).isEqualTo("happened");
    assertThat(first.path("body").asString()).contains("123.45 USD");
    assertThat(page.path("next_cursor").asLong()).isGreaterThanOrEqualTo(
        first.path("seq").asLong());

    String[] expected = {"frozen", "claim", "protect", "support"};
    String messageId = first.path("message_id").asString();
    for (String step : expected) {
      Api.Response shown = asVictim("POST", "/v1/outreach/" + f.outreachId() + "/messages/"
          + messageId + "/shown", "{\"channel\":\"chat\"}", f.victim());
      assertThat(shown.status()).as(shown.body()).isEqualTo(200);
      JsonNode messages = shown.json().path("messages");
      JsonNode last = messages.get(messages.size() - 1);
      assertThat(last.path("step").asString()).isEqualTo(step);
      assertThat(shown.json().path("state").asString()).isEqualTo("read");
      messageId = last.path("message_id").asString();
    }
    Api.Response again = asVictim("POST", "/v1/outreach/" + f.outreachId() + "/messages/"
        + messageId + "/shown", "{\"channel\":\"chat\"}", f.victim());
    assertThat(again.json().path("messages").size()).isEqualTo(5);
  }

  @Test
  void anUnreadConversationIsRemindedOnItsDeadlineThenUnreachable() {
    Found f = sweptSilentVictim(5_000);
    assertThat(conversation(f).path("state").asString()).isEqualTo("contacted");
    assertThat(OutreachSweeper.remindAll(outreach)).as("nothing is due yet")
        .isGreaterThanOrEqualTo(0);
    assertThat(conversation(f).path("messages").size()).isEqualTo(1);
    OutreachService in4Days = outreach.withClock(Clock.offset(Clock.systemUTC(),
        Duration.ofDays(4)));
    OutreachSweeper.remindAll(in4Days);
    JsonNode reminded = conversation(f);
    assertThat(reminded.path("state").asString()).isEqualTo("contacted");
    assertThat(reminded.path("messages").get(1).path("step").asString()).isEqualTo("reminder");
    OutreachSweeper.remindAll(in4Days);
    assertThat(conversation(f).path("messages").size()).as("a reminder is sent once").isEqualTo(2);
    OutreachSweeper.remindAll(outreach.withClock(Clock.offset(Clock.systemUTC(),
        Duration.ofDays(9))));
    OutreachSweeper.remindAll(outreach.withClock(Clock.offset(Clock.systemUTC(),
        Duration.ofDays(17))));
    JsonNode gaveUp = conversation(f);
    assertThat(gaveUp.path("state").asString()).isEqualTo("unreachable");
    assertThat(gaveUp.path("messages").size()).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action ="
        + " 'outreach.unreachable'", f.outreachId())).isEqualTo(1);
  }

  @Test
  void confirmingTheLossConfirmsTheClaimAndRestitutionRepaysIt() {
    Found f = sweptSilentVictim(40_000);
    String scammer = jdbc.sql("SELECT subject_key FROM scammers WHERE scammer_id = :s")
        .param("s", f.scammerId()).query(String.class).single();
    Api.Response decided = confirmCase(f.caseId(), null);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    JsonNode claim = decided.json().path("claims").get(0);
    assertThat(claim.path("state").asString()).isEqualTo("pending");

    Api.Response reply = asVictim("POST", "/v1/outreach/" + f.outreachId() + "/replies",
        "{\"intent\":\"confirm_loss\",\"text\":\"yes, I lost this\"}", f.victim());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("state").asString()).isEqualTo("claim_filed");
    JsonNode theCase = admin().get("/v1/cases/" + f.caseId()).json();
    assertThat(theCase.path("claims").get(0).path("state").asString()).isEqualTo("confirmed");

    // The scammer still holds the money on the platform (the sandbox ledger): an analyst
    // freezes it into the case, the platform freezes the balance and reports it, and
    // restitution repays the victim from it, in double entry.
    ledger.deposit(SandboxAccounts.user(scammer.substring(2)), "USD", 40_000, id("dep"));
    Api.Response freeze = admin().post("/v1/freezes", Api.json(Map.of("recipient_account",
        scammer.substring(2), "reason", "confirmed scammer", "case_id", f.caseId())));
    assertThat(freeze.status()).as(freeze.body()).isEqualTo(201);
    catchUp();
    Api.Response round = admin().post("/v1/cases/" + f.caseId() + "/restitution", null);
    assertThat(round.status()).as(round.body()).isEqualTo(200);
    assertThat(round.json().path("refunds").get(0).path("amount_minor").asLong())
        .isEqualTo(40_000);
    catchUp();
    assertThat(ledger.balance(SandboxAccounts.user(f.victim()), "USD")).isEqualTo(40_000);
    assertThat(ledger.checkInvariants().violations()).isEmpty();
    JsonNode repaid = conversation(f);
    assertThat(repaid.path("state").asString()).isEqualTo("repaid");
    JsonNode messages = repaid.path("messages");
    assertThat(messages.get(messages.size() - 1).path("step").asString()).isEqualTo("repaid");
    Api.Response closed = asVictim("POST", "/v1/outreach/" + f.outreachId() + "/replies",
        "{\"intent\":\"decline\"}", f.victim());
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.problemType()).endsWith("/outreach-closed");
  }

  @Test
  void decliningWithdrawsTheWaitingClaim() {
    Found f = sweptSilentVictim(700);
    Api.Response reply = asVictim("POST", "/v1/outreach/" + f.outreachId() + "/replies",
        "{\"intent\":\"decline\",\"text\":\"this was my landlord\"}", f.victim());
    assertThat(reply.json().path("state").asString()).isEqualTo("declined");
    assertThat(jdbc.sql("SELECT state FROM claims WHERE case_id = :c AND victim_account = :v")
        .param("c", f.caseId()).param("v", f.victim()).query(String.class).single())
        .isEqualTo("REJECTED");
  }

  @Test
  void aVictimSeesOnlyTheirOwnConversationAndAnalystsSeeAll() {
    Found f = sweptSilentVictim(900);
    Api.Response other = asVictim("GET", "/v1/outreach/" + f.outreachId(), null, id("other"));
    assertThat(other.status()).isEqualTo(404);
    Api.Response otherReply = asVictim("POST", "/v1/outreach/" + f.outreachId() + "/replies",
        "{\"intent\":\"confirm_loss\"}", id("other"));
    assertThat(otherReply.status()).isEqualTo(404);
    Api.Response noAccount = platform().get("/v1/outreach/" + f.outreachId());
    assertThat(noAccount.status()).isEqualTo(400);
    JsonNode asAnalyst = person("ANALYST").get("/v1/outreach/" + f.outreachId()).json();
    assertThat(asAnalyst.path("case_id").asString()).isEqualTo(f.caseId());
    assertThat(person("ANALYST").get("/v1/outreach/messages").status()).isEqualTo(403);
    assertThat(conversation(f).has("case_id")).isFalse();
  }
}
