package io.holdfast.core.rule;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.holdfast.core.feature.Feature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CEL environment every rule is compiled in, one per set of {@link RuleLimits}. {@code
 * transfer} and {@code features} are declared as struct types with one field per key, so the
 * type checker itself rejects a misspelt feature and knows that {@code features.sender_count_1h}
 * is a double; at run time the values are light struct views that read the FeatureVector and the
 * Transfer field by field. The limits are CEL's own options where CEL has them (expression size,
 * parse recursion depth, comprehension iterations at run time) and {@link IterationBound} where
 * it has none (the iterations a rule may take, before it is saved).
 */
final class CelEnvironment {
  /** The keys of the {@code transfer} variable and their CEL types, in documentation order. */
  static final Map<String, CelType> TRANSFER_FIELDS = transferFields();

  private static final String FEATURES_TYPE = "holdfast.Features";
  private static final String TRANSFER_TYPE = "holdfast.Transfer";

  private static final CelTypeProvider TYPES = typeProvider();

  static final CelType FEATURES = TYPES.findType(FEATURES_TYPE).orElseThrow();
  static final CelType TRANSFER = TYPES.findType(TRANSFER_TYPE).orElseThrow();

  private static final CelEnvironment DEFAULT = new CelEnvironment(RuleLimits.defaults());

  /** The last environment built for other limits: a server has one set, tests a few. */
  private static volatile CelEnvironment other;

  private final RuleLimits limits;
  private final CelCompiler compiler;
  private final CelRuntime runtime;

  private CelEnvironment(RuleLimits limits) {
    this.limits = limits;
    CelOptions options = options(limits);
    this.compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(TYPES)
            .addVar("transfer", TRANSFER)
            .addVar("features", FEATURES)
            .setResultType(SimpleType.DYN)
            .build();
    // The planner runtime plans each expression once into a tree of evaluators and reads
    // variables through a resolver, which measured about a third faster than the standard one.
    this.runtime =
        CelRuntimeFactory.plannerRuntimeBuilder().setOptions(options).setTypeProvider(TYPES).build();
  }

  /**
   * The environment for {@code limits}, built once for the defaults and cached for the last
   * other limits; the deadline is not CEL's business, so limits that differ only there share one.
   */
  static CelEnvironment of(RuleLimits limits) {
    if (sameForCel(DEFAULT.limits, limits)) {
      return DEFAULT;
    }
    CelEnvironment last = other;
    if (last == null || !sameForCel(last.limits, limits)) {
      last = new CelEnvironment(limits);
      other = last;
    }
    return last;
  }

  private static boolean sameForCel(RuleLimits a, RuleLimits b) {
    return a.maxExpressionChars() == b.maxExpressionChars()
        && a.maxNestingDepth() == b.maxNestingDepth()
        && a.maxIterations() == b.maxIterations();
  }

  // Integer literals in rules must compare with double features (`features.x >= 5`), which
  // strict CEL would reject as a type error that surprises every rule author. The iteration
  // limit counts every iteration of every comprehension in one evaluation of one rule.
  private static CelOptions options(RuleLimits limits) {
    return CelOptions.current()
        .enableHeterogeneousNumericComparisons(true)
        .maxExpressionCodePointSize(limits.maxExpressionChars())
        .maxParseRecursionDepth(limits.maxNestingDepth())
        .comprehensionMaxIterations(limits.maxIterations())
        .build();
  }

  private static Map<String, CelType> transferFields() {
    Map<String, CelType> fields = new LinkedHashMap<>();
    fields.put("transfer_id", SimpleType.STRING);
    fields.put("sender_account", SimpleType.STRING);
    fields.put("recipient_account", SimpleType.STRING);
    fields.put("recipient_address", SimpleType.STRING);
    fields.put("network", SimpleType.STRING);
    fields.put("amount_minor", SimpleType.INT);
    fields.put("currency", SimpleType.STRING);
    fields.put("channel", SimpleType.STRING);
    fields.put("created_at", SimpleType.STRING);
    return Collections.unmodifiableMap(fields);
  }

  private static CelTypeProvider typeProvider() {
    Map<String, CelType> featureFields = new LinkedHashMap<>();
    for (int i = 0; i < Feature.count(); i++) {
      Feature f = Feature.at(i);
      featureFields.put(f.featureName(), f.isFlag() ? SimpleType.BOOL : SimpleType.DOUBLE);
    }
    StructType features = struct(FEATURES_TYPE, featureFields);
    StructType transfer = struct(TRANSFER_TYPE, TRANSFER_FIELDS);
    return new CelTypeProvider() {
      @Override
      public ImmutableCollection<CelType> types() {
        return ImmutableList.of(features, transfer);
      }

      @Override
      public Optional<CelType> findType(String typeName) {
        if (FEATURES_TYPE.equals(typeName)) {
          return Optional.of(features);
        }
        return TRANSFER_TYPE.equals(typeName) ? Optional.of(transfer) : Optional.empty();
      }
    };
  }

