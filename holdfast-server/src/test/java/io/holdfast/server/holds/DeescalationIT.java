package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Answers de-escalate over real HTTP: every question answered "no" on a high-tier hold moves
 * its deadline to an hour after it was placed (in the row, the ladder and the audit trail), and
 * the sweeper releases it there, not before; a vulnerable sender, a partial answer set and a
 * recipient other held senders pay keep the full hold, and the answer's audit says why; a "yes"
 * still escalates. The sweeper runs by a clock the test moves forward, never by sleeping.
 */
class DeescalationIT extends PostgresServerTest {
  static final String REASON = "ESCALATING_PAYMENTS_YOUNG_RECIPIENT";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  HoldService holdService;

  private HoldService at(Duration later) {
    return holdService.withClock(Clock.offset(Clock.systemUTC(), later));
  }

  private void account(String sender, boolean vulnerable) {
    String flags = vulnerable ? ",\"vulnerability_flags\":[\"bereavement\"]" : "";
    Api.Response r = platform().put("/v1/accounts/" + sender,
        "{\"created_at\":\"2020-01-01T00:00:00Z\",\"country\":\"GB\"" + flags + "}");
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  private static String answers(Map<String, Boolean> answers) {
    return Api.json(Map.of("answers", answers));
  }

  private static Map<String, Boolean> allNo() {
    Map<String, Boolean> all = new LinkedHashMap<>();
    for (String q : List.of("met_online_asked_to_move_money", "promised_a_return",
        "told_to_hurry_or_keep_secret", "contacted_by_support_or_authority")) {
      all.put(q, false);
    }
    return all;
  }

  private Api.Response answer(String holdId, String sender, Map<String, Boolean> given) {
    Api.Response r = platform().send("POST", "/v1/holds/" + holdId + "/answers", answers(given),
        "application/json", Map.of(HoldsController.ACCOUNT_HEADER, sender));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  private Map<String, Object> row(String holdId) {
    return jdbc.sql("SELECT state, release_at, created_at, ladder_next_at, resolution"
        + " FROM holds WHERE hold_id = :id").param("id", holdId).query().singleRow();
  }

  private static Instant instant(Object timestamp) {
    return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
  }

  private List<String> audit(String holdId, String action) {
    return jdbc.sql("SELECT reason FROM audit_log WHERE entity_type = 'hold'"
        + " AND entity_id = :id AND action = :a ORDER BY audit_id").param("id", holdId)
        .param("a", action).query(String.class).list();
  }

  /** A 24-hour hold in the lowest tier, of a sender who is not vulnerable, to an old account. */
  private String heldElevated(String sender, String recipient) {
    account(sender, false);
    established(recipient);
    JsonNode hold = screenHeld(sender, recipient, 12_050, REASON).path("hold");
    assertThat(hold.path("tier").asString()).as(hold.toString()).isEqualTo("ELEVATED");
    return hold.path("hold_id").asString();
  }

  private void sweepAll(HoldService service) {
    for (int i = 0; i < 1_000 && service.sweepDue(500, "sweeper") > 0; i++) {
      assertThat(i).isLessThan(999);
    }
  }

  @Test
  void allNoShortensTheHoldToTheFloorAndTheSweeperReleasesItThere() {
    String sender = id("s");
    String holdId = heldElevated(sender, id("r"));
    Map<String, Object> before = row(holdId);
    Instant created = instant(before.get("created_at"));
    Instant floor = created.plus(Duration.ofHours(1));
    assertThat(instant(before.get("release_at"))).isEqualTo(created.plus(Duration.ofHours(24)));
    assertThat(instant(before.get("ladder_next_at"))).as("the ladder wakes an hour in")
        .isEqualTo(floor);

    JsonNode body = answer(holdId, sender, allNo()).json();
    assertThat(body.path("shortened").asBoolean()).as(body.toString()).isTrue();
    assertThat(Instant.parse(body.path("release_at").asString())).isEqualTo(floor);
    assertThat(body.path("hold").path("state").asString()).isEqualTo("held");
    assertThat(body.path("matched_scripts").size()).isZero();
    assertThat(body.has("not_shortened_because")).isFalse();

    Map<String, Object> after = row(holdId);
    assertThat(instant(after.get("release_at"))).isEqualTo(floor);
    assertThat(after.get("ladder_next_at")).as("no step is left before the new deadline")
        .isNull();
    assertThat(audit(holdId, "hold.shortened")).singleElement().asString()
        .contains("every question answered no").contains("promised_a_return=no")
        .contains("release_at " + floor);
    assertThat(audit(holdId, "hold.answered")).singleElement().asString()
        .contains("de-escalated");

    sweepAll(at(Duration.ofMinutes(59)));
    assertThat(row(holdId).get("state")).as("not released before its new deadline")
        .isEqualTo("HELD");
    sweepAll(at(Duration.ofMinutes(61)));
    Map<String, Object> released = row(holdId);
    assertThat(released.get("state")).isEqualTo("RELEASED");
    assertThat(released.get("resolution")).isEqualTo("RELEASED_AT_DEADLINE");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM instructions WHERE hold_id = :id"
        + " AND kind = 'RELEASE'").param("id", holdId).query(Long.class).single()).isOne();
  }

