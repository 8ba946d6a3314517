package io.holdfast.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.support.Invariants.InvariantViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hold lengths by tier and vulnerability, within the legal limit of four business days, and
 * when a held hold's checks re-run during its window.
 */
class HoldPolicyTest {
  private static final Money AMOUNT =
      new Money(100, CurrencyCatalog.defaults().find("USD").orElseThrow());
  private final HoldPolicy policy = HoldPolicy.defaults();

  private Hold.Held place(double score, boolean vulnerable, Instant at) {
    return policy.place("h", "t", "s", "a:r", AMOUNT, score, vulnerable, List.of("X"), at);
  }

  @Test
  void theTierSetsTheLengthAndVulnerabilityLengthensIt() {
    Instant monday = Instant.parse("2026-11-23T10:00:00Z");
    assertThat(place(0.72, false, monday).releaseAt()).isEqualTo(monday.plus(Duration.ofHours(24)));
    assertThat(place(0.72, false, monday).terms().tier()).isEqualTo(RiskTier.ELEVATED);
    assertThat(place(0.72, true, monday).terms().tier()).isEqualTo(RiskTier.HIGH);
    assertThat(place(0.72, true, monday).releaseAt()).isEqualTo(monday.plus(Duration.ofHours(24)));
    assertThat(place(0.90, false, monday).releaseAt()).isEqualTo(monday.plus(Duration.ofHours(24)));
    assertThat(place(0.90, true, monday).terms().tier()).isEqualTo(RiskTier.SEVERE);
    assertThat(place(0.99, false, monday).releaseAt()).isEqualTo(monday.plus(Duration.ofHours(72)));
  }

  @Test
  void theLegalDeadlineIsTheEndOfTheFourthBusinessDay() {
    BusinessDays days = new BusinessDays(4, ZoneOffset.UTC, Set.of(LocalDate.of(2026, 11, 26)));
    Instant friday = Instant.parse("2026-11-20T16:00:00Z");
    // Mon 23, Tue 24, Wed 25 count; Thu 26 is a holiday; Fri 27 is the fourth.
    assertThat(days.deadlineAfter(friday)).isEqualTo(Instant.parse("2026-11-27T23:59:59Z"));
  }

  @Test
  void noHoldIsPlacedPastTheLegalDeadline() {
    HoldPolicy tight = new HoldPolicy(java.util.Map.of(RiskTier.ELEVATED, Duration.ofDays(30),
        RiskTier.HIGH, Duration.ofDays(30), RiskTier.SEVERE, Duration.ofDays(30)),
        new BusinessDays(1, ZoneOffset.UTC, Set.of()), Duration.ofHours(1), Duration.ofHours(1),
        Duration.ofMinutes(15), 0.85, 0.95, UnknownRecipientHold.defaults());
    Instant wednesday = Instant.parse("2026-11-25T10:00:00Z");
    Hold.Held held = tight.place("h", "t", "s", "a:r", AMOUNT, 0.99, true, List.of("X"), wednesday);
    assertThat(held.releaseAt()).isEqualTo(Instant.parse("2026-11-26T23:59:59Z"));
    assertThat(held.releaseAt()).isEqualTo(held.terms().legalDeadline());
  }

  @Test
  void aHeldHoldIsReCheckedEveryIntervalUntilTheNextWouldReachItsDeadline() {
    Instant monday = Instant.parse("2026-11-23T10:00:00Z");
    Hold.Held held = place(0.72, false, monday);
    Instant deadline = monday.plus(Duration.ofHours(24));
    assertThat(held.releaseAt()).isEqualTo(deadline);
    assertThat(policy.recheckAfter(held, monday)).contains(monday.plus(Duration.ofMinutes(15)));
    assertThat(policy.recheckAfter(held, deadline.minus(Duration.ofMinutes(16))))
        .contains(deadline.minus(Duration.ofMinutes(1)));
    assertThat(policy.recheckAfter(held, deadline.minus(Duration.ofMinutes(15))))
        .as("a re-check at the deadline is the sweep's").isEmpty();
    assertThat(policy.recheckAfter(held, deadline.minus(Duration.ofMinutes(10)))).isEmpty();
  }

  @Test
  void onlyAHeldHoldIsReChecked() {
    Instant monday = Instant.parse("2026-11-23T10:00:00Z");
    Hold.Held held = place(0.90, false, monday);
    Hold investigated = new Hold.UnderInvestigation(held.terms(), held.releaseAt(), 2,
        "recipient reported", 2);
    Hold released = new Hold.Released(held.terms(), Resolution.RELEASED_BY_ANALYST,
        monday.plusSeconds(60), "analyst", 2);
    assertThat(policy.recheckAfter(held, monday)).isPresent();
    assertThat(policy.recheckAfter(investigated, monday)).isEmpty();
    assertThat(policy.recheckAfter(released, monday)).isEmpty();
  }

  @Test
  void theNextReCheckKeepsTheCadenceAndALateRunSkipsWhatItMissed() {
    Instant monday = Instant.parse("2026-11-23T10:00:00Z");
    Hold.Held held = place(0.90, false, monday);
    Instant due = monday.plus(Duration.ofMinutes(15));
    assertThat(policy.nextRecheck(held, due, due)).contains(due.plus(Duration.ofMinutes(15)));
    assertThat(policy.nextRecheck(held, due, due.plusSeconds(40)))
        .as("a run a little late stays on the cadence").contains(due.plus(Duration.ofMinutes(15)));
    Instant afterOutage = due.plus(Duration.ofHours(2));
    assertThat(policy.nextRecheck(held, due, afterOutage))
        .as("a run after an outage re-checks once, then an interval later")
        .contains(afterOutage.plus(Duration.ofMinutes(15)));
    Instant nearTheEnd = held.releaseAt().minus(Duration.ofMinutes(10));
    assertThat(policy.nextRecheck(held, nearTheEnd, nearTheEnd)).isEmpty();
    assertThatThrownBy(() -> policy.nextRecheck(held, due, due.minusSeconds(1)))
        .isInstanceOf(InvariantViolation.class);
  }

  @Test
  void theReCheckIntervalMustBePositive() {
    HoldPolicy d = HoldPolicy.defaults();
    assertThat(d.recheckEvery()).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> new HoldPolicy(d.lengths(), d.legalLimit(), d.extendBy(),
        d.deescalatedHold(), Duration.ZERO, d.highScore(), d.severeScore(),
        d.unknownRecipient()))
        .isInstanceOf(InvariantViolation.class).hasMessageContaining("re-check interval");
  }
}
