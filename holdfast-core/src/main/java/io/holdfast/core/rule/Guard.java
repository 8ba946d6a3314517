package io.holdfast.core.rule;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.transfer.Transfer;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple conjuncts of a rule, compiled to plain Java so that most rules are dismissed
 * without running CEL. A rule {@code a && b && c} cannot match when any conjunct is false, and
 * CEL's {@code &&} is false when either side is false even if the other side is an error, so
 * skipping CEL on a false guard gives exactly CEL's answer. Ordinary transfers fail some guard
 * of nearly every rule, which is what makes the rule engine cheap on the common path.
 *
 * <p>A guard conjunct is {@code features.X <op> number}, {@code transfer.amount_minor <op> int},
 * {@code features.X} or {@code !features.X}. A NaN feature makes the guard inconclusive, and CEL
 * decides, because numeric comparisons with NaN are where Java and CEL could disagree.
 */
final class Guard {
  /** Deeper conjunctions than this are not searched for guards; CEL still evaluates them. */
  private static final int MAX_DEPTH = 64;

  /** Integer literals beyond this lose precision as doubles, so they are left to CEL. */
  private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

  enum Verdict {
    /** Some conjunct is false: the rule does not match. */
    FALSE,
    /** Every conjunct is a guard and all are true: the rule matches. */
    TRUE,
    /** The guards cannot decide: evaluate the rule in CEL. */
    UNKNOWN
  }

  private enum Kind {
    FEATURE_COMPARE,
    AMOUNT_COMPARE,
    FLAG_SET,
    FLAG_CLEAR
  }

  private enum Op {
    LT,
    LE,
    GT,
    GE,
    EQ,
    NE
  }

  private record Conjunct(Kind kind, Op op, Feature feature, double number, long integer) {}

  private final Conjunct[] conjuncts;
  private final boolean complete;

  private Guard(List<Conjunct> conjuncts, boolean complete) {
    this.conjuncts = conjuncts.toArray(new Conjunct[0]);
    this.complete = complete;
  }

  /** The guard of a checked expression, or null when it has no simple conjunct. */
  static Guard of(CelExpr root) {
    List<CelExpr> parts = new ArrayList<>();
    flatten(root, parts, 0);
    List<Conjunct> guards = new ArrayList<>();
    for (CelExpr part : parts) {
      Conjunct c = conjunct(part);
      if (c != null) {
        guards.add(c);
      }
    }
    return guards.isEmpty() ? null : new Guard(guards, guards.size() == parts.size());
  }

  Verdict test(FeatureVector features, Transfer transfer) {
    boolean conclusive = true;
    for (Conjunct c : conjuncts) {
      switch (c.kind()) {
        case FLAG_SET -> {
          if (!features.flag(c.feature())) {
            return Verdict.FALSE;
          }
        }
        case FLAG_CLEAR -> {
          if (features.flag(c.feature())) {
            return Verdict.FALSE;
          }
        }
        case FEATURE_COMPARE -> {
          double v = features.get(c.feature());
          if (Double.isNaN(v)) {
            conclusive = false;
          } else if (!compare(Double.compare(v, c.number()), v == c.number(), c.op())) {
            return Verdict.FALSE;
          }
        }
        case AMOUNT_COMPARE -> {
          long amount = transfer.amount().amountMinor();
          if (!compare(Long.compare(amount, c.integer()), amount == c.integer(), c.op())) {
            return Verdict.FALSE;
          }
        }
      }
    }
    return complete && conclusive ? Verdict.TRUE : Verdict.UNKNOWN;
  }

  /**
   * Applies an operator. Equality is passed separately because Double.compare orders -0.0
   * before 0.0, while CEL, like Java's ==, treats them as equal.
   */
  private static boolean compare(int order, boolean equal, Op op) {
    return switch (op) {
      case LT -> !equal && order < 0;
      case LE -> equal || order < 0;
      case GT -> !equal && order > 0;
      case GE -> equal || order > 0;
      case EQ -> equal;
      case NE -> !equal;
    };
  }

  private static void flatten(CelExpr e, List<CelExpr> out, int depth) {
    boolean and =
        e.getKind() == CelExpr.ExprKind.Kind.CALL
            && e.call().function().equals("_&&_")
            && e.call().args().size() == 2;
    if (and && depth < MAX_DEPTH) {
      flatten(e.call().args().get(0), out, depth + 1);
      flatten(e.call().args().get(1), out, depth + 1);
    } else {
      out.add(e);
    }
  }

  private static Conjunct conjunct(CelExpr e) {
    Feature flag = flagFeature(e);
    if (flag != null) {
      return new Conjunct(Kind.FLAG_SET, null, flag, 0.0, 0L);
    }
    if (e.getKind() != CelExpr.ExprKind.Kind.CALL) {
      return null;
    }
    String function = e.call().function();
    List<CelExpr> args = e.call().args();
    if (function.equals("!_") && args.size() == 1) {
      Feature negated = flagFeature(args.get(0));
      return negated == null ? null : new Conjunct(Kind.FLAG_CLEAR, null, negated, 0.0, 0L);
    }
    Op op = operator(function);
    if (op == null || args.size() != 2 || args.get(1).getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
      return null;
    }
    return comparison(op, args.get(0), args.get(1).constant());
  }

  private static Conjunct comparison(Op op, CelExpr left, CelConstant literal) {
    String field = selectedField(left, "features");
    Feature feature = field == null ? null : Feature.byName(field);
    if (feature != null && !feature.isFlag()) {
      if (literal.getKind() == CelConstant.Kind.DOUBLE_VALUE) {
        return new Conjunct(Kind.FEATURE_COMPARE, op, feature, literal.doubleValue(), 0L);
      }
      if (literal.getKind() == CelConstant.Kind.INT64_VALUE && exact(literal.int64Value())) {
        return new Conjunct(Kind.FEATURE_COMPARE, op, feature, literal.int64Value(), 0L);
      }
      return null;
    }
    if ("amount_minor".equals(selectedField(left, "transfer"))
        && literal.getKind() == CelConstant.Kind.INT64_VALUE) {
      return new Conjunct(Kind.AMOUNT_COMPARE, op, null, 0.0, literal.int64Value());
    }
    return null;
  }

  private static boolean exact(long value) {
    return value > -EXACT_DOUBLE_LIMIT && value < EXACT_DOUBLE_LIMIT;
  }

  private static Feature flagFeature(CelExpr e) {
    String field = selectedField(e, "features");
    Feature feature = field == null ? null : Feature.byName(field);
    return feature != null && feature.isFlag() ? feature : null;
  }

  /** The field of {@code variable.field}, or null when the expression is anything else. */
  private static String selectedField(CelExpr e, String variable) {
    if (e.getKind() != CelExpr.ExprKind.Kind.SELECT || e.select().testOnly()) {
      return null;
    }
    CelExpr operand = e.select().operand();
    boolean isVariable =
        operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals(variable);
    return isVariable ? e.select().field() : null;
  }

  private static Op operator(String function) {
    return switch (function) {
      case "_<_" -> Op.LT;
      case "_<=_" -> Op.LE;
      case "_>_" -> Op.GT;
      case "_>=_" -> Op.GE;
      case "_==_" -> Op.EQ;
      case "_!=_" -> Op.NE;
      default -> null;
    };
  }
}