  private static StructType struct(String name, Map<String, CelType> fields) {
    Map<String, CelType> copy = Map.copyOf(fields);
    return StructType.create(
        name, ImmutableSet.copyOf(fields.keySet()), field -> Optional.ofNullable(copy.get(field)));
  }

  /** A rule's checked expression and the program that evaluates it. */
  record Compiled(CelAbstractSyntaxTree ast, CelRuntime.Program program) {}

  /** Parses, checks and plans one rule, or says precisely what is wrong with it. */
  Compiled compile(Rule rule) {
    String expression = rule.expression();
    if (expression.length() > limits.maxExpressionChars()) {
      throw new RuleTooCostlyException(
          rule.name(),
          "expression is " + expression.length() + " characters, at most "
              + limits.maxExpressionChars() + " are allowed");
    }
    CelValidationResult parsed = compiler.parse(expression, rule.name());
    if (parsed.hasError()) {
      if (parsed.getErrorString().contains("recursion limit exceeded")) {
        throw new RuleTooCostlyException(
            rule.name(),
            "expression nests more than " + limits.maxNestingDepth() + " levels deep, the"
                + " most allowed (each bracket, call, comprehension and operand of a chain of"
                + " operators is a level)");
      }
      throw new RuleCompilationException(rule.name(), "syntax error: " + parsed.getErrorString());
    }
    CelAbstractSyntaxTree checked;
    try {
      // Names are checked on the parsed tree first, to give a better message than the checker.
      checkNames(rule.name(), parsed.getAst().getExpr());
      CelValidationResult result = compiler.check(parsed.getAst());
      if (result.hasError()) {
        throw new RuleCompilationException(
            rule.name(), "type error: " + result.getErrorString());
      }
      checked = result.getAst();
    } catch (dev.cel.common.CelValidationException e) {
      throw new RuleCompilationException(rule.name(), "invalid expression: " + e.getMessage());
    }
    CelType resultType = checked.getResultType();
    if (!SimpleType.BOOL.equals(resultType)) {
      throw new RuleCompilationException(
          rule.name(), "expression must be a boolean, was " + resultType.name());
    }
    try {
      return new Compiled(checked, runtime.createProgram(checked));
    } catch (CelEvaluationException e) {
      throw new RuleCompilationException(rule.name(), "cannot plan: " + e.getMessage());
    }
  }

  /**
   * Refuses a rule that could take more comprehension iterations in one evaluation than the
   * limits allow, before it is saved, rather than letting CEL stop it on every screening.
   */
  void checkIterations(Rule rule, CelAbstractSyntaxTree checked) {
    OptionalLong bound = IterationBound.of(checked.getExpr());
    String allowed = String.format(Locale.ROOT, "at most %,d are allowed", limits.maxIterations());
    if (bound.isEmpty()) {
      throw new RuleTooCostlyException(
          rule.name(),
          "a comprehension ranges over a list whose size cannot be told from the expression;"
              + " range over a list or map written in the rule, so that its comprehension"
              + " iterations can be counted (" + allowed + ")");
    }
    long iterations = bound.getAsLong();
    if (iterations > limits.maxIterations()) {
      throw new RuleTooCostlyException(
          rule.name(),
          String.format(Locale.ROOT, "expression may take up to %,d comprehension iterations in"
              + " one evaluation (a comprehension runs once for each iteration of the ones"
              + " around it), %s", iterations, allowed));
    }
  }

  /** Rejects {@code features.<x>} and {@code transfer.<x>} where x is not a known key. */
  private static void checkNames(String ruleName, CelExpr root) {
    List<CelExpr> selects =
        CelNavigableExpr.fromExpr(root)
            .allNodes()
            .map(CelNavigableExpr::expr)
            .filter(e -> e.getKind() == CelExpr.ExprKind.Kind.SELECT)
            .filter(e -> e.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT)
            .toList();
    for (CelExpr select : selects) {
      String variable = select.select().operand().ident().name();
      String field = select.select().field();
      if (variable.equals("features") && Feature.byName(field) == null) {
        throw new RuleCompilationException(
            ruleName, "unknown feature '" + field + "' (known: " + knownFeatures() + ")");
      }
      if (variable.equals("transfer") && !TRANSFER_FIELDS.containsKey(field)) {
        throw new RuleCompilationException(
            ruleName,
            "unknown transfer key '" + field + "' (known: "
                + String.join(", ", TRANSFER_FIELDS.keySet()) + ")");
      }
    }
  }

  private static String knownFeatures() {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Feature.count(); i++) {
      names.append(i == 0 ? "" : ", ").append(Feature.at(i).featureName());
    }
    return names.toString();
  }
}
