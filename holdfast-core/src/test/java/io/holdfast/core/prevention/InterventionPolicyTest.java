package io.holdfast.core.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.hold.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service levels by priority, reassignment, outcomes and when they flag the person. */
class InterventionPolicyTest {
  private static final Instant DUE = Instant.parse("2026-11-02T09:00:00Z");
  private final InterventionPolicy policy = InterventionPolicy.defaults();

  @Test
  void theServiceLevelFollowsThePriority() {
    assertThat(policy.slaAt(1, DUE)).isEqualTo(DUE.plus(Duration.ofHours(1)));
    assertThat(policy.slaAt(3, DUE)).isEqualTo(DUE.plus(Duration.ofHours(4)));
    assertThat(policy.slaAt(5, DUE)).isEqualTo(DUE.plus(Duration.ofHours(72)));
    assertThatThrownBy(() -> policy.slaAt(0, DUE)).isInstanceOf(io.holdfast.core.support.Invariants.InvariantViolation.class);
    assertThatThrownBy(() -> policy.slaAt(6, DUE)).isInstanceOf(io.holdfast.core.support.Invariants.InvariantViolation.class);
    assertThatThrownBy(() -> new InterventionPolicy(List.of(Duration.ofHours(2),
        Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(4), Duration.ofHours(5)),
        Duration.ofMinutes(1), 2)).isInstanceOf(io.holdfast.core.support.Invariants.InvariantViolation.class);
  }

  @Test
  void aClaimLeavesTheAgentAtLeastTheClaimWindowAndAStaleTaskIsRaised() {
    Instant now = DUE.plus(Duration.ofMinutes(50));
    assertThat(policy.slaAfterClaim(DUE.plus(Duration.ofHours(1)), now))
        .isEqualTo(now.plus(Duration.ofMinutes(30)));
    assertThat(policy.slaAfterClaim(DUE.plus(Duration.ofHours(4)), now))
        .isEqualTo(DUE.plus(Duration.ofHours(4)));
    assertThat(policy.raised(3)).isEqualTo(2);
    assertThat(policy.raised(1)).isEqualTo(1);
  }

  @Test
  void outcomesKeepTheOldWireValuesAndMapTheIssuesWords() {
    assertThat(InterventionOutcome.byWire("sender_cancelled").orElseThrow().holdResolution())
        .contains(Resolution.CANCELLED_BY_SENDER);
    assertThat(InterventionOutcome.byWire("dissuaded").orElseThrow().holdResolution())
        .contains(Resolution.CANCELLED_BY_SENDER);
    assertThat(InterventionOutcome.CONFIRMED_SCAM.holdResolution())
        .contains(Resolution.RETURNED_AS_SCAM);
    assertThat(InterventionOutcome.PROCEEDED_ANYWAY.holdResolution()).isEmpty();
    assertThat(InterventionOutcome.REACHED.holdResolution()).isEmpty();
    assertThat(InterventionOutcome.UNREACHABLE.reached()).isFalse();
    assertThat(InterventionOutcome.byWire("maybe")).isEmpty();
    assertThat(InterventionOutcome.wireNames()).contains("sender_proceeds", "proceeded_anyway");
  }

  @Test
  void goingAheadTwiceOrAChronicVictimGoingAheadFlagsThePerson() {
    assertThat(policy.flagAfter(InterventionOutcome.SENDER_PROCEEDS, 0, false)).isEmpty();
    assertThat(policy.flagAfter(InterventionOutcome.PROCEEDED_ANYWAY, 1, false)).get()
        .asString().contains("2 times");
    assertThat(policy.flagAfter(InterventionOutcome.UNREACHABLE, 5, false)).isEmpty();
    assertThat(policy.flagAfter(InterventionOutcome.SENDER_PROCEEDS, 0, true)).get()
        .asString().contains("chronic");
    assertThat(policy.flagAfter(InterventionOutcome.CONFIRMED_SCAM, 0, true)).isPresent();
    assertThat(policy.flagAfter(InterventionOutcome.DISSUADED, 0, true)).isEmpty();
  }
}
