package io.holdfast.server.rules;

import io.holdfast.core.rule.DefaultRules;
import io.holdfast.core.rule.Rule;
import io.holdfast.core.rule.RuleCompilationException;
import io.holdfast.core.rule.RuleLimits;
import io.holdfast.core.rule.RuleSet;
import io.holdfast.core.rule.RuleStatus;
import io.holdfast.core.rule.RuleTooCostlyException;
import io.holdfast.core.screening.Outcome;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.Actor;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live ruleset. Changes are validated by compiling the whole new ruleset, written with the
 * version bump and audit record in one transaction, and swapped in after commit; other server
 * instances pick a new version up within the refresh interval.
 */
@Service
public class RuleSets {
  private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

  private final RuleRepository repository;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final RuleLimits limits;
  private volatile RuleSet current;

  public RuleSets(RuleRepository repository, AuditLog audit, TransactionTemplate tx,
      RuleLimits limits) {
    this.repository = repository;
    this.audit = audit;
    this.tx = tx;
    this.limits = limits;
    this.current = tx.execute(status -> seedAndLoad());
  }

  public RuleSet current() {
    return current;
  }

  /** What a rule may cost here (holdfast.rules.*). */
  public RuleLimits limits() {
    return limits;
  }

  /**
   * The rule {@code body} describes, checked exactly as {@link #create} and {@link #update}
   * check it (fields, CEL, cost limits), for a draft to be refused when proposed rather than
   * when published.
   *
   * @throws ApiProblem naming the field at fault
   */
  public Rule check(RuleBody body, int version) {
    return toRule(body, version);
  }

  /**
   * Whether an expression alone compiles within the limits, as {@link #check} would find it,
   * for the draft editor to say so while the expression is typed.
   */
  public ExpressionCheck checkExpression(String expression) {
    if (expression == null || expression.isBlank()) {
      return ExpressionCheck.refused(ProblemType.INVALID_FIELD, "expression is required");
    }
    Rule probe = new Rule("expression", expression, null, 0.0, "EXPRESSION", "", RuleStatus.ACTIVE,
        1);
    try {
      RuleSet.validate(probe, limits);
      return ExpressionCheck.COMPILES;
    } catch (RuleCompilationException e) {
      ApiProblem p = problem(e);
      return ExpressionCheck.refused(p.type(), p.getMessage().replaceFirst("^rule expression: ",
          ""));
    }
  }

  private RuleSet seedAndLoad() {
    int version = repository.lockVersion();
    List<Rule> stored = repository.all();
    if (version > 0 || !stored.isEmpty()) {
      version = offerNewDefaults(version, stored);
    } else {
      for (Rule rule : DefaultRules.all()) {
        repository.insert(rule, Actor.SYSTEM);
      }
      version = 1;
      repository.setVersion(version);
      audit.record(Actor.SYSTEM, "ruleset.seeded", "ruleset", "1", null,
          "{\"rules\":" + DefaultRules.all().size() + "}", "first start: default ruleset");
      LOG.info("seeded the default ruleset ({} rules)", DefaultRules.all().size());
    }
    return load(version, repository.all());
  }

  /**
   * A stored ruleset as it is: a rule saved before the iteration estimate existed still loads,
   * and CEL's iteration limit and the deadline bound what it costs.
   */
  private RuleSet load(int version, List<Rule> rules) {
    return RuleSet.compile(version, rules, limits, System::nanoTime);
  }

  /**
   * A deployment that started with older defaults gets each default rule it never had, in
   * shadow: evaluated and recorded on every decision but deciding none, so an upgrade never
   * changes who is held until the risk team has read the rule's shadow hits (or backtested it)
   * and publishes it with {@code PUT /v1/rules/{name}}. Rules are never deleted, only disabled,
   * so a name the store lacks is one this deployment never had, and a disabled default stays
   * disabled. Runs under the ruleset row's lock, so instances starting together add each rule
   * once.
   */
  private int offerNewDefaults(int version, List<Rule> stored) {
    Set<String> names = new HashSet<>();
    stored.forEach(r -> names.add(r.name()));
    List<Rule> offered = new ArrayList<>();
    for (Rule d : DefaultRules.all()) {
      if (!names.contains(d.name())) {
        offered.add(new Rule(d.name(), d.expression(), d.outcome(), d.score(), d.reasonCode(),
            d.description(), RuleStatus.SHADOW, 1));
      }
    }
    if (offered.isEmpty()) {
      return version;
    }
    List<Rule> all = new ArrayList<>(stored);
    all.addAll(offered);
    int next = version + 1;
    compile(next, all);
    for (Rule rule : offered) {
      repository.insert(rule, Actor.SYSTEM);
      audit.record(Actor.SYSTEM, "rule.offered", "rule", rule.name(), null, rule.toString(),
          "a default rule new in this release, added in shadow; publish it with PUT /v1/rules/"
              + rule.name() + " (ruleset version " + next + ")");
    }
    repository.setVersion(next);
    LOG.info("added {} new default rule(s) in shadow: {}", offered.size(),
        offered.stream().map(Rule::name).toList());
    return next;
  }

