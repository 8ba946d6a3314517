package io.holdfast.core.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.verdict.VerdictOutcome;
import org.junit.jupiter.api.Test;

class FreezePolicyTest {
  private final FreezePolicy policy = new FreezePolicy(FreezePolicy.Settings.defaults());

  @Test
  void aConfidentScamVerdictFromAPayingReporterFreezesANewAccount() {
    assertThat(policy.withheld(new FreezeCandidate(VerdictOutcome.SCAM, 0.97, true, 1, 12, 0, 3,
        false))).isEmpty();
  }

  @Test
  void aReporterWhoNeverPaidTheTargetCannotFreezeIt() {
    assertThat(policy.withheld(new FreezeCandidate(VerdictOutcome.SCAM, 0.99, false, 0, 12, 0, 3,
        false))).singleElement().asString().contains("never sent money");
  }

  @Test
  void anEstablishedAccountNeedsSeveralPayingReporters() {
    FreezeCandidate one = new FreezeCandidate(VerdictOutcome.SCAM, 0.99, true, 1, 2000, 3, 400,
        false);
    assertThat(policy.withheld(one)).singleElement().asString().contains("established");
    FreezeCandidate three = new FreezeCandidate(VerdictOutcome.SCAM, 0.99, true, 3, 2000, 3, 400,
        false);
    assertThat(policy.withheld(three)).isEmpty();
  }

  @Test
  void uncertainOrNegativeVerdictsNeverFreeze() {
    assertThat(policy.withheld(new FreezeCandidate(VerdictOutcome.NEEDS_REVIEW, 0.6, true, 1, 5,
        0, 1, false))).hasSize(2);
    assertThat(policy.withheld(new FreezeCandidate(VerdictOutcome.SCAM, 0.86, true, 1, 5, 0, 1,
        false))).singleElement().asString().contains("below");
  }

  @Test
  void aFrozenTargetIsNotFrozenTwice() {
    assertThat(policy.withheld(new FreezeCandidate(VerdictOutcome.SCAM, 0.99, true, 1, 5, 0, 1,
        true))).singleElement().asString().contains("already frozen");
  }
}
