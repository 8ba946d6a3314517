package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "held alongside" finding's arithmetic, without a database. */
class HeldAlongsideTest {
  static final Instant SINCE = Instant.parse("2026-11-23T10:00:00Z");

  static RecipientHolds.RecipientHold other(String sender, Duration endedAfterSince) {
    return new RecipientHolds.RecipientHold(sender, SINCE.minus(Duration.ofDays(10)),
        endedAfterSince == null ? null : SINCE.plus(endedAfterSince),
        endedAfterSince == null ? null : "RELEASED_AT_DEADLINE");
  }

  @Test
  void anotherSendersHoldStillHeldOrEndedSinceCounts() {
    assertThat(HeldAlongside.finding("me", SINCE, List.of(other("you", null)), 2))
        .isEqualTo("1 other sender(s) had payments to this recipient held while this one was"
            + " held (1 of its 2 payer(s) in the last 7 days)");
    assertThat(HeldAlongside.finding("me", SINCE, List.of(other("you", Duration.ZERO)), 2))
        .as("ended at the moment this one was placed").isNotNull();

  }

  @Test
  void aHoldThatEndedBeforeOrTheSendersOwnDoesNotCount() {
    assertThat(HeldAlongside.finding("me", SINCE,
        List.of(other("you", Duration.ofSeconds(-1)), other("me", null)), 2)).isNull();
    assertThat(HeldAlongside.finding("me", SINCE, null, 2)).isNull();
    assertThat(HeldAlongside.finding("me", SINCE, List.of(new RecipientHolds.RecipientHold("you",
        SINCE.minus(Duration.ofHours(1)), SINCE.plusSeconds(60), "RELEASED_BY_ANALYST")), 2))
        .as("an analyst looked at it").isNull();
  }

  @Test
  void heldSendersMustBeAQuarterOfThePayers() {
    List<RecipientHolds.RecipientHold> two = List.of(other("a", null), other("b", null),
        other("a", Duration.ofHours(1)));
    assertThat(HeldAlongside.finding("me", SINCE, two, 8)).startsWith("2 other sender(s)");
    assertThat(HeldAlongside.finding("me", SINCE, two, 9)).isNull();
  }

  @Test
  void aYoungSendersHoldDoesNotCount() {
    assertThat(HeldAlongside.finding("me", SINCE, List.of(new RecipientHolds.RecipientHold(
        "young", SINCE.minus(Duration.ofHours(1)), null, null, false, false)), 1)).isNull();
  }
}
