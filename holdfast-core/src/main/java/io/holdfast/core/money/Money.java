package io.holdfast.core.money;

import io.holdfast.core.support.Invariants;

/** An amount in minor units of one currency. Never a floating-point number. */
public record Money(long amountMinor, Currency currency) {
  /** Upper bound on one amount; large enough for any real transfer, far from overflow when summed. */
  public static final long MAX_MINOR = 1_000_000_000_000_000_000L;

  public Money {
    Invariants.check(currency != null, "currency is required");
    Invariants.check(amountMinor > 0, "amount must be positive, was %s", amountMinor);
    Invariants.check(amountMinor <= MAX_MINOR, "amount %s is above the bound", amountMinor);
  }

  public long usdCents() {
    return currency.toUsdCents(amountMinor);
  }
}
