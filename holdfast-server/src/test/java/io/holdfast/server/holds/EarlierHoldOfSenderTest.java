package io.holdfast.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "earlier hold" finding's selection, without a database. */
class EarlierHoldOfSenderTest {
  static final Instant HELD_AT = Instant.parse("2026-11-23T10:00:00Z");
  static final Instant EARLIER = HELD_AT.minus(Duration.ofDays(3));

  static RecipientHolds.RecipientHold investigated(String sender, boolean established) {
    return new RecipientHolds.RecipientHold(sender, EARLIER, null, null, true, established);
  }

  static RecipientHolds.RecipientHold ended(String sender, String resolution) {
    return new RecipientHolds.RecipientHold(sender, EARLIER, EARLIER.plus(Duration.ofDays(1)),
        resolution, false, true);
  }

  @Test
  void theSendersOwnEarlierPaymentUnderInvestigationIsAFindingYoungOrNot() {
    assertThat(EarlierHoldOfSender.finding("me", HELD_AT, List.of(investigated("me", false))))
        .isEqualTo("the sender's earlier payment to this recipient, held since " + EARLIER
            + ", is under investigation");
  }

  @Test
  void theSendersOwnEarlierPaymentReturnedIsAFinding() {
    assertThat(EarlierHoldOfSender.finding("me", HELD_AT,
        List.of(ended("me", "RETURNED_AT_DEADLINE"))))
        .startsWith("the sender's earlier payment to this recipient was returned on")
        .endsWith("(returned_at_deadline)");
    assertThat(EarlierHoldOfSender.finding("me", HELD_AT,
        List.of(ended("me", "RETURNED_AS_SCAM")))).isNotNull();
  }

  @Test
  void othersHoldsCancelledReleasedOrMerelyHeldOnesAndThisHoldItselfAreNot() {
    List<RecipientHolds.RecipientHold> holds = List.of(investigated("you", true),
        ended("you", "RETURNED_AS_SCAM"), ended("me", "CANCELLED_BY_SENDER"),
        ended("me", "RELEASED_AT_DEADLINE"), ended("me", "RETURNED_BY_ANALYST"),
        new RecipientHolds.RecipientHold("me", EARLIER, null, null, false, true),
        new RecipientHolds.RecipientHold("me", HELD_AT, null, null, true, true));
    assertThat(EarlierHoldOfSender.finding("me", HELD_AT, holds)).isNull();
    assertThat(EarlierHoldOfSender.finding("me", HELD_AT, null)).isNull();
  }
}
