package io.holdfast.core.simulation;

import java.util.SplittableRandom;

/**
 * The world's reactions, drawn per who and what rather than from one shared stream: whether
 * this victim heeds the warning on this payment depends only on the world's seed, the payment
 * and the question. A change to Holdfast that holds one more payment then changes that
 * payment's story and what follows from it, not every later reaction in the world, so two runs
 * of one world differ by what the systems under test did, not by reshuffled luck (common random
 * numbers, the usual way to compare two systems by simulation).
 */
final class Draws {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;

  Draws(long seed) {
    this.seed = seed;
  }

  /** A uniform draw in [0, 1) for question {@code what} about {@code who}. */
  double chance(String who, String what) {
    return stream(who, what).nextDouble();
  }

  /** A uniform draw in [0, bound) for question {@code what} about {@code who}. */
  int below(String who, String what, int bound) {
    return stream(who, what).nextInt(bound);
  }

  private SplittableRandom stream(String who, String what) {
    // String.hashCode is specified, so the same keys give the same draws on every JVM;
    // SplittableRandom mixes its seed, so neighbouring keys give unrelated draws.
    long h = seed;
    h = h * GOLDEN + who.hashCode();
    h = h * GOLDEN + what.hashCode();
    return new SplittableRandom(h);
  }
}
