package io.holdfast.core.prevention;

/** Formats whole US dollars from minor units for explanations, never for arithmetic. */
final class Usd {
  private Usd() {}

  static String text(long usdMinor) {
    return String.format(java.util.Locale.ROOT, "$%,d", usdMinor / 100);
  }
}
