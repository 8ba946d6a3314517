package io.holdfast.server.console;

import io.holdfast.server.programme.ProgrammeKpis;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The KPI page: the programme's numbers for the window the person chose, and the outcomes of
 * calls that occur in it (one column and one line of the calls chart each).
 */
public record ConsoleKpis(ProgrammeKpis kpis, int days, List<String> outcomes) {
  /** The windows the page offers; any other from 1 to 366 days works in the address too. */
  public static final List<Integer> CHOICES = List.of(7, 30, 90, 180, 366);

  /** The start of a UTC day in seconds, as the charts place it. */
  public static long epochSeconds(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** US cents as dollars, for a chart's value (the table shows the exact amount). */
  public static double dollars(long usdMinor) {
    return usdMinor / 100.0;
  }

  /** Milliseconds as minutes for a chart's value; empty (a gap) when nothing was timed. */
  public static String minutes(Long millis) {
    return millis == null ? "" : String.valueOf(millis / 60_000.0);
  }

  /** How many calls of {@code outcome} a day records. */
  public static long calls(ProgrammeKpis.DayKpis day, String outcome) {
    return day.callsByOutcome().stream().filter(o -> o.outcome().equals(outcome))
        .mapToLong(ProgrammeKpis.OutcomeCount::calls).sum();
  }
}
