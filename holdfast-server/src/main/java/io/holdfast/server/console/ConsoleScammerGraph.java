package io.holdfast.server.console;

import io.holdfast.server.sweeps.ScammerGraph;
import java.util.List;

/**
 * The graph page: the record {@code GET /v1/scammers/{id}/graph} answers, its picture, and
 * each link in words for the table under it.
 */
public record ConsoleScammerGraph(ScammerGraph graph, GraphPicture picture,
    List<Link> links) {
  /** One link as the table reads it. */
  public record Link(String from, String to, String kind, String amount, String payments,
      String sentence) {}
}
