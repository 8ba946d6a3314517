package io.holdfast.core.support;

/**
 * Always-on invariant checks. Java's {@code assert} is off by default in production, and an
 * invariant that silently stops being checked is how a money bug becomes a money loss, so these
 * run everywhere (TigerBeetle: "assertions downgrade catastrophic correctness bugs into liveness
 * bugs").
 */
public final class Invariants {
  private Invariants() {}

  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvariantViolation(message);
    }
  }

  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new InvariantViolation(String.format(format, args));
    }
  }

  /** Thrown when the program itself is wrong, never for bad input (that is a rejection). */
  public static final class InvariantViolation extends IllegalStateException {
    public InvariantViolation(String message) {
      super(message);
    }
  }
}
