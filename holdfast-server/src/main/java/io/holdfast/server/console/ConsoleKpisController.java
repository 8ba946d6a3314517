package io.holdfast.server.console;

import io.holdfast.server.programme.ProgrammeKpiQueries;
import io.holdfast.server.programme.ProgrammeKpis;
import io.holdfast.server.programme.ProgrammeStatsController;
import io.holdfast.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The programme's KPIs over time: the record {@code GET /v1/stats/programme} answers, charted
 * (uPlot, from its webjar) with the same numbers in a table under each chart.
 */
@Controller
public class ConsoleKpisController {
  private final ConsoleContext context;
  private final ProgrammeKpiQueries kpis;
  private final Clock clock;

  public ConsoleKpisController(ConsoleContext context, ProgrammeKpiQueries kpis, Clock clock) {
    this.context = context;
    this.kpis = kpis;
    this.clock = clock;
  }

  @GetMapping("/console/kpis")
  public ModelAndView kpis(HttpServletRequest request,
      @RequestParam(required = false) Integer days) {
    ProgrammeStatsController.Window window;
    try {
      window = ProgrammeStatsController.window(days, null, clock);
    } catch (ApiProblem e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    ProgrammeKpis k = kpis.window(window.from(), window.until());
    List<String> outcomes = k.totals().callsByOutcome().stream()
        .map(ProgrammeKpis.OutcomeCount::outcome).toList();
    return new ModelAndView("console/kpis", Map.of("page", context.page(request,
        "The programme's numbers"), "view", new ConsoleKpis(k, k.days().size(), outcomes)));
  }
}
