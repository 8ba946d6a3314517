package io.holdfast.core.prevention.campaign;

import io.holdfast.core.account.AgeBand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a campaign is for. Every criterion left empty (an empty set, a null) matches everyone;
 * the criteria given must all hold. The server selects the same accounts in SQL
 * ({@code SegmentSql}); this class is the definition, exact to the instant:
 *
 * <ul>
 *   <li>{@code countries}: the account's country is one of them (an account without a country
 *       matches no list).
 *   <li>{@code ageBands}: the age band of the account on the day of {@code now} (UTC), from the
 *       date of birth when the platform sent one, else the band it sent; unknown matches none.
 *   <li>{@code vulnerable}: true for accounts with any vulnerability flag, false for none.
 *   <li>{@code paidNewAddressWithinDays}: a payment to an external address in
 *       {@code [now - N days, now)} that was the account's first payment to that address.
 *   <li>{@code depositWithinDays}: a deposit event in {@code [now - N days, now)}.
 *   <li>{@code openHold}: true for accounts with a held or investigated payment of their own
 *       now, false for those without.
 *   <li>{@code exposureMinMilli..exposureMaxMilli} (inclusive): the score, in thousandths, of
 *       the account's latest recorded daily assessment dated within the
 *       {@value #EXPOSURE_LOOKBACK_DAYS} days up to the day of {@code now}; no such
 *       assessment counts as 0 (assessments below the record threshold are not kept).
 * </ul>
 * Only active accounts are in any segment.
 */
public record Segment(Set<String> countries, Set<AgeBand> ageBands, Boolean vulnerable,
    Integer paidNewAddressWithinDays, Integer depositWithinDays, Boolean openHold,
    Integer exposureMinMilli, Integer exposureMaxMilli) {
  public static final int COUNTRIES_MAX = 60;
  public static final int WITHIN_DAYS_MAX = 90;
  public static final int EXPOSURE_LOOKBACK_DAYS = 7;

  public Segment {
    countries = countries == null ? Set.of() : Set.copyOf(new TreeSet<>(countries));
    ageBands = ageBands == null || ageBands.isEmpty() ? Set.of()
        : Set.copyOf(EnumSet.copyOf(ageBands));
    InvalidCampaign.require(countries.size() <= COUNTRIES_MAX, "segment.countries",
        "at most " + COUNTRIES_MAX + " countries");
    for (String c : countries) {
      InvalidCampaign.require(c != null && c.matches("[A-Z]{2}"), "segment.countries",
          "countries are ISO 3166-1 alpha-2 codes such as GB");
    }
    days(paidNewAddressWithinDays, "segment.paid_new_address_within_days");
    days(depositWithinDays, "segment.deposit_within_days");
    milli(exposureMinMilli, "segment.exposure_min");
    milli(exposureMaxMilli, "segment.exposure_max");
    InvalidCampaign.require(exposureMinMilli == null || exposureMaxMilli == null
        || exposureMinMilli <= exposureMaxMilli, "segment.exposure_min",
        "exposure_min is at most exposure_max");
  }

  public static Segment everyone() {
    return new Segment(null, null, null, null, null, null, null, null);
  }

  private static void days(Integer days, String field) {
    InvalidCampaign.require(days == null || (days >= 1 && days <= WITHIN_DAYS_MAX), field,
        "a number of days from 1 to " + WITHIN_DAYS_MAX);
  }

  private static void milli(Integer milli, String field) {
    InvalidCampaign.require(milli == null || (milli >= 0 && milli <= 1000), field,
        "an exposure score from 0 to 1");
  }

  /** What the segment needs to know about one active account, as of {@code now}. */
  public record Member(String accountId, String country, LocalDate dateOfBirth, AgeBand ageBand,
      boolean vulnerable, Instant lastFirstPaymentToAddressAt, Instant lastDepositAt,
      boolean openHold, int exposureMilli) {}

  public boolean matches(Member m, Instant now) {
    return (countries.isEmpty() || (m.country() != null && countries.contains(m.country())))
        && (ageBands.isEmpty() || inBands(ageBandOn(m.dateOfBirth(), m.ageBand(), day(now))))
        && (vulnerable == null || vulnerable == m.vulnerable())
        && within(paidNewAddressWithinDays, m.lastFirstPaymentToAddressAt(), now)
        && within(depositWithinDays, m.lastDepositAt(), now)
        && (openHold == null || openHold == m.openHold())
        && (exposureMinMilli == null || m.exposureMilli() >= exposureMinMilli)
        && (exposureMaxMilli == null || m.exposureMilli() <= exposureMaxMilli);
  }

  private boolean inBands(AgeBand band) {
    return band != null && ageBands.contains(band);
  }

  /**
   * Whether the latest event is in the window. Only the latest matters: an earlier one inside
   * the window implies the latest before {@code now} is inside it too, so callers pass the
   * latest before {@code now}.
   */
  private static boolean within(Integer days, Instant at, Instant now) {
    return days == null || (at != null && !at.isBefore(since(now, days)) && at.isBefore(now));
  }

  public static Instant since(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }

  public static LocalDate day(Instant now) {
    return now.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The band on {@code day}: from the date of birth when known, else the stated band. */
  public static AgeBand ageBandOn(LocalDate dateOfBirth, AgeBand stated, LocalDate day) {
    if (dateOfBirth == null) {
      return stated;
    }
    int years = Period.between(dateOfBirth, day).getYears();
    AgeBand band = null;
    for (AgeBand b : AgeBand.values()) {
      if (years >= b.lowestAgeYears()) {
        band = b;
      }
    }
    return band;
  }

  /**
   * The dates of birth in {@code band} on {@code day}: born after the first, on or before the
   * second (the second is null for no upper bound, the first null for none below), so SQL can
   * select a band with two comparisons.
   */
  public static LocalDate[] birthRange(AgeBand band, LocalDate day) {
    LocalDate latest = day.minusYears(band.lowestAgeYears());
    AgeBand next = band.ordinal() + 1 < AgeBand.values().length
        ? AgeBand.values()[band.ordinal() + 1] : null;
    LocalDate earliestExclusive = next == null ? null : day.minusYears(next.lowestAgeYears());
    return new LocalDate[] {earliestExclusive, latest};
  }

  public boolean needsExposure() {
    return exposureMinMilli != null || exposureMaxMilli != null;
  }
}
