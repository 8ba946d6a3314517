package io.holdfast.core.prevention.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.campaign.DeliveryPolicy.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  final DeliveryPolicy policy = DeliveryPolicy.defaults();

  @Test
  void optOutsThenTheCampaignCapThenTheWeeklyCapThenTheHoldout() {
    assertThat(policy.decide("c", "a", 2, 0, true, 0, 0)).isEqualTo(Outcome.OPTED_OUT);
    assertThat(policy.decide("c", "a", 2, 0, false, 2, 0)).isEqualTo(Outcome.CAMPAIGN_CAP);
    assertThat(policy.decide("c", "a", 2, 0, false, 1, 2)).isEqualTo(Outcome.WEEKLY_CAP);
    assertThat(policy.decide("c", "a", 2, 0, false, 1, 1)).isEqualTo(Outcome.SEND);
    assertThat(policy.decide("c", "a", 2, 10_000, false, 0, 0)).isEqualTo(Outcome.HOLDOUT);
  }

  @Test
  void theHoldoutIsDeterministicAndNearItsShare() {
    int held = 0;
    for (int i = 0; i < 20_000; i++) {
      boolean h = DeliveryPolicy.heldOut("cmp_x", "acct-" + i, 1000);
      assertThat(DeliveryPolicy.heldOut("cmp_x", "acct-" + i, 1000)).isEqualTo(h);
      held += h ? 1 : 0;
    }
    assertThat(held).isBetween(1850, 2150);
    assertThat(DeliveryPolicy.heldOut("cmp_x", "acct-1", 0)).isFalse();
  }

  @Test
  void aSurgeNeedsTheMinimumAndARealRise() {
    SurgeDetector d = SurgeDetector.defaults();
    assertThat(d.isSurge(new SurgeDetector.Counts("GB", ScamType.INVESTMENT, 5, 0))).isTrue();
    assertThat(d.isSurge(new SurgeDetector.Counts("GB", ScamType.INVESTMENT, 4, 0))).isFalse();
    assertThat(d.isSurge(new SurgeDetector.Counts("GB", ScamType.INVESTMENT, 10, 20)))
        .as("10 a week is exactly twice 20 in four weeks").isTrue();
    assertThat(d.isSurge(new SurgeDetector.Counts("GB", ScamType.INVESTMENT, 10, 21)))
        .isFalse();
    assertThat(d.isSurge(new SurgeDetector.Counts("GB", ScamType.INVESTMENT, 8, 28)))
        .as("a steady rate is no surge").isFalse();
    List<SurgeDetector.Surge> surges = d.detect(List.of(
        new SurgeDetector.Counts("GB", ScamType.ROMANCE, 6, 0),
        new SurgeDetector.Counts("ES", ScamType.INVESTMENT, 9, 4),
        new SurgeDetector.Counts("FR", ScamType.INVESTMENT, 3, 0)));
    assertThat(surges).extracting(SurgeDetector.Surge::region).containsExactly("ES", "GB");
    assertThat(surges.get(0).reason()).contains("9 confirmed investment scams", "ES");
  }
}
