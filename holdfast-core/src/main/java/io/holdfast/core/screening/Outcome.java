package io.holdfast.core.screening;

/** What the platform should do with a transfer, from least to most severe. */
public enum Outcome {
  ALLOW,
  WARN,
  HOLD,
  BLOCK;

  public Outcome atLeast(Outcome other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
