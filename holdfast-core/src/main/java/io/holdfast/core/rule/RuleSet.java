package io.holdfast.core.rule;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.screening.EngineFailure;
import io.holdfast.core.screening.RuleHit;
import io.holdfast.core.support.Invariants;
import io.holdfast.core.transfer.Transfer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One version of the screening rules, compiled once and then evaluated for every transfer. It is
 * immutable, so one instance is shared by all screening threads; a rule change builds a new set
 * under a new version.
 */
public final class RuleSet {
  /** Bounds the work of one evaluation and keeps a runaway configuration from loading. */
  static final int MAX_RULES = 10_000;

  /** How many skipped active rules a deadline failure names; the count says the rest. */
  private static final int NAMED_SKIPPED_MAX = 10;

  private final int version;
  private final List<Rule> rules;
  private final CompiledRule[] live;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;

  /** A rule that is not disabled, with its program and its guard (null when it has none). */
  private record CompiledRule(Rule rule, CelRuntime.Program program, Guard guard) {}

  private RuleSet(int version, List<Rule> rules, CompiledRule[] live, long deadlineNanos,
      LongSupplier nanoTime) {
    this.version = version;
    this.rules = rules;
    this.live = live;
    this.deadlineNanos = deadlineNanos;
    this.nanoTime = nanoTime;
  }

  /**
   * As {@link #compile(int, List, RuleLimits, LongSupplier)}, with the default limits and a
   * ticker that never moves, so without a deadline: for backtests, replays, benchmarks and
   * tests, whose results must not depend on how busy the machine is. The server passes its own
   * limits and {@code System::nanoTime}.
   */
  public static RuleSet compile(int version, List<Rule> rules) {
    return compile(version, rules, RuleLimits.defaults(), () -> 0L);
  }

  /**
   * Compiles every rule, disabled ones included so that a broken rule is caught when it is
   * saved rather than when someone enables it. Size and nesting are checked here; the iteration
   * estimate is not (see {@link #validate(Rule, RuleLimits)}), so a stored rule saved before it
   * existed still loads, and CEL's iteration limit and the deadline bound what it costs.
   *
   * @param nanoTime the ticker the deadline is measured with ({@code System::nanoTime})
   * @throws RuleCompilationException naming the first rule that does not compile
   */
  public static RuleSet compile(int version, List<Rule> rules, RuleLimits limits,
      LongSupplier nanoTime) {
    Invariants.check(version >= 1, "rule set version must be at least 1, was %s", version);
    Invariants.check(rules != null, "rules are required");
    Invariants.check(limits != null && nanoTime != null, "limits and a ticker are required");
    Invariants.check(
        rules.size() <= MAX_RULES, "at most %s rules, got %s", MAX_RULES, rules.size());
    CelEnvironment cel = CelEnvironment.of(limits);
    Set<String> names = new HashSet<>();
    List<CompiledRule> active = new ArrayList<>();
    List<CompiledRule> shadow = new ArrayList<>();
    for (Rule rule : rules) {
      Invariants.check(rule != null, "rule set %s contains a null rule", version);
      if (!names.add(rule.name())) {
        throw new RuleCompilationException(rule.name(), "another rule already has this name");
      }
      CelEnvironment.Compiled compiled = cel.compile(rule);
      if (rule.status() != RuleStatus.DISABLED) {
        Guard guard = Guard.of(compiled.ast().getExpr());
        CompiledRule live = new CompiledRule(rule, compiled.program(), guard);
        (rule.status() == RuleStatus.SHADOW ? shadow : active).add(live);
      }
    }
    // Active rules run first, so the time shadow rules take can never push an active rule
    // past the deadline: a shadow rule changes no decision, not even by being slow.
    active.addAll(shadow);
    return new RuleSet(version, List.copyOf(rules), active.toArray(new CompiledRule[0]),
        limits.deadlineNanos(), nanoTime);
  }

  /** As {@link #validate(Rule, RuleLimits)}, with the default limits. */
  public static void validate(Rule rule) {
    validate(rule, RuleLimits.defaults());
  }

  /**
   * Checks one rule as {@link #compile} would, and that it cannot take more comprehension
   * iterations than the limits allow, for an API to reject a bad rule before saving it.
   *
   * @throws RuleCompilationException saying what is wrong; a {@link RuleTooCostlyException} when
   *     the rule is over a limit
   */
  public static void validate(Rule rule, RuleLimits limits) {
    Invariants.check(rule != null, "rule is required");
    Invariants.check(limits != null, "limits are required");
    CelEnvironment cel = CelEnvironment.of(limits);
    cel.checkIterations(rule, cel.compile(rule).ast());
  }

  public int version() {
    return version;
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * Evaluates every active rule, then every shadow rule. An active rule that fails is reported
   * as a failure and the others still run, so one bad rule degrades screening instead of
   * stopping it; a shadow rule that fails is a hit carrying its error, and degrades nothing.
   * Once the limits' deadline has passed, the rules that still need CEL are skipped: the active
   * ones as one {@code rules} failure naming them, the shadow ones as hits saying so.
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
    // The deadline runs from the first rule that needs CEL: guards cost nanoseconds, and a
    // transfer that every guard dismisses reads no clock at all.
    long startNanos = 0;
    List<String> skipped = null;
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
        startNanos = nanoTime.getAsLong();
      } else if (skipped == null && nanoTime.getAsLong() - startNanos > deadlineNanos) {
        skipped = new ArrayList<>();
      }
      if (skipped != null) {
        skip(compiled.rule(), hits, skipped);
      } else {
        evaluateInCel(compiled, variables, hits, failures);
      }
    }
    if (skipped != null && !skipped.isEmpty()) {
      failures.add(new EngineFailure("rules", deadlinePassed(skipped)));
    }
    return new RuleEvaluation(hits, failures);
  }

  /** A rule past the deadline: a shadow one is recorded as skipped, an active one collected. */
  private void skip(Rule rule, List<RuleHit> hits, List<String> skippedActive) {
    if (rule.status() == RuleStatus.SHADOW) {
      hits.add(new RuleHit(rule.name(), rule.version(), rule.reasonCode(), rule.description(),
          0.0, rule.outcome(), true, "skipped: the rules' deadline of " + millis(deadlineNanos)
              + " had passed"));
    } else {
      skippedActive.add(rule.name());
    }
  }

  private String deadlinePassed(List<String> skippedActive) {
    int named = Math.min(skippedActive.size(), NAMED_SKIPPED_MAX);
    String names = String.join(", ", skippedActive.subList(0, named))
        + (skippedActive.size() > named ? " and " + (skippedActive.size() - named) + " more" : "");
    return "the rules' deadline of " + millis(deadlineNanos) + " passed; "
        + skippedActive.size() + " active rule(s) were not evaluated: " + names;
  }

  private static String millis(long nanos) {
    return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + " ms";
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
