package io.holdfast.core.rule;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.screening.EngineFailure;
import io.holdfast.core.screening.RuleHit;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Transfer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the screening rules, compiled once and then evaluated for every transfer. It is
 * immutable, so one instance is shared by all screening threads; a rule change builds a new set
 * under a new version.
 */
public final class RuleSet {
  /** Bounds the work of one evaluation and keeps a runaway configuration from loading. */
  static final int MAX_RULES = 10_000;

  private final int version;
  private final List<Rule> rules;
  private final CompiledRule[] live;

  /** A rule that is not disabled, with its program and its guard (null when it has none). */
  private record CompiledRule(Rule rule, CelRuntime.Program program, Guard guard) {}

  private RuleSet(int version, List<Rule> rules, CompiledRule[] live) {
    this.version = version;
    this.rules = rules;
    this.live = live;
  }

  /**
   * Compiles every rule, disabled ones included so that a broken rule is caught when it is
   * saved rather than when someone enables it.
   *
   * @throws RuleCompilationException naming the first rule that does not compile
   */
  public static RuleSet compile(int version, List<Rule> rules) {
    Invariants.check(version >= 1, "rule set version must be at least 1, was %s", version);
    Invariants.check(rules != null, "rules are required");
    Invariants.check(
        rules.size() <= MAX_RULES, "at most %s rules, got %s", MAX_RULES, rules.size());
    Set<String> names = new HashSet<>();
    List<CompiledRule> live = new ArrayList<>();
    for (Rule rule : rules) {
      Invariants.check(rule != null, "rule set %s contains a null rule", version);
      if (!names.add(rule.name())) {
        throw new RuleCompilationException(rule.name(), "another rule already has this name");
      }
      CelEnvironment.Compiled compiled = CelEnvironment.compile(rule);
      if (rule.status() != RuleStatus.DISABLED) {
        Guard guard = Guard.of(compiled.ast().getExpr());
        live.add(new CompiledRule(rule, compiled.program(), guard));
      }
    }
    return new RuleSet(version, List.copyOf(rules), live.toArray(new CompiledRule[0]));
  }

  /**
   * Checks one rule as {@link #compile} would, for an API to reject a bad rule before saving.
   *
   * @throws RuleCompilationException saying what is wrong
   */
  public static void validate(Rule rule) {
    Invariants.check(rule != null, "rule is required");
    CelEnvironment.compile(rule);
  }

  public int version() {
    return version;
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * Evaluates every active and shadow rule. An active rule that fails is reported as a failure
   * and the others still run, so one bad rule degrades screening instead of stopping it; a
   * shadow rule that fails is a hit carrying its error, and degrades nothing.
   */
  public RuleEvaluation evaluate(Transfer transfer, FeatureVector features) {
    return evaluate(transfer, features, true);
  }

  /** As {@link #evaluate(Transfer, FeatureVector)}; tests turn guards off to prove them exact. */
  RuleEvaluation evaluate(Transfer transfer, FeatureVector features, boolean useGuards) {
    Invariants.check(transfer != null && features != null, "transfer and features are required");
    List<RuleHit> hits = new ArrayList<>(4);
    List<EngineFailure> failures = new ArrayList<>(0);
    CelVariableResolver variables = null;
    for (CompiledRule compiled : live) {
      Guard.Verdict verdict =
          useGuards && compiled.guard() != null
              ? compiled.guard().test(features, transfer)
              : Guard.Verdict.UNKNOWN;
      if (verdict == Guard.Verdict.FALSE) {
        continue;
      }
      if (verdict == Guard.Verdict.TRUE) {
        hits.add(hit(compiled.rule()));
        continue;
      }
      if (variables == null) {
        variables = resolver(transfer, features);
      }
      evaluateInCel(compiled, variables, hits, failures);
    }
    return new RuleEvaluation(hits, failures);
  }

  private static void evaluateInCel(
      CompiledRule compiled,
      CelVariableResolver variables,
      List<RuleHit> hits,
      List<EngineFailure> failures) {
    Rule rule = compiled.rule();
    Object result;
    try {
      result = compiled.program().eval(variables);
    } catch (CelEvaluationException | RuntimeException e) {
      // A runtime error in the interpreter is treated like an evaluation error: it is about
      // this rule and this transfer, and must not take the other rules down with it.
      fail(rule, describe(e), hits, failures);
      return;
    }
    if (result instanceof Boolean matched) {
      if (matched) {
        hits.add(hit(rule));
      }
    } else {
      String type = result == null ? "null" : result.getClass().getSimpleName();
      fail(rule, "result is not a boolean: " + type, hits, failures);
    }
  }

  /**
   * An active rule that cannot be evaluated degrades the decision (the fail-safe holds the
   * transfer); a shadow rule's error is recorded beside its hits and decides nothing.
   */
  private static void fail(Rule rule, String why, List<RuleHit> hits,
      List<EngineFailure> failures) {
    if (rule.status() == RuleStatus.SHADOW) {
      hits.add(new RuleHit(rule.name(), rule.version(), rule.reasonCode(), rule.description(),
          0.0, rule.outcome(), true, why));
    } else {
      failures.add(new EngineFailure("rule:" + rule.name(), why));
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static RuleHit hit(Rule rule) {
    boolean shadow = rule.status() == RuleStatus.SHADOW;
    return new RuleHit(
        rule.name(),
        rule.version(),
        rule.reasonCode(),
        rule.description(),
        shadow ? 0.0 : rule.score(),
        rule.outcome(),
        shadow);
  }

  /**
   * Both variables as lazy struct views. The views are built once per transfer and only when some
   * rule actually reaches CEL, which for an ordinary transfer is rare.
   */
  private static CelVariableResolver resolver(Transfer transfer, FeatureVector features) {
    Optional<Object> transferView = Optional.of(new TransferMapView(transfer));
    Optional<Object> featureView = Optional.of(new FeatureMapView(features));
    return name -> {
      if ("features".equals(name)) {
        return featureView;
      }
      return "transfer".equals(name) ? transferView : Optional.empty();
    };
  }
}
