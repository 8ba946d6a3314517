package io.holdfast.server.cases;

import java.time.Instant;
import java.util.List;

/**
 * One case's story on one line of time: its reports, freezes (and their appeals and ends),
 * claims, notes, refunds, sweeps, outreach to silent victims, law-enforcement requests and
 * decisions. A large case has more than a person reads, so {@code events} holds the latest
 * {@code limit} of them, oldest first, while {@code counts} counts every event of each kind
 * and {@code total} all of them: {@code truncated} says when some were left out. The API
 * answers it and the console's case page shows it.
 */
public record CaseTimeline(String caseId, int limit, long total, boolean truncated,
    List<KindCount> counts, List<CaseEvent> events) {

  /**
   * Something that happened to the case.
   *
   * @param kind report, freeze, claim, note, refund, sweep, outreach, law_enforcement or case
   * @param who the person or key that did it as the audit log names them, the victim for
   *     their report or claim, or "Holdfast" for what the server did by itself
   * @param what what happened, in plain words
   * @param amountMinor the money it concerns, in {@code currency}'s minor units, if any
   * @param ref the id of what it concerns (report, freeze, claim, refund, sweep...)
   */
  public record CaseEvent(Instant at, String kind, String who, String what, Long amountMinor,
      String currency, String ref) {}

  /** How many events of one kind the case has, in full. */
  public record KindCount(String kind, long events) {}
}
