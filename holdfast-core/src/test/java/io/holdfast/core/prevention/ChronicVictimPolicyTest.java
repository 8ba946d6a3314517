package io.holdfast.core.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chronic-victim marker from history, its reasons, and what it does to screening. */
class ChronicVictimPolicyTest {
  private final ChronicVictimPolicy policy = ChronicVictimPolicy.defaults();

  @Test
  void oneLossOrOnePaymentToAFlaggedRecipientIsNotChronic() {
    assertThat(policy.assess(VictimHistory.none()).chronic()).isFalse();
    assertThat(policy.assess(new VictimHistory(1, 1, 1)).chronic()).isFalse();
    assertThat(policy.assess(new VictimHistory(1, 1, 1)).reasons()).isEmpty();
  }

  @Test
  void twoConfirmedLossesMakeAChronicVictimWithThatReason() {
    ChronicAssessment a = policy.assess(new VictimHistory(2, 0, 0));
    assertThat(a.chronic()).isTrue();
    assertThat(a.reasons()).extracting(ChronicReason::code)
        .containsExactly(ChronicReason.Code.REPEATED_CONFIRMED_LOSSES);
    assertThat(a.summary()).startsWith("repeated_confirmed_losses: 2 confirmed scam losses");
  }

  @Test
  void twoPaymentsToFlaggedRecipientsMakeAChronicVictimAndBothReasonsAreGiven() {
    ChronicAssessment flagged = policy.assess(new VictimHistory(0, 2, 1));
    assertThat(flagged.chronic()).isTrue();
    assertThat(flagged.reasons()).extracting(ChronicReason::code)
        .containsExactly(ChronicReason.Code.REPEATED_PAYMENTS_TO_FLAGGED_RECIPIENTS);
    assertThat(flagged.summary()).contains("2 payments to 1 flagged recipient(s)");
    assertThat(policy.assess(new VictimHistory(3, 4, 2)).reasons()).hasSize(2);
  }

  @Test
  void thresholdsAreThePolicysAndNonsenseIsRefused() {
    ChronicVictimPolicy strict = new ChronicVictimPolicy(3, 5);
    assertThat(strict.assess(new VictimHistory(2, 4, 4)).chronic()).isFalse();
    assertThat(strict.assess(new VictimHistory(3, 0, 0)).chronic()).isTrue();
    assertThatThrownBy(() -> new ChronicVictimPolicy(0, 2))
        .isInstanceOf(io.holdfast.core.support.Invariants.InvariantViolation.class);
    assertThatThrownBy(() -> new VictimHistory(0, 1, 2))
        .isInstanceOf(io.holdfast.core.support.Invariants.InvariantViolation.class);
  }

  @Test
  void aRegisterMarkMakesTheSenderVulnerableAndSurvivesAProfileUpdate() {
    FeatureStore store = new FeatureStore();
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    store.putProfile(new AccountProfile("s", at.minusSeconds(86_400 * 400), "GB", null, null, 2,
        Set.of(), AccountStatus.ACTIVE));
    assertThat(vulnerable(store, at)).isFalse();
    store.putRegister("s", true);
    assertThat(vulnerable(store, at)).isTrue();
    store.putProfile(new AccountProfile("s", at.minusSeconds(86_400 * 400), "GB", null, null, 3,
        Set.of(), AccountStatus.ACTIVE));
    assertThat(vulnerable(store, at)).as("the platform's profile does not erase it").isTrue();
    store.putRegister("s", false);
    assertThat(vulnerable(store, at)).isFalse();
    assertThat(ChronicVictimPolicy.vulnerable(false, true)).isTrue();
    assertThat(ChronicVictimPolicy.vulnerable(false, false)).isFalse();
  }

  private static boolean vulnerable(FeatureStore store, Instant at) {
    Transfer t = new Transfer("t", "s", new Counterparty.PlatformAccount("r"),
        new Money(100, CurrencyCatalog.defaults().find("USD").orElseThrow()), "p2p", at);
    return store.compute(t, 100, false, new FeatureVector()).flag(Feature.SENDER_VULNERABLE);
  }
}
