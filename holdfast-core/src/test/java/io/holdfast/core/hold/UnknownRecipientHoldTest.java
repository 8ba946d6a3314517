package io.holdfast.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.support.Invariants.InvariantViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hold on a first payment to a recipient the platform barely knows lasts 72 hours. */
class UnknownRecipientHoldTest {
  private static final Money AMOUNT =
      new Money(100, CurrencyCatalog.defaults().find("USD").orElseThrow());
  private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
  private final HoldPolicy policy = HoldPolicy.defaults();

  private static FeatureVector payment(boolean first, double recipientAgeDays) {
    return new FeatureVector().set(Feature.FIRST_TRANSFER_TO_RECIPIENT, first)
        .set(Feature.RECIPIENT_AGE_DAYS, recipientAgeDays);
  }

  private Hold.Held place(double score, boolean unknown, Instant at) {
    return policy.place("h", "t", "s", "a:r", AMOUNT, score, false, unknown, List.of("X"), at);
  }

  @Test
  void aFirstPaymentToAYoungOrNeverSeenRecipientIsUnknown() {
    UnknownRecipientHold rule = UnknownRecipientHold.defaults();
    assertThat(rule.unknown(payment(true, 0))).isTrue();
    assertThat(rule.unknown(payment(true, 59.9))).isTrue();
    assertThat(rule.unknown(payment(true, 60))).isFalse();
    assertThat(rule.unknown(payment(false, 2))).isFalse();
  }

  @Test
  void aHighHoldToAnUnknownRecipientLastsSeventyTwoHours() {
    assertThat(place(0.90, true, MONDAY).releaseAt()).isEqualTo(MONDAY.plus(Duration.ofHours(72)));
    assertThat(place(0.90, false, MONDAY).releaseAt())
        .isEqualTo(MONDAY.plus(Duration.ofHours(24)));
  }

  @Test
  void everyTierIsKeptSeventyTwoHoursByDefault() {
    assertThat(place(0.72, true, MONDAY).terms().tier()).isEqualTo(RiskTier.ELEVATED);
    assertThat(place(0.72, true, MONDAY).releaseAt())
        .isEqualTo(MONDAY.plus(Duration.ofHours(72)));
    assertThat(place(0.72, false, MONDAY).releaseAt())
        .isEqualTo(MONDAY.plus(Duration.ofHours(24)));
  }

  @Test
  void lowerTiersAndLongerTiersKeepTheirOwnLength() {
    UnknownRecipientHold fromHigh = new UnknownRecipientHold(RiskTier.HIGH,
        Duration.ofHours(72), 60);
    assertThat(fromHigh.lengthFor(RiskTier.ELEVATED, Duration.ofHours(24), true))
        .isEqualTo(Duration.ofHours(24));
    assertThat(fromHigh.lengthFor(RiskTier.HIGH, Duration.ofHours(24), true))
        .isEqualTo(Duration.ofHours(72));
    UnknownRecipientHold shortWatch = new UnknownRecipientHold(RiskTier.HIGH,
        Duration.ofHours(48), 60);
    assertThat(shortWatch.lengthFor(RiskTier.SEVERE, Duration.ofHours(72), true))
        .isEqualTo(Duration.ofHours(72));
    assertThat(shortWatch.lengthFor(RiskTier.HIGH, Duration.ofHours(24), true))
        .isEqualTo(Duration.ofHours(48));
  }

  @Test
  void theLongerHoldStillEndsByTheLegalDeadline() {
    Instant friday = Instant.parse("2026-11-20T16:00:00Z");
    Hold.Held held = place(0.90, true, friday);
    assertThat(held.releaseAt()).isEqualTo(friday.plus(Duration.ofHours(72)));
    assertThat(held.releaseAt()).isBefore(held.terms().legalDeadline());
    HoldPolicy oneDayLimit = new HoldPolicy(policy.lengths(),
        new BusinessDays(1, java.time.ZoneOffset.UTC, java.util.Set.of()), policy.extendBy(),
        policy.deescalatedHold(), policy.recheckEvery(), policy.highScore(),
        policy.severeScore(), policy.unknownRecipient());
    Hold.Held capped = oneDayLimit.place("h", "t", "s", "a:r", AMOUNT, 0.90, false, true,
        List.of("X"), MONDAY);
    assertThat(capped.releaseAt()).isEqualTo(capped.terms().legalDeadline());
  }

  @Test
  void itsLengthMustBePositive() {
    assertThatThrownBy(() -> new UnknownRecipientHold(RiskTier.HIGH, Duration.ZERO, 60))
        .isInstanceOf(InvariantViolation.class);
  }
}
