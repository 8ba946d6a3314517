package io.holdfast.core.money;

import io.holdfast.core.support.Invariants;

/** An amount in minor units of one currency. Never a floating-point number. */
public record Money(long amountMinor, Currency currency) {
  /**
   * Upper bound on one stored amount: what earlier versions accepted at input, so every row they
   * wrote still loads. Nine of them already overflow a long, so sums use {@link MinorSums}.
   */
  public static final long MAX_MINOR = 1_000_000_000_000_000_000L;

  /**
   * Upper bound on one new amount (a transfer, a deposit, a frozen balance): 10^15 minor units,
   * over a hundred million dollars in every default currency (TRX and SOL, at six and nine
   * decimals, are the smallest; USDT is a billion), far beyond any payment a person makes. It
   * keeps exact sums of thousands of amounts far from overflow, which {@link #MAX_MINOR} (nine
   * amounts) did not.
   */
  public static final long ACCEPTED_MAX_MINOR = 1_000_000_000_000_000L;

  public Money {
    Invariants.check(currency != null, "currency is required");
    Invariants.check(amountMinor > 0, "amount must be positive, was %s", amountMinor);
    Invariants.check(amountMinor <= MAX_MINOR, "amount %s is above the bound", amountMinor);
  }

  public long usdCents() {
    return currency.toUsdCents(amountMinor);
  }
}
