package io.holdfast.core.prevention.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.account.AgeBand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentTest {
  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  static Segment.Member member() {
    return new Segment.Member("a", "GB", LocalDate.parse("1950-01-01"), null, true, null, null,
        false, 0);
  }

  @Test
  void everyoneMatchesTheEmptySegment() {
    assertThat(Segment.everyone().matches(member(), NOW)).isTrue();
    assertThat(Segment.everyone().matches(new Segment.Member("b", null, null, null, false, null,
        null, true, 999), NOW)).isTrue();
  }

  @Test
  void countriesAndVulnerabilityAreExact() {
    Segment s = new Segment(Set.of("GB", "IE"), null, true, null, null, null, null, null);
    assertThat(s.matches(member(), NOW)).isTrue();
    Segment.Member m = member();
    assertThat(s.matches(new Segment.Member("a", "FR", m.dateOfBirth(), null, true, null, null,
        false, 0), NOW)).isFalse();
    assertThat(s.matches(new Segment.Member("a", null, m.dateOfBirth(), null, true, null, null,
        false, 0), NOW)).isFalse();
    assertThat(s.matches(new Segment.Member("a", "GB", m.dateOfBirth(), null, false, null, null,
        false, 0), NOW)).isFalse();
  }

  @Test
  void theDepositWindowIncludesItsStartAndExcludesNow() {
    Segment s = new Segment(null, null, null, null, 3, null, null, null);
    Instant start = NOW.minus(Duration.ofDays(3));
    assertThat(s.matches(deposit(start), NOW)).isTrue();
    assertThat(s.matches(deposit(start.minusMillis(1)), NOW)).isFalse();
    assertThat(s.matches(deposit(NOW.minusMillis(1)), NOW)).isTrue();
    assertThat(s.matches(deposit(NOW), NOW)).isFalse();
    assertThat(s.matches(deposit(null), NOW)).isFalse();
  }

  static Segment.Member deposit(Instant at) {
    return new Segment.Member("a", "GB", null, null, false, null, at, false, 0);
  }

  @Test
  void exposureIsAnInclusiveRangeAndOpenHoldBothWays() {
    Segment s = new Segment(null, null, null, null, null, true, 500, 800);
    assertThat(s.matches(exposure(500, true), NOW)).isTrue();
    assertThat(s.matches(exposure(800, true), NOW)).isTrue();
    assertThat(s.matches(exposure(499, true), NOW)).isFalse();
    assertThat(s.matches(exposure(801, true), NOW)).isFalse();
    assertThat(s.matches(exposure(600, false), NOW)).isFalse();
    Segment noHold = new Segment(null, null, null, null, null, false, null, null);
    assertThat(noHold.matches(exposure(600, false), NOW)).isTrue();
    assertThat(noHold.matches(exposure(600, true), NOW)).isFalse();
  }

  static Segment.Member exposure(int milli, boolean hold) {
    return new Segment.Member("a", "GB", null, null, false, null, null, hold, milli);
  }

  @Test
  void theAgeBandComesFromTheDateOfBirthOnTheDayElseTheStatedBand() {
    Segment seniors = new Segment(null, Set.of(AgeBand.FROM_65), null, null, null, null, null,
        null);
    LocalDate day = Segment.day(NOW);
    Segment.Member turns65Today = new Segment.Member("a", "GB", day.minusYears(65),
        AgeBand.FROM_18_TO_24, false, null, null, false, 0);
    Segment.Member turns65Tomorrow = new Segment.Member("a", "GB", day.minusYears(65)
        .plusDays(1), AgeBand.FROM_65, false, null, null, false, 0);
    Segment.Member statedOnly = new Segment.Member("a", "GB", null, AgeBand.FROM_65, false,
        null, null, false, 0);
    Segment.Member unknown = new Segment.Member("a", "GB", null, null, false, null, null,
        false, 0);
    assertThat(seniors.matches(turns65Today, NOW)).isTrue();
    assertThat(seniors.matches(turns65Tomorrow, NOW)).as("the date of birth wins").isFalse();
    assertThat(seniors.matches(statedOnly, NOW)).isTrue();
    assertThat(seniors.matches(unknown, NOW)).isFalse();
  }

  @Test
  void theBirthRangeSqlUsesAgreesWithTheBandOnEveryDay() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      LocalDate day = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(365 * 30));
      LocalDate dob = day.minusDays(random.nextInt(365 * 90));
      AgeBand band = Segment.ageBandOn(dob, null, day);
      for (AgeBand b : AgeBand.values()) {
        LocalDate[] range = Segment.birthRange(b, day);
        boolean inRange = (range[0] == null || dob.isAfter(range[0])) && !dob.isAfter(range[1]);
        assertThat(inRange).as("%s born %s on %s", b, dob, day).isEqualTo(b == band);
      }
    }
  }

  @Test
  void badCriteriaNameTheirField() {
    assertThatThrownBy(() -> new Segment(Set.of("gb"), null, null, null, null, null, null, null))
        .isInstanceOf(InvalidCampaign.class).extracting(e -> ((InvalidCampaign) e).field())
        .isEqualTo("segment.countries");
    assertThatThrownBy(() -> new Segment(null, null, null, 0, null, null, null, null))
        .extracting(e -> ((InvalidCampaign) e).field())
        .isEqualTo("segment.paid_new_address_within_days");
    assertThatThrownBy(() -> new Segment(null, null, null, null, null, null, 700, 600))
        .extracting(e -> ((InvalidCampaign) e).field()).isEqualTo("segment.exposure_min");
  }
}
