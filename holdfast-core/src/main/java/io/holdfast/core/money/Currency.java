package io.holdfast.core.money;

import io.holdfast.core.support.Invariants;

/**
 * A currency or token Holdfast accepts, with the number of minor units in one major unit and an
 * indicative rate to US dollar cents. The rate lets features add amounts across currencies
 * (a sender's 24 h total); it is configuration, refreshed by the operator, never a price feed
 * used to settle money.
 *
 * @param code ISO 4217 or token ticker, upper case
 * @param exponent digits after the decimal point (USD 2, BTC 8, USDT 6)
 * @param usdCentsPerMajorUnit indicative value of one major unit in US cents
 */
public record Currency(String code, int exponent, long usdCentsPerMajorUnit) {
  /** Powers of ten by exponent, so a conversion on the screening path computes none. */
  private static final double[] POW10 = new double[19];

  static {
    POW10[0] = 1.0;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10.0;
    }
  }
  public Currency {
    Invariants.check(code != null && code.matches("[A-Z0-9]{2,10}"), "bad currency code %s", code);
    Invariants.check(exponent >= 0 && exponent <= 18, "bad exponent %s", exponent);
    Invariants.check(usdCentsPerMajorUnit > 0, "rate must be positive for %s", code);
  }

  /** Converts an amount in this currency's minor units to US cents, rounding down. */
  public long toUsdCents(long amountMinor) {
    Invariants.check(amountMinor >= 0, "negative amount %s", amountMinor);
    // Exponents are bounded and amounts are bounded by Money.MAX_MINOR, so double is exact
    // enough for an indicative conversion; the result is clamped.
    double major = amountMinor / POW10[exponent];
    double cents = major * usdCentsPerMajorUnit;
    return cents >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) cents;
  }
}
