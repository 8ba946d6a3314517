package io.holdfast.core.prevention;

/** Why an account is a chronic victim: a stable code and a sentence an analyst can read. */
public record ChronicReason(Code code, String detail) {
  /** The two ways history makes a chronic victim. */
  public enum Code {
    REPEATED_CONFIRMED_LOSSES,
    REPEATED_PAYMENTS_TO_FLAGGED_RECIPIENTS
  }

  @Override
  public String toString() {
    return code.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail;
  }
}
