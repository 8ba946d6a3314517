package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "stopped by others" finding's selection, without a database. */
class StoppedByOthersTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static RecipientHolds.RecipientHold ended(String sender, Duration ago, String resolution) {
    return new RecipientHolds.RecipientHold(sender, NOW.minus(ago).minus(Duration.ofHours(2)),
        NOW.minus(ago), resolution);
  }

  @Test
  void anotherSendersStopInTheLast30DaysCountsOnce() {
    List<RecipientHolds.RecipientHold> holds = List.of(
        ended("you", Duration.ofDays(1), "CANCELLED_BY_SENDER"),
        ended("you", Duration.ofDays(2), "RETURNED_AS_SCAM"),
        ended("me", Duration.ofDays(1), "CANCELLED_BY_SENDER"));
    assertThat(StoppedByOthers.finding("me", holds, NOW)).startsWith("1 other sender(s) stopped");
  }

  @Test
  void releasesAnalystReturnsOlderStopsAndHeldOnesDoNotCount() {
    List<RecipientHolds.RecipientHold> holds = List.of(
        ended("a", Duration.ofDays(1), "RELEASED_AT_DEADLINE"),
        ended("b", Duration.ofDays(1), "RETURNED_BY_ANALYST"),
        ended("c", StoppedByOthers.WINDOW.plusSeconds(1), "CANCELLED_BY_SENDER"),
        new RecipientHolds.RecipientHold("d", NOW.minus(Duration.ofHours(1)), null, null));
    assertThat(StoppedByOthers.finding("me", holds, NOW)).isNull();
    assertThat(StoppedByOthers.finding("me", null, NOW)).isNull();
  }

  @Test
  void aYoungSendersStopDoesNotCount() {
    assertThat(StoppedByOthers.finding("me", List.of(new RecipientHolds.RecipientHold("young",
        NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(1)), "CANCELLED_BY_SENDER",
        false, false)), NOW)).isNull();
  }
}
