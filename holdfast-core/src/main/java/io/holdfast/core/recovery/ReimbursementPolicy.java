package io.holdfast.core.recovery;

import io.holdfast.core.hold.BusinessDays;
import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * The platform's reimbursement rules, as configuration: how long it has to decide a claim, the
 * most it reimburses, and the excess it may deduct, never from a vulnerable customer (the
 * UK's rules for authorised push payment fraud: a decision within 5 business days, a cap of
 * GBP 85,000, an excess of at most GBP 100 that vulnerable customers never pay).
 *
 * @param decideWithin the business days a decision may take
 * @param capUsdMinor the most reimbursed per claim, in US cents
 * @param excessUsdMinor the excess deducted from a customer who is not vulnerable, in US cents
 */
public record ReimbursementPolicy(BusinessDays decideWithin, long capUsdMinor,
    long excessUsdMinor) {

  public ReimbursementPolicy {
    Invariants.check(capUsdMinor > 0 && excessUsdMinor >= 0 && excessUsdMinor < capUsdMinor,
        "cap must be positive and above the excess");
  }

  /** The UK's rules, with the pound taken at USD 1.27. */
  public static ReimbursementPolicy ukDefault() {
    return new ReimbursementPolicy(new BusinessDays(5, BusinessDays.ukDefault().zone(),
        BusinessDays.ukDefault().holidays()), 10_795_000L, 12_700L);
  }

  /** When a claim made at {@code at} must be decided. */
  public Instant decideBy(Instant at) {
    return decideWithin.deadlineAfter(at);
  }

  /**
   * How much of a loss of {@code lossMinor} (worth {@code lossUsdMinor}) the platform
   * reimburses, in the loss's own minor units: the loss up to the cap, less the excess unless
   * the victim is vulnerable.
   */
  public long reimbursableMinor(long lossMinor, long lossUsdMinor, boolean vulnerable) {
    Invariants.check(lossMinor > 0 && lossUsdMinor >= 0, "a loss is positive");
    if (lossUsdMinor == 0) {
      return vulnerable ? lossMinor : 0;
    }
    long usd = Math.min(lossUsdMinor, capUsdMinor) - (vulnerable ? 0 : excessUsdMinor);
    if (usd <= 0) {
      return 0;
    }
    long minor = java.math.BigInteger.valueOf(lossMinor).multiply(java.math.BigInteger.valueOf(usd))
        .divide(java.math.BigInteger.valueOf(lossUsdMinor)).longValueExact();
    Invariants.check(minor <= lossMinor, "never reimburse more than the loss");
    return minor;
  }
}
