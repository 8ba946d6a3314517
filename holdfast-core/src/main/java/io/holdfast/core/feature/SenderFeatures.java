package io.holdfast.core.feature;

import io.holdfast.core.money.MinorSums;

/** Computes the sender's features; reads the sender's state under its monitor. */
final class SenderFeatures {
  private SenderFeatures() {}

  static void compute(AccountState s, long now, long amountUsd, long recipientHash,
      FeatureVector into) {
    if (s == null) {
      unknownSender(amountUsd, into);
      return;
    }
    synchronized (s) {
      long origin = s.originSecond();
      into.set(Feature.SENDER_KNOWN, s.known());
      into.set(Feature.SENDER_ACCOUNT_AGE_DAYS, origin == AccountState.UNKNOWN
          ? 0.0 : Math.max(0.0, (now - origin) / (double) FeatureStore.DAY_SECONDS));
      into.set(Feature.SENDER_IS_SENIOR,
          s.seniorFromSecond != AccountState.UNKNOWN && now >= s.seniorFromSecond);
      into.set(Feature.SENDER_VULNERABLE, s.vulnerable || s.registerVulnerable);
      into.set(Feature.SENDER_KYC_LEVEL, s.kycLevel);
      history(s, now, amountUsd, recipientHash, into);
      security(s, now, into);
      deposits(s, now, amountUsd, into);
    }
  }

  private static void unknownSender(long amountUsd, FeatureVector into) {
    into.set(Feature.SENDER_KNOWN, false);
    into.set(Feature.SENDER_ACCOUNT_AGE_DAYS, 0.0);
    into.set(Feature.SENDER_IS_SENIOR, false);
    into.set(Feature.SENDER_VULNERABLE, false);
    into.set(Feature.SENDER_KYC_LEVEL, 0);
    into.set(Feature.SENDER_TRANSFER_COUNT, 0);
    into.set(Feature.SENDER_MEAN_AMOUNT_USD_MINOR, 0);
    into.set(Feature.AMOUNT_TO_SENDER_MEAN_RATIO, 0);
    into.set(Feature.SENDER_COUNT_1H, 0);
    into.set(Feature.SENDER_SUM_USD_MINOR_1H, 0);
    into.set(Feature.SENDER_COUNT_24H, 0);
    into.set(Feature.SENDER_SUM_USD_MINOR_24H, 0);
    into.set(Feature.SENDER_COUNT_30D, 0);
    into.set(Feature.SENDER_SUM_USD_MINOR_30D, 0);
    into.set(Feature.FIRST_TRANSFER_TO_RECIPIENT, true);
    into.set(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR, 0);
    into.set(Feature.SECONDS_SINCE_PASSWORD_RESET, Feature.NEVER_SECONDS);
    into.set(Feature.SECONDS_SINCE_2FA_CHANGE, Feature.NEVER_SECONDS);
    into.set(Feature.SECONDS_SINCE_NEW_DEVICE, Feature.NEVER_SECONDS);
    into.set(Feature.SECONDS_SINCE_CONTACT_CHANGE, Feature.NEVER_SECONDS);
    into.set(Feature.SECONDS_SINCE_SECURITY_CHANGE, Feature.NEVER_SECONDS);
    into.set(Feature.DEPOSIT_USD_MINOR_24H, 0);
    into.set(Feature.SECONDS_SINCE_LAST_DEPOSIT, Feature.NEVER_SECONDS);
    into.set(Feature.AMOUNT_TO_DEPOSIT_24H_RATIO, 0);
  }

  private static void history(AccountState s, long now, long amountUsd, long recipientHash,
      FeatureVector into) {
    double mean = s.outboundCount == 0 ? 0.0 : s.outboundUsdTotal / (double) s.outboundCount;
    into.set(Feature.SENDER_TRANSFER_COUNT, s.outboundCount);
    into.set(Feature.SENDER_MEAN_AMOUNT_USD_MINOR, mean);
    into.set(Feature.AMOUNT_TO_SENDER_MEAN_RATIO, mean <= 0.0 ? 0.0 : amountUsd / mean);
    WindowSums sums = new WindowSums();
    sums.add(s.outbound, s.outboundEvicted, now);
    into.set(Feature.SENDER_COUNT_1H, sums.count1h);
    into.set(Feature.SENDER_SUM_USD_MINOR_1H, sums.sum1h);
    into.set(Feature.SENDER_COUNT_24H, sums.count24h);
    into.set(Feature.SENDER_SUM_USD_MINOR_24H, sums.sum24h);
    into.set(Feature.SENDER_COUNT_30D, sums.count30d);
    into.set(Feature.SENDER_SUM_USD_MINOR_30D, sums.sum30d);
    into.set(Feature.FIRST_TRANSFER_TO_RECIPIENT,
        s.recipients == null || !s.recipients.contains(recipientHash));
    into.set(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR,
        heldToRecipientMax(s.held, now, recipientHash));
  }

  /** The largest held payment to the recipient in the last 30 days; the ring is bounded. */
  private static long heldToRecipientMax(TimedAmounts held, long now, long recipientHash) {
    long max = 0;
    int size = held == null ? 0 : held.size();
    for (int i = 0; i < size; i++) {
      long second = held.second(i);
      if (held.party(i) == recipientHash && second <= now
          && second >= now - FeatureStore.HELD_MEMORY_DAYS * FeatureStore.DAY_SECONDS) {
        max = Math.max(max, held.amount(i));
      }
    }
    return max;
  }

  private static void security(AccountState s, long now, FeatureVector into) {
    double password = since(now, s.passwordResetSecond);
    double twoFa = since(now, s.twoFaChangeSecond);
    double device = since(now, s.newDeviceSecond);
    double contact = since(now, s.contactChangeSecond);
    into.set(Feature.SECONDS_SINCE_PASSWORD_RESET, password);
    into.set(Feature.SECONDS_SINCE_2FA_CHANGE, twoFa);
    into.set(Feature.SECONDS_SINCE_NEW_DEVICE, device);
    into.set(Feature.SECONDS_SINCE_CONTACT_CHANGE, contact);
    into.set(Feature.SECONDS_SINCE_SECURITY_CHANGE,
        Math.min(Math.min(password, twoFa), Math.min(device, contact)));
  }

  private static void deposits(AccountState s, long now, long amountUsd, FeatureVector into) {
    long sum24h = 0;
    long last = AccountState.UNKNOWN;
    TimedAmounts d = s.deposits;
    int size = d == null ? 0 : d.size();
    for (int i = 0; i < size; i++) {
      long second = d.second(i);
      if (second > now) {
        continue;
      }
      last = Math.max(last, second);
      if (second >= now - FeatureStore.DAY_SECONDS) {
        sum24h = MinorSums.saturatingAdd(sum24h, d.amount(i));
      }
    }
    into.set(Feature.DEPOSIT_USD_MINOR_24H, sum24h);
    into.set(Feature.SECONDS_SINCE_LAST_DEPOSIT, since(now, last));
    into.set(Feature.AMOUNT_TO_DEPOSIT_24H_RATIO, sum24h == 0 ? 0.0 : amountUsd / (double) sum24h);
  }

  /** Seconds from {@code second} to now; NEVER for unknown or future events. */
  static double since(long now, long second) {
    if (second == AccountState.UNKNOWN || second > now) {
      return Feature.NEVER_SECONDS;
    }
    return now - second;
  }
}
