package io.holdfast.server.console;

import io.holdfast.server.rules.ExpressionCheck;
import io.holdfast.server.rules.RuleBacktest;
import io.holdfast.server.rules.RuleBacktests;
import io.holdfast.server.rules.RuleDraftView;
import io.holdfast.server.rules.RuleDrafts;
import io.holdfast.server.rules.RuleRepository;
import io.holdfast.server.rules.RuleSets;
import io.holdfast.server.rules.RuleView;
import io.holdfast.server.security.Actor;
import io.holdfast.server.security.RouteRules;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
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
 * Rule drafts for the risk team: an analyst writes one in the editor, whose expression is
 * validated as it is typed (the same check as the API's), and proposes it; the draft's page
 * shows what would change, a backtest over the most recent screenings and, for a rule live in
 * shadow, its recent shadow hits; a second person, a supervisor, publishes it after a page that
 * says what publishing does. The proposer is refused their own draft's publishing, here and in
 * the service.
 */
@Controller
public class ConsoleRuleDraftsController {
  private final ConsoleContext context;
  private final RuleDrafts drafts;
  private final RuleBacktests backtests;
  private final RuleRepository rules;
  private final RuleSets ruleSets;

  public ConsoleRuleDraftsController(ConsoleContext context, RuleDrafts drafts,
      RuleBacktests backtests, RuleRepository rules, RuleSets ruleSets) {
    this.context = context;
    this.drafts = drafts;
    this.backtests = backtests;
    this.rules = rules;
    this.ruleSets = ruleSets;
  }

  /** The validation fragment the editor asks for as the expression is typed (htmx). */
  @PostMapping("/console/rules/validate")
  public ModelAndView validate(@RequestParam(defaultValue = "") String expression) {
    return new ModelAndView("console/rule-validation",
        Map.of("check", ruleSets.checkExpression(expression)));
  }

  @GetMapping("/console/rules/drafts/new")
  public ModelAndView editor(HttpServletRequest request,
      @RequestParam(required = false) String rule) {
    RuleDraftForm form;
    if (rule == null) {
      form = RuleDraftForm.blank(null);
    } else {
      RuleView live = rules.find(Ids.path("rule", rule)).map(RuleView::of)
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
      form = RuleDraftForm.of(live, ruleSets.checkExpression(live.expression()));
    }
    return editor(request, form);
  }

  @PostMapping("/console/rules/drafts")
  public ModelAndView propose(HttpServletRequest request,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String expression,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String score,
      @RequestParam(defaultValue = "") String reasonCode,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String note) {
    RuleView live = Ids.valid(name) ? rules.find(name).map(RuleView::of).orElse(null) : null;
    RuleDraftForm form = new RuleDraftForm(name, expression, outcome, score, reasonCode,
        description, status, note, live, null, null, null);
    try {
      RuleDraftView draft = drafts.propose(form.body(), Actor.current());
      context.flash(request, true, "Proposed: a second person must publish it before it"
          + " takes effect.");
      return new ModelAndView("redirect:" + draftPath(draft.draftId()));
    } catch (ApiProblem refused) {
      Object field = refused.properties().get("field");
      ModelAndView page = editor(request, form.refused(refused.getMessage(),
          field == null ? null : field.toString(), ruleSets.checkExpression(form.expression())));
      page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
      return page;
    }
  }

  @GetMapping("/console/rules/drafts/{draftId}")
  public ModelAndView draft(HttpServletRequest request, @PathVariable String draftId) {
    RuleDraftView draft = find(draftId);
    String problem = null;
    RuleBacktest backtest = null;
    if (draft.proposed()) {
      try {
        backtest = backtests.backtest(draft);
      } catch (ApiProblem refused) {
        // The limits may have been tightened since the draft was proposed.
        problem = refused.getMessage();
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", context.page(request, "Rule draft " + draft.rule().name()));
    model.put("draft", draft);
    model.put("problem", problem == null ? "" : problem);
    model.put("backtest", backtest);
    model.put("shadowHits", backtests.shadowHits(draft.rule().name()).orElse(null));
    model.put("mine", draft.proposedBy().equals(Actor.current()));
    model.put("supervisor", Actor.has(RouteRules.SUPERVISOR));
    return new ModelAndView("console/rule-draft", model);
  }

  @GetMapping("/console/rules/drafts/{draftId}/publish")
  public ModelAndView confirmPublish(HttpServletRequest request, @PathVariable String draftId) {
    return confirm(request, draftId, "publish");
  }

  @GetMapping("/console/rules/drafts/{draftId}/withdraw")
  public ModelAndView confirmWithdraw(HttpServletRequest request, @PathVariable String draftId) {
    return confirm(request, draftId, "withdraw");
  }

  /** Says what the action does before it is done, or why this person may not do it. */
  private ModelAndView confirm(HttpServletRequest request, String draftId, String action) {
    RuleDraftView draft = find(draftId);
    boolean mine = draft.proposedBy().equals(Actor.current());
    String refused = null;
    if (!draft.proposed()) {
      refused = "This draft was already " + draft.state() + "; a draft is decided once.";
    } else if (action.equals("publish") && mine) {
      refused = "You proposed this draft, so you cannot publish it: a second person must.";
    } else if (action.equals("withdraw") && !mine && !Actor.has(RouteRules.SUPERVISOR)) {
      refused = "Only the person who proposed this draft, or a supervisor, may withdraw it.";
    }
    ModelAndView page = new ModelAndView("console/rule-draft-action", Map.of(
        "page", context.page(request, (action.equals("publish") ? "Publish" : "Withdraw")
            + " rule draft"), "draft", draft, "action", action,
        "refused", refused == null ? "" : refused));
    if (refused != null) {
      page.setStatus(HttpStatus.FORBIDDEN);
    }
    return page;
  }

  @PostMapping("/console/rules/drafts/{draftId}/publish")
  public String publish(HttpServletRequest request, @PathVariable String draftId) {
    String id = Ids.path("draftId", draftId);
    return act(request, id, () -> {
      RuleDraftView done = drafts.publish(id, Actor.current());
      return "Published: rule " + done.rule().name() + " version " + done.rule().version()
          + " decides the next screening.";
    });
  }

  @PostMapping("/console/rules/drafts/{draftId}/withdraw")
  public String withdraw(HttpServletRequest request, @PathVariable String draftId) {
    String id = Ids.path("draftId", draftId);
    return act(request, id, () -> {
      drafts.withdraw(id, Actor.current(), Actor.has(RouteRules.SUPERVISOR));
      return "Withdrawn: the draft will not be published.";
    });
  }

  private String act(HttpServletRequest request, String draftId,
      java.util.function.Supplier<String> work) {
    try {
      context.flash(request, true, work.get());
    } catch (ApiProblem refused) {
      context.flash(request, false, "Not done: " + refused.getMessage());
    }
    return "redirect:" + draftPath(draftId);
  }

  private ModelAndView editor(HttpServletRequest request, RuleDraftForm form) {
    return new ModelAndView("console/rule-draft-form", Map.of("page", context.page(request,
        form.change() ? "Propose a change of " + form.name() : "Propose a rule"), "form", form));
  }

  private RuleDraftView find(String draftId) {
    String id = Ids.path("draftId", draftId);
    return drafts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static String draftPath(String draftId) {
    return "/console/rules/drafts/" + UriUtils.encodePathSegment(draftId, "UTF-8");
  }
}
