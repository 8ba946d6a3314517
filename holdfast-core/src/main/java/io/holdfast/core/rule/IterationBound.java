package io.holdfast.core.rule;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The most comprehension iterations one evaluation of a rule can take, read from its checked
 * expression before the rule is saved.
 *
 * <p>It is written here because cel-java has no static cost estimate (cel-go's {@code
 * checker.Cost} has no Java counterpart; cel-java issue #390), and CEL's iteration limit only
 * stops an evaluation once it is running. It can be small because rules have no list or map
 * inputs: {@code transfer} and {@code features} hold scalars only, so every list a comprehension
 * ranges over is written in the rule (a list or map literal), built from one ({@code map},
 * {@code filter}, {@code +}, a conditional, an index into a list of lists) or is an element of an
 * enclosing comprehension's literal list. Any other range cannot be bounded and is refused.
 *
 * <p>The count is CEL's own: every iteration of every comprehension in one evaluation, each
 * comprehension once per iteration of the ones around it, so five nested comprehensions over 30
 * numbers take 30 + 30^2 + ... + 30^5 = 25,137,930. A rule within the bound is therefore never
 * stopped by CEL's limit. The walk visits each node of the tree once (the tree is only as deep
 * as the parser's recursion limit allows, so the recursion is bounded too), and the count
 * saturates at {@link Long#MAX_VALUE} instead of overflowing.
 */
final class IterationBound {
  /** The size of a list that cannot be told from the expression; counts saturate here too. */
  private static final long UNBOUNDED = Long.MAX_VALUE;

  private boolean unknownRange;

  private IterationBound() {}

  /**
   * The iterations of {@code root} (at most {@link Long#MAX_VALUE}), or empty when some
   * comprehension ranges over a list whose size cannot be told from the expression.
   */
  static OptionalLong of(CelExpr root) {
    IterationBound walk = new IterationBound();
    long iterations = walk.iterations(root, 1, Map.of());
    return walk.unknownRange ? OptionalLong.empty() : OptionalLong.of(iterations);
  }

  /**
   * The iterations of {@code e}, evaluated {@code times} times; {@code sizes} bounds the size of
   * each comprehension variable in scope whose value is a list or map.
   */
  private long iterations(CelExpr e, long times, Map<String, Long> sizes) {
    return switch (e.getKind()) {
      case COMPREHENSION -> comprehension(e.comprehension(), times, sizes);
      case CALL -> {
        long total = e.call().target().map(t -> iterations(t, times, sizes)).orElse(0L);
        for (CelExpr arg : e.call().args()) {
          total = add(total, iterations(arg, times, sizes));
        }
        yield total;
      }
      case SELECT -> iterations(e.select().operand(), times, sizes);
      case LIST -> {
        long total = 0;
        for (CelExpr element : e.list().elements()) {
          total = add(total, iterations(element, times, sizes));
        }
        yield total;
      }
      case MAP -> {
        long total = 0;
        for (CelExpr.CelMap.Entry entry : e.map().entries()) {
          total = add(total, iterations(entry.key(), times, sizes));
          total = add(total, iterations(entry.value(), times, sizes));
        }
        yield total;
      }
      case STRUCT -> {
        long total = 0;
        for (CelExpr.CelStruct.Entry entry : e.struct().entries()) {
          total = add(total, iterations(entry.value(), times, sizes));
        }
        yield total;
      }
      default -> 0L;
    };
  }

  /** The range and the accumulator's start run once; the condition and step once a loop. */
  private long comprehension(CelComprehension c, long times, Map<String, Long> sizes) {
    long range = size(c.iterRange(), sizes);
    if (range == UNBOUNDED) {
      unknownRange = true;
    }
    long loops = multiply(times, range);
    Map<String, Long> inner = new HashMap<>(sizes);
    inner.put(c.iterVar(), elementSize(c.iterRange(), sizes));
    if (!c.iterVar2().isEmpty()) {
      inner.put(c.iterVar2(), UNBOUNDED);
    }
    inner.remove(c.accuVar());
    long total = loops;
    total = add(total, iterations(c.iterRange(), times, sizes));
    total = add(total, iterations(c.accuInit(), times, sizes));
    total = add(total, iterations(c.loopCondition(), loops, inner));
    total = add(total, iterations(c.loopStep(), loops, inner));
    return add(total, iterations(c.result(), times, sizes));
  }

  /** At most how many elements (or entries) the list or map {@code e} has. */
  private static long size(CelExpr e, Map<String, Long> sizes) {
    return switch (e.getKind()) {
      case LIST -> e.list().elements().size();
      case MAP -> e.map().entries().size();
      case IDENT -> sizes.getOrDefault(e.ident().name(), UNBOUNDED);
      // map() and filter() add at most one element per iteration to a list that starts empty.
      case COMPREHENSION -> buildsAList(e.comprehension())
          ? size(e.comprehension().iterRange(), sizes) : UNBOUNDED;
      case CALL -> callSize(e.call(), sizes);
      default -> UNBOUNDED;
    };
  }

  private static long callSize(CelExpr.CelCall call, Map<String, Long> sizes) {
    var args = call.args();
    return switch (call.function()) {
      case "_+_" -> args.size() == 2 ? add(size(args.get(0), sizes), size(args.get(1), sizes))
          : UNBOUNDED;
      case "_?_:_" -> args.size() == 3
          ? Math.max(size(args.get(1), sizes), size(args.get(2), sizes)) : UNBOUNDED;
      case "_[_]" -> args.size() == 2 ? elementSize(args.get(0), sizes) : UNBOUNDED;
      default -> UNBOUNDED;
    };
  }

  /** At most how large each element of the list {@code e} is, when its elements are lists. */
  private static long elementSize(CelExpr e, Map<String, Long> sizes) {
    if (e.getKind() != CelExpr.ExprKind.Kind.LIST) {
      return UNBOUNDED;
    }
    long largest = 0;
    for (CelExpr element : e.list().elements()) {
      largest = Math.max(largest, size(element, sizes));
    }
    return largest;
  }

  private static boolean buildsAList(CelComprehension c) {
    return c.accuInit().getKind() == CelExpr.ExprKind.Kind.LIST
        && c.accuInit().list().elements().isEmpty();
  }

  private static long add(long a, long b) {
    return a > UNBOUNDED - b ? UNBOUNDED : a + b;
  }

  private static long multiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > UNBOUNDED / b ? UNBOUNDED : a * b;
  }
}
