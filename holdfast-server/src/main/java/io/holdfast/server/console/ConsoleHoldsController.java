package io.holdfast.server.console;

import io.holdfast.server.holds.AnalystHoldActions;
import io.holdfast.server.holds.HoldDetail;
import io.holdfast.server.holds.HoldDetails;
import io.holdfast.server.holds.HoldQueue;
import io.holdfast.server.holds.HoldQueueController;
import io.holdfast.server.holds.HoldQueueItem;
import io.holdfast.server.holds.HoldQueuePage;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
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
 * Held payments: the queue by deadline and tier, a hold's page, and the analysts' actions, each
 * shown with what it will do before it is done, and done through the same rules and audit as
 * the API ({@link AnalystHoldActions}).
 */
@Controller
public class ConsoleHoldsController {
  private final ConsoleContext context;
  private final HoldQueue queue;
  private final HoldDetails details;
  private final AnalystHoldActions actions;

  public ConsoleHoldsController(ConsoleContext context, HoldQueue queue, HoldDetails details,
      AnalystHoldActions actions) {
    this.context = context;
    this.queue = queue;
    this.details = details;
    this.actions = actions;
  }

  @GetMapping("/console/holds")
  public ModelAndView queue(HttpServletRequest request,
      @RequestParam(required = false) String state, @RequestParam(required = false) String tier,
      @RequestParam(required = false) String after) {
    HoldQueuePage page;
    try {
      page = HoldQueueController.queue(queue, state, tier, after, 50);
    } catch (ApiProblem e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", context.page(request, "Held payments"));
    model.put("queue", page);
    model.put("state", state == null ? "" : state);
    model.put("tier", tier == null ? "" : tier);
    return new ModelAndView("console/holds", model);
  }

  /** "Next item": the open hold with the soonest deadline, among those the filter shows. */
  @GetMapping("/console/holds/next")
  public String next(HttpServletRequest request, @RequestParam(required = false) String state,
      @RequestParam(required = false) String tier) {
    Optional<HoldQueueItem> next = queue.next(HoldQueueController.filter(state, tier));
    if (next.isEmpty()) {
      context.flash(request, true, "No open hold is waiting.");
      return "redirect:/console/holds";
    }
    return "redirect:/console/holds/" + UriUtils.encodePathSegment(next.get().holdId(), "UTF-8");
  }

  @GetMapping("/console/holds/{holdId}")
  public ModelAndView hold(HttpServletRequest request, @PathVariable String holdId) {
    HoldDetail detail = find(holdId);
    return new ModelAndView("console/hold", Map.of("page", context.page(request,
        "Held payment " + holdId), "detail", detail));
  }

  @GetMapping("/console/holds/{holdId}/{action}")
  public ModelAndView confirm(HttpServletRequest request, @PathVariable String holdId,
      @PathVariable String action) {
    HoldDetail detail = find(holdId);
    ConsolePage page = context.page(request, "Confirm: " + action);
    HoldAction what = HoldAction.of(action, detail, page.format()).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND));
    return new ModelAndView("console/hold-action", Map.of("page", page, "detail", detail,
        "action", what));
  }

  @PostMapping("/console/holds/{holdId}/{action}")
  public String act(HttpServletRequest request, @PathVariable String holdId,
      @PathVariable String action, @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) String until) {
    HoldDetail detail = find(holdId);
    String to = "redirect:/console/holds/" + UriUtils.encodePathSegment(holdId, "UTF-8");
    if (reason.isBlank() || reason.length() > 1000) {
      context.flash(request, false, "Say why, in up to 1,000 characters; nothing was changed.");
      return to + "/" + action;
    }
    try {
      switch (action) {
        case "release" -> actions.release(holdId, reason.strip());
        case "return" -> actions.returnToSender(holdId, reason.strip());
        case "escalate" -> actions.escalate(holdId, reason.strip());
        case "extend" -> actions.extend(holdId, until(until, detail), reason.strip());
        default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
      context.flash(request, true, done(action));
    } catch (ApiProblem refused) {
      context.flash(request, false, "Not done: " + refused.getMessage());
    }
    return to;
  }

  private static Instant until(String until, HoldDetail detail) {
    if (until == null || until.isBlank()) {
      throw ApiProblem.invalidField("until", "give the time to keep the hold until");
    }
    return Timestamps.parse("until", until);
  }

  private static String done(String action) {
    return switch (action) {
      case "release" -> "Released: the payment goes to the recipient.";
      case "return" -> "Returned: the money goes back to the sender.";
      case "escalate" -> "Escalated: the hold is under investigation.";
      default -> "Extended.";
    };
  }

  private HoldDetail find(String holdId) {
    try {
      Ids.path("hold_id", holdId);
    } catch (ApiProblem e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return details.find(holdId).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
