package io.holdfast.server.console;

import io.holdfast.server.sweeps.ScammerGraph;
import io.holdfast.server.sweeps.ScammerGraphs;
import io.holdfast.server.sweeps.SweepRows;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** A declared scammer's cluster and money, drawn as a graph with its links in a table. */
@Controller
public class ConsoleScammersController {
  private final ConsoleContext context;
  private final SweepRows rows;
  private final ScammerGraphs graphs;

  public ConsoleScammersController(ConsoleContext context, SweepRows rows,
      ScammerGraphs graphs) {
    this.context = context;
    this.rows = rows;
    this.graphs = graphs;
  }

  @GetMapping("/console/scammers/{scammerId}/graph")
  public ModelAndView graph(HttpServletRequest request, @PathVariable String scammerId) {
    try {
      Ids.path("scammer_id", scammerId);
    } catch (ApiProblem e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    SweepRows.Scammer s = rows.scammer(scammerId).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND));
    ScammerGraph g = graphs.of(s);
    ConsolePage page = context.page(request, "The money of " + GraphPicture.label(
        s.subjectKey()));
    Formats f = page.format();
    List<ConsoleScammerGraph.Link> links = g.edges().stream().map(e ->
        new ConsoleScammerGraph.Link(e.from(), e.to(), switch (e.kind()) {
          case "paid" -> "paid";
          case "onward" -> "passed the money on";
          default -> "linked";
        }, e.amountMinor() == null ? "" : f.money(e.amountMinor(), e.currency()),
            e.transfers() == null ? "" : f.count(e.transfers()),
            GraphPicture.describe(e, f))).toList();
    return new ModelAndView("console/graph", Map.of("page", page, "view",
        new ConsoleScammerGraph(g, GraphPicture.of(g, f), links)));
  }
}
