package io.holdfast.server.rules;

import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screening rules, changed at run time without a restart: directly here by platform automation,
 * and by people through drafts ({@link RuleDraftsController}).
 */
@RestController
@Tag(name = "Rules")
public class RulesController {
  private final RuleSets ruleSets;
  private final RuleRepository repository;
  private final Idempotency idempotency;

  public RulesController(RuleSets ruleSets, RuleRepository repository, Idempotency idempotency) {
    this.ruleSets = ruleSets;
    this.repository = repository;
    this.idempotency = idempotency;
  }

  @Operation(summary = "All rules and the live ruleset version")
  @GetMapping(path = "/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> list() {
    List<RuleView> rules = repository.all().stream().map(RuleView::of).toList();
    return Map.of("ruleset_version", ruleSets.current().version(), "rules", rules);
  }

  @Operation(summary = "One rule")
  @GetMapping(path = "/v1/rules/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  public RuleView get(@PathVariable String name) {
    RuleSets.checkName(name);
    return repository.find(name).map(RuleView::of)
        .orElseThrow(() -> ApiProblem.notFound("rule " + name));
  }

  @Operation(summary = "Add a rule (CEL over transfer and features)",
      description = "For platform automation holding the rules key scope: the rule goes live at"
          + " once. People propose a draft instead (POST /v1/rules/drafts), which a second"
          + " person publishes.")
  @PostMapping(path = "/v1/rules", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody RuleBody body, HttpServletRequest request) {
    return idempotency.execute(request,
        () -> new Idempotency.Result(HttpStatus.CREATED, ruleSets.create(body)));
  }

  @Operation(summary = "Change a rule; its version and the ruleset version go up by one",
      description = "For platform automation holding the rules key scope: the change is live at"
          + " once. People propose a draft of the change instead (POST /v1/rules/drafts with the"
          + " rule's name), which a second person publishes.")
  @PutMapping(path = "/v1/rules/{name}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> update(@PathVariable String name, @RequestBody RuleBody body,
      HttpServletRequest request) {
    RuleSets.checkName(name);
    return idempotency.execute(request,
        () -> new Idempotency.Result(HttpStatus.OK, ruleSets.update(name, body)));
  }
}