  @Scheduled(fixedDelayString = "${holdfast.rules.refresh-millis:5000}")
  public void refresh() {
    int stored = repository.version();
    if (stored != current.version()) {
      swap(tx.execute(status -> load(repository.version(), repository.all())));
    }
  }

  /** The new ruleset goes live only once its rows are committed, never before. */
  private void swapAfterCommit(RuleSet next) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        swap(next);
      }
    });
  }

  private synchronized void swap(RuleSet next) {
    if (next.version() > current.version()) {
      current = next;
    }
  }

  public RuleView create(RuleBody body) {
    Rule rule = toRule(body, 1);
    tx.execute(status -> {
      int version = repository.lockVersion();
      if (repository.find(rule.name()).isPresent()) {
        throw new ApiProblem(ProblemType.CONFLICT, "a rule named '" + rule.name()
            + "' exists; change it with PUT /v1/rules/" + rule.name());
      }
      List<Rule> rules = new ArrayList<>(repository.all());
      rules.add(rule);
      RuleSet compiled = compile(version + 1, rules);
      repository.insert(rule, Actor.current());
      repository.setVersion(version + 1);
      audit.record(Actor.current(), "rule.created", "rule", rule.name(), null,
          rule.toString(), "ruleset version " + (version + 1));
      swapAfterCommit(compiled);
      return compiled;
    });
    return RuleView.of(rule);
  }

  public RuleView update(String name, RuleBody body) {
    if (body.name() != null && !body.name().equals(name)) {
      throw ApiProblem.invalidField("name", "the body's name differs from the path; rules"
          + " cannot be renamed");
    }
    Rule[] changed = new Rule[1];
    tx.execute(status -> {
      int version = repository.lockVersion();
      Rule before = repository.find(name)
          .orElseThrow(() -> ApiProblem.notFound("rule " + name));
      Rule rule = toRule(withName(body, name), before.version() + 1);
      List<Rule> rules = new ArrayList<>(repository.all());
      rules.replaceAll(r -> r.name().equals(name) ? rule : r);
      RuleSet compiled = compile(version + 1, rules);
      repository.update(rule, Actor.current());
      repository.setVersion(version + 1);
      audit.record(Actor.current(), "rule.updated", "rule", name, before.toString(),
          rule.toString(), "ruleset version " + (version + 1));
      changed[0] = rule;
      swapAfterCommit(compiled);
      return compiled;
    });
    return RuleView.of(changed[0]);
  }

  private static RuleBody withName(RuleBody b, String name) {
    return new RuleBody(name, b.expression(), b.outcome(), b.score(), b.reasonCode(),
        b.description(), b.status());
  }

  private RuleSet compile(int version, List<Rule> rules) {
    try {
      return load(version, rules);
    } catch (RuleCompilationException e) {
      throw problem(e);
    }
  }

  /** Over a limit is 422 (the rule is well formed, but refused); not compiling is 400. */
  private static ApiProblem problem(RuleCompilationException e) {
    ProblemType type = e instanceof RuleTooCostlyException
        ? ProblemType.RULE_TOO_COSTLY : ProblemType.INVALID_RULE;
    return new ApiProblem(type, e.getMessage(), Map.of("field", "expression"));
  }

  private Rule toRule(RuleBody b, int version) {
    String name = b.name();
    if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
      throw ApiProblem.invalidField("name", "name must be 1-64 of a-z, 0-9 and _, starting with"
          + " a letter");
    }
    if (b.expression() == null || b.expression().isBlank()) {
      throw ApiProblem.invalidField("expression", "expression is required");
    }
    if (b.score() == null || b.score().isNaN() || b.score() < 0.0 || b.score() > 1.0) {
      throw ApiProblem.invalidField("score", "score is required, between 0 and 1");
    }
    if (b.reasonCode() == null || !b.reasonCode().matches("[A-Z][A-Z0-9_]{0,63}")) {
      throw ApiProblem.invalidField("reason_code", "reason_code is required, UPPER_SNAKE_CASE");
    }
    if (b.description() == null || b.description().isBlank() || b.description().length() > 1000) {
      throw ApiProblem.invalidField("description", "description is required, at most 1000 chars");
    }
    Rule rule = new Rule(name, b.expression(), outcome(b.outcome()), b.score(), b.reasonCode(),
        b.description(), status(b.status()), version);
    try {
      RuleSet.validate(rule, limits);
    } catch (RuleCompilationException e) {
      throw problem(e);
    }
    return rule;
  }

  private static Outcome outcome(String text) {
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "WARN" -> Outcome.WARN;
      case "HOLD" -> Outcome.HOLD;
      case "BLOCK" -> Outcome.BLOCK;
      default -> throw ApiProblem.invalidField("outcome", "outcome must be WARN, HOLD or BLOCK,"
          + " or omitted for a score-only rule");
    };
  }

  private static RuleStatus status(String text) {
    if (text == null) {
      return RuleStatus.ACTIVE;
    }
    try {
      return RuleStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalidField("status", "status must be active, shadow or disabled");
    }
  }

  static String checkName(String name) {
    return Ids.path("name", name);
  }
}
