package io.holdfast.server.console;

import io.holdfast.core.prevention.InterventionOutcome;
import io.holdfast.server.calls.CallTask;
import io.holdfast.server.calls.CallTasks;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * The agents' queue of calls and chats: the next task, claimed so nobody else works it, its
 * script, and the outcome, recorded once through the same service as the API.
 */
@Controller
public class ConsoleCallsController {
  static final int PAGE = 100;
  private final ConsoleContext context;
  private final CallTasks calls;

  public ConsoleCallsController(ConsoleContext context, CallTasks calls) {
    this.context = context;
    this.calls = calls;
  }

  @GetMapping("/console/calls")
  public ModelAndView queue(HttpServletRequest request) {
    List<CallTask> open = calls.open(PAGE, null, CallTasks.Assigned.ANY, Actor.current());
    return new ModelAndView("console/calls", Map.of("page", context.page(request, "Calls"),
        "tasks", open));
  }

  @PostMapping("/console/calls/next")
  public String next(HttpServletRequest request) {
    Optional<CallTask> next = calls.claimNext(Actor.current());
    if (next.isEmpty()) {
      context.flash(request, true, "No call is waiting.");
      return "redirect:/console/calls";
    }
    return "redirect:/console/calls/" + UriUtils.encodePathSegment(next.get().taskId(), "UTF-8");
  }

  @GetMapping("/console/calls/{taskId}")
  public ModelAndView task(HttpServletRequest request, @PathVariable String taskId) {
    CallTask task = find(taskId);
    List<String> outcomes = Arrays.stream(InterventionOutcome.values())
        .map(InterventionOutcome::wire).toList();
    return new ModelAndView("console/call", Map.of("page", context.page(request,
        "Call " + taskId), "task", task, "outcomes", outcomes,
        "mine", Actor.current().equals(task.assignedTo())));
  }

  @PostMapping("/console/calls/{taskId}/claim")
  public String claim(HttpServletRequest request, @PathVariable String taskId) {
    try {
      calls.claim(taskId, Actor.current());
      context.flash(request, true, "Claimed: nobody else can record this call now.");
    } catch (ApiProblem refused) {
      context.flash(request, false, "Not claimed: " + refused.getMessage());
    }
    return "redirect:/console/calls/" + UriUtils.encodePathSegment(taskId, "UTF-8");
  }

  @PostMapping("/console/calls/{taskId}/outcome")
  public String outcome(HttpServletRequest request, @PathVariable String taskId,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String note) {
    String back = "redirect:/console/calls/" + UriUtils.encodePathSegment(taskId, "UTF-8");
    if (note.length() > 2000) {
      context.flash(request, false, "The note is at most 2,000 characters; nothing was"
          + " recorded.");
      return back;
    }
    try {
      InterventionOutcome chosen = InterventionOutcome.byWire(outcome).orElseThrow(() ->
          ApiProblem.invalidField("outcome", "choose what happened on the call"));
      Map<String, Object> result = calls.record(taskId, chosen, note.isBlank() ? null
          : note.strip(), Actor.current());
      context.flash(request, true, "Recorded: " + chosen.wire()
          + (Boolean.TRUE.equals(result.get("hold_returned")) ? "; the held money goes back to"
              + " the sender." : "."));
      return "redirect:/console/calls";
    } catch (ApiProblem refused) {
      context.flash(request, false, "Not recorded: " + refused.getMessage());
      return back;
    }
  }

  private CallTask find(String taskId) {
    try {
      return calls.find(taskId);
    } catch (ApiProblem e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
