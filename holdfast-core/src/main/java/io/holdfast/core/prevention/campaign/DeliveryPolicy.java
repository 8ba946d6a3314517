package io.holdfast.core.prevention.campaign;

import io.holdfast.core.support.Invariants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Whether one member of a campaign's segment is sent the round's message. In order: a customer
 * who opted out of the campaign's channel is skipped; one who already had {@code capPerUser}
 * messages of this campaign is skipped; one who had {@code weeklyAlertCap} proactive alerts
 * (risk assessments and campaign warnings together) in the last {@code capWindow} is skipped;
 * and only then is the customer drawn into the holdout or sent. The holdout is drawn among those
 * who would have been sent, so the warned and the holdout differ only in the message, and the
 * comparison of their later losses is fair. The draw is a hash of the campaign and the account:
 * the same customer is in the same arm every round and on every instance.
 */
public record DeliveryPolicy(int weeklyAlertCap, Duration capWindow) {
  public DeliveryPolicy {
    Invariants.check(weeklyAlertCap >= 1 && weeklyAlertCap <= 100, "weekly cap is 1 to 100");
    Invariants.check(capWindow.toHours() >= 1, "cap window of at least an hour");
  }

  /** Two proactive alerts a customer per rolling week. */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(2, Duration.ofDays(7));
  }

  public enum Outcome {
    SEND,
    HOLDOUT,
    OPTED_OUT,
    CAMPAIGN_CAP,
    WEEKLY_CAP
  }

  /**
   * @param campaignDeliveries messages of this campaign the customer had, in earlier rounds
   * @param recentAlerts proactive alerts of any source in the cap window before now
   */
  public Outcome decide(String campaignId, String accountId, int capPerUser,
      int holdoutBasisPoints, boolean optedOut, int campaignDeliveries, int recentAlerts) {
    if (optedOut) {
      return Outcome.OPTED_OUT;
    }
    if (campaignDeliveries >= capPerUser) {
      return Outcome.CAMPAIGN_CAP;
    }
    if (recentAlerts >= weeklyAlertCap) {
      return Outcome.WEEKLY_CAP;
    }
    return heldOut(campaignId, accountId, holdoutBasisPoints) ? Outcome.HOLDOUT : Outcome.SEND;
  }

  /** Whether the account is in the campaign's holdout: a hash below the share (of 10,000). */
  public static boolean heldOut(String campaignId, String accountId, int holdoutBasisPoints) {
    return bucket(campaignId, accountId) < holdoutBasisPoints;
  }

  /** A uniform bucket in [0, 10,000) from SHA-256 of the campaign and account ids. */
  static int bucket(String campaignId, String accountId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((campaignId + "\n" + accountId)
          .getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return (int) Long.remainderUnsigned(v, 10_000);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
