package io.holdfast.server.holds;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.Resolution;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What an analyst may do to a hold, with its rules, for the API and the console alike: release
 * (a supervisor's call when a paying victim reported the recipient), return, escalate, extend.
 * Each is one command through {@link HoldService}, so the audit log, the instructions and the
 * hold's one ending are the same whichever door it came through.
 */
@Component
public class AnalystHoldActions {
  private final HoldService holds;
  private final HoldQueries queries;

  public AnalystHoldActions(HoldService holds, HoldQueries queries) {
    this.holds = holds;
    this.queries = queries;
  }

  public Hold release(String holdId, String note) {
    requireSupervisorIfReported(holdId);
    return holds.apply(holdId, null, at -> new HoldCommand.Release(Actor.current(), at, note));
  }

  public Hold returnToSender(String holdId, String note) {
    return holds.apply(holdId, null, at -> new HoldCommand.ReturnToSender(Actor.current(), at,
        Resolution.RETURNED_BY_ANALYST, note));
  }

  public Hold escalate(String holdId, String finding) {
    return holds.apply(holdId, null,
        at -> new HoldCommand.Escalate(Actor.current(), at, finding, null));
  }

  public Hold extend(String holdId, Instant until, String note) {
    return holds.apply(holdId, null,
        at -> new HoldCommand.Extend(Actor.current(), at, until, note));
  }

  /** How many paying reporters reported the hold's recipient (release needs a supervisor). */
  public int reportersAgainstRecipient(String holdId) {
    Hold hold = queries.find(holdId).orElseThrow(() -> ApiProblem.notFound("hold " + holdId));
    return queries.reportersAgainst(hold.terms().recipientKey());
  }

  /**
   * Money to a recipient that victims reported goes out only on a supervisor's word: an analyst
   * alone cannot release it, whatever the investigation found. A report counts here as it
   * counts in screening and the investigation ({@code cases.CountedReports}): only from a
   * reporter who paid the recipient, and not once an analyst rejected it.
   */
  private void requireSupervisorIfReported(String holdId) {
    int reporters = reportersAgainstRecipient(holdId);
    if (reporters > 0 && !Actor.has(RouteRules.SUPERVISOR)) {
      throw new ApiProblem(ProblemType.FORBIDDEN, "the recipient was reported as a scammer by "
          + reporters + " reporter(s) who paid it; releasing this hold needs a supervisor");
    }
  }
}