  @Test
  void aVulnerableSendersAllNoKeepsTheFullHoldAndTheAuditSaysWhy() {
    String sender = id("s");
    account(sender, true);
    JsonNode hold = screenHeld(sender, id("r"), 12_050, REASON).path("hold");
    assertThat(hold.path("tier").asString()).as("an elevated hold one tier up").isEqualTo("HIGH");
    String holdId = hold.path("hold_id").asString();
    Instant releaseAt = instant(row(holdId).get("release_at"));

    JsonNode body = answer(holdId, sender, allNo()).json();
    assertThat(body.path("shortened").asBoolean()).isFalse();
    assertThat(body.path("not_shortened_because").asString()).contains("vulnerable");
    assertThat(Instant.parse(body.path("release_at").asString())).isEqualTo(releaseAt);
    assertThat(instant(row(holdId).get("release_at"))).isEqualTo(releaseAt);
    assertThat(audit(holdId, "hold.shortened")).isEmpty();
    assertThat(audit(holdId, "hold.answered")).singleElement().asString()
        .contains("not shortened: the sender is vulnerable");
  }

  @Test
  void aPartialAnswerSetIsNotShortenedUntilTheLastQuestionIsAnsweredNo() {
    String sender = id("s");
    String holdId = heldElevated(sender, id("r"));
    Instant releaseAt = instant(row(holdId).get("release_at"));
    Map<String, Boolean> three = allNo();
    three.remove("contacted_by_support_or_authority");

    JsonNode partial = answer(holdId, sender, three).json();
    assertThat(partial.path("shortened").asBoolean()).isFalse();
    assertThat(partial.path("not_shortened_because").asString())
        .contains("not every question").contains("contacted_by_support_or_authority");
    assertThat(instant(row(holdId).get("release_at"))).isEqualTo(releaseAt);
    assertThat(audit(holdId, "hold.answered")).singleElement().asString()
        .contains("not shortened: not every question");

    JsonNode last = answer(holdId, sender, Map.of("contacted_by_support_or_authority", false))
        .json();
    assertThat(last.path("shortened").asBoolean()).as("the earlier answers count").isTrue();
    assertThat(instant(row(holdId).get("release_at"))).isBefore(releaseAt);
    assertThat(audit(holdId, "hold.shortened")).hasSize(1);
  }

  @Test
  void aRecipientOtherSendersArePayingKeepsTheFullHold() {
    String recipient = id("r");
    screenHeld(id("s"), recipient, 5_000, REASON);
    screenHeld(id("s"), recipient, 5_000, REASON);
    String sender = id("s");
    String holdId = heldElevated(sender, recipient);
    JsonNode body = answer(holdId, sender, allNo()).json();
    assertThat(body.path("shortened").asBoolean()).isFalse();
    assertThat(body.path("not_shortened_because").asString())
        .contains("recipient has an open finding").contains("2 other senders");
    assertThat(audit(holdId, "hold.shortened")).isEmpty();
  }

  @Test
  void aHighTierHoldKeepsItsFullLengthWhateverTheAnswers() {
    String sender = id("s");
    String holdId = heldAtHighTier(sender, id("r"), REASON);
    Instant releaseAt = instant(row(holdId).get("release_at"));
    JsonNode body = answer(holdId, sender, allNo()).json();
    assertThat(body.path("shortened").asBoolean()).isFalse();
    assertThat(body.path("not_shortened_because").asString())
        .contains("HIGH risk tier").contains("only the lowest (ELEVATED)");
    assertThat(instant(row(holdId).get("release_at"))).isEqualTo(releaseAt);
    assertThat(audit(holdId, "hold.shortened")).isEmpty();
  }

  @Test
  void aYesStillEscalatesAndExtends() {
    String sender = id("s");
    String holdId = heldAtHighTier(sender, id("r"), REASON);
    Instant releaseAt = instant(row(holdId).get("release_at"));
    Map<String, Boolean> given = allNo();
    given.put("promised_a_return", true);
    JsonNode body = answer(holdId, sender, given).json();
    assertThat(body.path("hold").path("state").asString()).isEqualTo("under_investigation");
    assertThat(body.path("matched_scripts").get(0).asString()).contains("return");
    assertThat(body.path("shortened").asBoolean()).isFalse();
    assertThat(body.path("not_shortened_because").asString()).contains("an answer was yes");
    assertThat(Instant.parse(body.path("release_at").asString())).isAfter(releaseAt);
    assertThat(row(holdId).get("state")).isEqualTo("UNDER_INVESTIGATION");
    assertThat(audit(holdId, "hold.escalated")).hasSize(1);
    assertThat(audit(holdId, "hold.shortened")).isEmpty();
  }
}
