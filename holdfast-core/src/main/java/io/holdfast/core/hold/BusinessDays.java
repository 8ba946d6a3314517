package io.holdfast.core.hold;

import io.holdfast.core.support.Invariants;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The legal limit on a hold: the UK lets a payer's bank delay a suspicious payment until the end
 * of the fourth business day after the day it was received. Business days skip weekends and the
 * configured holidays, in the platform's zone.
 */
public record BusinessDays(int days, ZoneId zone, Set<LocalDate> holidays) {
  private static final int SEARCH_DAYS_MAX = 366;

  public BusinessDays {
    Invariants.check(days >= 1 && days <= 30, "business days must be 1 to 30");
    holidays = Set.copyOf(holidays);
  }

  public static BusinessDays ukDefault() {
    return new BusinessDays(4, ZoneId.of("Europe/London"), Set.of());
  }

  /** The last instant of the {@code days}-th business day after the day of {@code from}. */
  public Instant deadlineAfter(Instant from) {
    LocalDate day = from.atZone(zone).toLocalDate();
    int counted = 0;
    for (int i = 0; i < SEARCH_DAYS_MAX && counted < days; i++) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    Invariants.check(counted == days, "no %s business days within a year", days);
    return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
  }

  private boolean isBusinessDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
  }
}
