package io.holdfast.server.programme;

import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The programme's numbers per day, as the console's KPI page charts them. */
@RestController
@Tag(name = "Statistics")
public class ProgrammeStatsController {
  public static final int DAYS_DEFAULT = 30;

  private final ProgrammeKpiQueries kpis;
  private final Clock clock;

  public ProgrammeStatsController(ProgrammeKpiQueries kpis, Clock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  /** The days a request asks for: {@code days} UTC days ending with {@code until}. */
  public record Window(LocalDate from, LocalDate until) {}

  @Operation(summary = "The programme's KPIs per UTC day: money blocked, returned from holds and"
      + " recovered (per currency in minor units, and in US cents), freezes and the median and"
      + " p95 time from a case's first report to its freeze, holds placed and released (the"
      + " delay to honest users), and agents' calls by outcome; every day of the window is"
      + " listed, with totals for the whole window")
  @GetMapping(path = "/v1/stats/programme", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProgrammeKpis programme(
      @Parameter(description = "how many days, 1 to 366 (default 30)")
      @RequestParam(required = false) Integer days,
      @Parameter(description = "the last day of the window, an ISO date (default: today, UTC)")
      @RequestParam(required = false) String until) {
    Window w = window(days, until, clock);
    return kpis.window(w.from(), w.until());
  }

  /** Reads the window's parameters as the API and the console both take them. */
  public static Window window(Integer days, String until, Clock clock) {
    int n = days == null ? DAYS_DEFAULT : days;
    if (n < 1 || n > ProgrammeKpiQueries.DAYS_MAX) {
      throw ApiProblem.invalidField("days", "days is 1 to " + ProgrammeKpiQueries.DAYS_MAX);
    }
    LocalDate last;
    if (until == null || until.isBlank()) {
      last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    } else {
      try {
        last = Timestamps.day("until", LocalDate.parse(until));
      } catch (DateTimeParseException e) {
        throw ApiProblem.invalidField("until", "until is an ISO date, such as 2026-11-25");
      }
    }
    LocalDate first = last.minusDays(n - 1L);
    Timestamps.day("until", first);
    return new Window(first, last);
  }
}
