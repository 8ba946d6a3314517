package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * When the platform says it showed a ladder message is evidence, so it cannot be back-dated
 * before the message existed nor dated after the server's clock (beyond a small skew): such a
 * receipt is refused by name and records nothing; one within the bounds is kept as sent, and
 * one without a time is stamped with the server's.
 */
class ShownAtIT extends PostgresServerTest {
  @Autowired
  JdbcClient jdbc;

  private record Message(String holdId, String sender, String messageId, Instant createdAt) {}

  private Message aWarning() {
    String sender = id("s");
    established(sender);
    String holdId = screenHeld(sender, id("r"), 12_050, "TEST_SHOWN").path("hold")
        .path("hold_id").asString();
    JsonNode warning = platform().send("GET", "/v1/holds/" + holdId + "/messages", null,
        "application/json", Map.of(HoldsController.ACCOUNT_HEADER, sender)).json()
        .path("messages").get(0);
    return new Message(holdId, sender, warning.path("message_id").asString(),
        Instant.parse(warning.path("created_at").asString()));
  }

  private Api.Response shown(Message m, String shownAt) {
    String body = shownAt == null ? "{\"channel\":\"in_app\"}"
        : "{\"channel\":\"in_app\",\"shown_at\":\"" + shownAt + "\"}";
    return platform().send("POST", "/v1/holds/" + m.holdId() + "/messages/" + m.messageId()
        + "/shown", body, "application/json", Map.of(HoldsController.ACCOUNT_HEADER, m.sender()));
  }

  private Instant storedShownAt(Message m) {
    return jdbc.sql("SELECT shown_at FROM hold_messages WHERE message_id = :m")
        .param("m", m.messageId()).query((rs, n) -> java.util.Optional.ofNullable(
            rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant)).single().orElse(null);
  }

  @Test
  void aReceiptBeforeTheMessageOrAfterTheClockIsRefusedByName() {
    Message m = aWarning();
    for (String at : new String[] {"1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
        m.createdAt().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString(),
        Instant.now().plus(1, ChronoUnit.HOURS).toString()}) {
      Api.Response r = shown(m, at);
      assertThat(r.status()).as(at + ": " + r.body()).isEqualTo(400);
      assertThat(r.problemType()).isEqualTo("https://holdfast.dev/problems/invalid-field");
      assertThat(r.json().path("field").asString()).isEqualTo("shown_at");
    }
    assertThat(storedShownAt(m)).as("a refused receipt records nothing").isNull();
  }

  @Test
  void aReceiptWithinTheBoundsIsKeptAsSent() {
    Message m = aWarning();
    // A platform sends whole seconds; the message was created within that second.
    Instant at = m.createdAt().truncatedTo(ChronoUnit.SECONDS);
    Api.Response r = shown(m, at.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("first_time").asBoolean()).isTrue();
    assertThat(storedShownAt(m)).isEqualTo(at);
  }

  @Test
  void aReceiptWithoutATimeIsStampedWithTheServersClock() {
    Message m = aWarning();
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Api.Response r = shown(m, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(storedShownAt(m)).isBetween(before, Instant.now());
  }
}
