package io.holdfast.core.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import org.junit.jupiter.api.Test;

/** The recipient's behaviour during a hold makes a finding only for young recipients. */
class RecipientFindingsTest {

  static FeatureVector recipient(double ageDays, long senders7d, double newShare,
      double turnaroundSeconds, double outInRatio) {
    return new FeatureVector().set(Feature.RECIPIENT_KNOWN, true)
        .set(Feature.RECIPIENT_AGE_DAYS, ageDays)
        .set(Feature.RECIPIENT_DISTINCT_SENDERS_7D, senders7d)
        .set(Feature.RECIPIENT_NEW_SENDER_SHARE_7D, newShare)
        .set(Feature.RECIPIENT_TURNAROUND_SECONDS, turnaroundSeconds)
        .set(Feature.RECIPIENT_OUTBOUND_INBOUND_RATIO_24H, outInRatio);
  }

  @Test
  void aYoungRecipientCollectingFromManyNewSendersIsAFinding() {
    assertThat(RecipientFindings.first(false, recipient(10, 3, 0.7, Feature.NEVER_SECONDS, 0)))
        .hasValueSatisfying(f -> assertThat(f).contains("collected from 3 senders"));
    assertThat(RecipientFindings.first(false, recipient(10, 2, 1.0, Feature.NEVER_SECONDS, 0)))
        .as("two senders").isEmpty();
    assertThat(RecipientFindings.first(false, recipient(10, 5, 0.4, Feature.NEVER_SECONDS, 0)))
        .as("mostly returning senders").isEmpty();
    assertThat(RecipientFindings.first(false, recipient(400, 50, 0.9, Feature.NEVER_SECONDS, 0)))
        .as("an established shop").isEmpty();
  }

  @Test
  void twoCustomersPayingOneNewAddressInAWeekIsAFinding() {
    assertThat(RecipientFindings.first(true, recipient(10, 2, 1.0, Feature.NEVER_SECONDS, 0)))
        .isPresent();
    assertThat(RecipientFindings.first(true, recipient(10, 1, 1.0, Feature.NEVER_SECONDS, 0)))
        .as("one customer's own wallet").isEmpty();
    assertThat(RecipientFindings.first(true, recipient(200, 2, 1.0, Feature.NEVER_SECONDS, 0)))
        .as("an address in use for months").isEmpty();
  }

  @Test
  void aYoungRecipientPassingMoneyOnWithinHoursIsAFinding() {
    assertThat(RecipientFindings.first(false, recipient(5, 1, 1.0, 2 * 3_600, 0.9)))
        .hasValueSatisfying(f -> assertThat(f).contains("passed money on within 2 h"));
    assertThat(RecipientFindings.first(false, recipient(5, 1, 1.0, 7 * 3_600, 0.9)))
        .as("slower than six hours").isEmpty();
    assertThat(RecipientFindings.first(false, recipient(5, 1, 1.0, 3_600, 0.2)))
        .as("kept most of the day's money").isEmpty();
    assertThat(RecipientFindings.first(false, recipient(90, 1, 1.0, 3_600, 0.9)))
        .as("an older account").isEmpty();
  }

  @Test
  void anUnknownRecipientHasNoFinding() {
    assertThat(RecipientFindings.first(false, new FeatureVector()
        .set(Feature.RECIPIENT_KNOWN, false).set(Feature.RECIPIENT_AGE_DAYS, 0.0)
        .set(Feature.RECIPIENT_DISTINCT_SENDERS_7D, 9)
        .set(Feature.RECIPIENT_NEW_SENDER_SHARE_7D, 1.0))).isEmpty();
  }
}
