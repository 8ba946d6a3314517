package io.holdfast.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReimbursementPolicyTest {
  private final ReimbursementPolicy uk = ReimbursementPolicy.ukDefault();

  @Test
  void theExcessIsDeductedExceptFromVulnerableCustomers() {
    // A loss of USD 1,000.00 (100,000 cents) in a currency at par with the cent.
    assertThat(uk.reimbursableMinor(100_000, 100_000, false)).isEqualTo(100_000 - 12_700);
    assertThat(uk.reimbursableMinor(100_000, 100_000, true)).isEqualTo(100_000);
  }

  @Test
  void theCapLimitsLargeLossesInTheLossesOwnUnits() {
    // 10 BTC-like units worth USD 500,000: capped at USD 107,950 minus the excess.
    long reimbursed = uk.reimbursableMinor(1_000_000_000L, 50_000_000L, false);
    assertThat(reimbursed).isEqualTo(1_000_000_000L * (10_795_000L - 12_700L) / 50_000_000L);
  }

  @Test
  void aLossBelowTheExcessIsNotReimbursedUnlessVulnerable() {
    assertThat(uk.reimbursableMinor(5_000, 5_000, false)).isZero();
    assertThat(uk.reimbursableMinor(5_000, 5_000, true)).isEqualTo(5_000);
  }

  @Test
  void aClaimMustBeDecidedWithinFiveBusinessDays() {
    // Wednesday 25 November 2026: five business days later is Wednesday 2 December.
    Instant by = uk.decideBy(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(by).isEqualTo(Instant.parse("2026-12-02T23:59:59Z"));
  }
}
