package io.holdfast.server.console;

import io.holdfast.server.rules.RuleDrafts;
import io.holdfast.server.rules.RuleRepository;
import io.holdfast.server.rules.RuleSets;
import io.holdfast.server.rules.RuleView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The screening rules as the risk team reads them, and the drafts waiting for a second person:
 * the same records the rules API answers.
 */
@Controller
public class ConsoleRulesController {
  private final ConsoleContext context;
  private final RuleRepository rules;
  private final RuleSets ruleSets;
  private final RuleDrafts drafts;

  public ConsoleRulesController(ConsoleContext context, RuleRepository rules,
      RuleSets ruleSets, RuleDrafts drafts) {
    this.context = context;
    this.rules = rules;
    this.ruleSets = ruleSets;
    this.drafts = drafts;
  }

  @GetMapping("/console/rules")
  public ModelAndView rules(HttpServletRequest request) {
    List<RuleView> all = rules.all().stream().map(RuleView::of).toList();
    return new ModelAndView("console/rules", Map.of("page", context.page(request, "Rules"),
        "rules", all, "drafts", drafts.newest("proposed", RuleDrafts.LIST_MAX).drafts(),
        "version", ruleSets.current().version()));
  }
}
