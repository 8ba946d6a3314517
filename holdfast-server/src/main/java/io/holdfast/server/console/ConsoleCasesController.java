package io.holdfast.server.console;

import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.CaseTimeline;
import io.holdfast.server.cases.CaseTimelines;
import io.holdfast.server.sweeps.SweepRows;
import io.holdfast.server.recovery.RecoveryService;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * Cases and the four-eyes queue: one person asks to confirm a case, a second approves it; the
 * console offers both and the service refuses a person approving their own request, whatever
 * their roles. A case's page tells its story on one timeline and, once its subject was
 * declared a scammer, links to the scammer's graph.
 */
@Controller
public class ConsoleCasesController {
  static final int APPROVALS_MAX = 200;
  private final ConsoleContext context;
  private final CaseRows cases;
  private final RecoveryService recovery;
  private final JdbcTemplate jdbc;
  private final CaseTimelines timelines;
  private final SweepRows scammers;

  public ConsoleCasesController(ConsoleContext context, CaseRows cases,
      RecoveryService recovery, JdbcTemplate jdbc, CaseTimelines timelines,
      SweepRows scammers) {
    this.timelines = timelines;
    this.scammers = scammers;
    this.context = context;
    this.cases = cases;
    this.recovery = recovery;
    this.jdbc = jdbc;
  }

  @GetMapping("/console/approvals")
  public ModelAndView approvals(HttpServletRequest request) {
    List<Approval> waiting = jdbc.query("SELECT case_id, subject_key, scam_type,"
            + " confirm_requested_by, confirm_requested_at, confirm_request_note FROM cases"
            + " WHERE state = 'OPEN' AND confirm_requested_by IS NOT NULL"
            + " ORDER BY confirm_requested_at, case_id LIMIT ?",
        (rs, n) -> new Approval("case confirmation", rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)),
        APPROVALS_MAX);
    return new ModelAndView("console/approvals", Map.of("page", context.page(request,
        "Waiting for a second person"), "approvals", waiting, "me", Actor.current()));
  }

  @GetMapping("/console/cases/{caseId}")
  public ModelAndView detail(HttpServletRequest request, @PathVariable String caseId) {
    CaseRows.CaseRow row = cases.find(caseId).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND));
    CaseTimeline timeline = timelines.of(row);
    ConsoleCase view = new ConsoleCase(row, timeline.counts().stream()
            .filter(k -> k.kind().equals("report")).mapToLong(CaseTimeline.KindCount::events)
            .sum(),
        count("SELECT COUNT(*) FROM freezes WHERE case_id = ? AND state = 'ACTIVE'", caseId),
        count("SELECT COUNT(*) FROM holds WHERE recipient_key = ? AND release_at IS NOT NULL",
            row.subjectKey()), timeline,
        scammers.scammerOf(row.subjectKey()).map(SweepRows.Scammer::scammerId).orElse(null));
    return new ModelAndView("console/case", Map.of("page", context.page(request,
        "Case " + caseId), "kase", view, "me", Actor.current()));
  }

  @PostMapping("/console/cases/{caseId}/confirm")
  public String confirm(HttpServletRequest request, @PathVariable String caseId,
      @RequestParam(defaultValue = "") String reason) {
    return act(request, caseId, reason, () -> recovery.requestConfirmation(caseId,
        Actor.current(), reason.strip()), "Asked: a second person must approve the"
        + " confirmation before it takes effect.");
  }

  @PostMapping("/console/cases/{caseId}/approve")
  public String approve(HttpServletRequest request, @PathVariable String caseId) {
    return act(request, caseId, "approved", () -> recovery.approveConfirmation(caseId,
        Actor.current()), "Approved: the case is confirmed.");
  }

  @PostMapping("/console/cases/{caseId}/reject")
  public String reject(HttpServletRequest request, @PathVariable String caseId,
      @RequestParam(defaultValue = "") String reason) {
    return act(request, caseId, reason, () -> recovery.reject(caseId, Actor.current(),
        reason.strip()), "Rejected.");
  }

  private String act(HttpServletRequest request, String caseId, String reason, Runnable work,
      String done) {
    String back = "redirect:/console/cases/" + UriUtils.encodePathSegment(caseId, "UTF-8");
    if (reason.isBlank() || reason.length() > 1000) {
      context.flash(request, false, "Say why, in up to 1,000 characters; nothing was changed.");
      return back;
    }
    try {
      work.run();
      context.flash(request, true, done);
    } catch (ApiProblem refused) {
      context.flash(request, false, "Not done: " + refused.getMessage());
    }
    return back;
  }

  private long count(String sql, Object arg) {
    Long n = jdbc.queryForObject(sql, Long.class, arg);
    return n == null ? 0 : n;
  }
}
