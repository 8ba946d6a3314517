package io.holdfast.core.rule;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.money.Currency;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Instant;

/**
 * A transfer and its features, built concisely for rule tests. It starts as an ordinary payment:
 * $50 from an old, verified account to another account the sender pays regularly, with no recent
 * security changes, deposits, reports or unusual recipient activity.
 */
final class Scenario {
  static final CurrencyCatalog CURRENCIES = CurrencyCatalog.defaults();
  static final String ADDRESS = "0xabc0000000000000000000000000000000000001";

  private final FeatureVector features = ordinaryFeatures();
  private Transfer transfer = toAccount("USD", 5_000);

  static Scenario ordinary() {
    return new Scenario();
  }

  FeatureVector features() {
    return features;
  }

  Transfer transfer() {
    return transfer;
  }

  Scenario set(Feature feature, double value) {
    features.set(feature, value);
    return this;
  }

  Scenario set(Feature feature, boolean value) {
    features.set(feature, value);
    return this;
  }

  /** Pays a crypto address in USDT, and says so in the features. */
  Scenario external() {
    return external("USDT");
  }

  Scenario external(String currency) {
    transfer = toAddress(currency, 1_000_000);
    features.set(Feature.TO_EXTERNAL_ADDRESS, true);
    return this;
  }

  /** Pays an account on the platform, and says so in the features. */
  Scenario account() {
    transfer = toAccount("USD", 5_000);
    features.set(Feature.TO_EXTERNAL_ADDRESS, false);
    return this;
  }

  Scenario transfer(Transfer replacement) {
    transfer = replacement;
    return this;
  }

  static Currency currency(String code) {
    return CURRENCIES.find(code).orElseThrow();
  }

  static Transfer toAccount(String currency, long amountMinor) {
    return new Transfer(
        "t-1",
        "acct-sender",
        new Counterparty.PlatformAccount("acct-friend"),
        new Money(amountMinor, currency(currency)),
        "mobile",
        Instant.parse("2025-03-01T12:00:00Z"));
  }

  static Transfer toAddress(String currency, long amountMinor) {
    return new Transfer(
        "t-2",
        "acct-sender",
        new Counterparty.ExternalAddress("ETH", ADDRESS),
        new Money(amountMinor, currency(currency)),
        "web",
        Instant.parse("2025-03-01T12:00:00Z"));
  }

  static FeatureVector ordinaryFeatures() {
    FeatureVector f = new FeatureVector();
    f.set(Feature.AMOUNT_USD_MINOR, 5_000.0)
        .set(Feature.TO_EXTERNAL_ADDRESS, false)
        .set(Feature.SENDER_KNOWN, true)
        .set(Feature.SENDER_ACCOUNT_AGE_DAYS, 800.0)
        .set(Feature.SENDER_KYC_LEVEL, 2.0)
        .set(Feature.SENDER_TRANSFER_COUNT, 120.0)
        .set(Feature.SENDER_MEAN_AMOUNT_USD_MINOR, 6_000.0)
        .set(Feature.AMOUNT_TO_SENDER_MEAN_RATIO, 0.83)
        .set(Feature.SENDER_COUNT_24H, 1.0)
        .set(Feature.SENDER_SUM_USD_MINOR_24H, 4_000.0)
        .set(Feature.SENDER_COUNT_30D, 10.0)
        .set(Feature.SENDER_SUM_USD_MINOR_30D, 60_000.0)
        .set(Feature.SECONDS_SINCE_PASSWORD_RESET, Feature.NEVER_SECONDS)
        .set(Feature.SECONDS_SINCE_2FA_CHANGE, Feature.NEVER_SECONDS)
        .set(Feature.SECONDS_SINCE_NEW_DEVICE, Feature.NEVER_SECONDS)
        .set(Feature.SECONDS_SINCE_CONTACT_CHANGE, Feature.NEVER_SECONDS)
        .set(Feature.SECONDS_SINCE_SECURITY_CHANGE, Feature.NEVER_SECONDS)
        .set(Feature.SECONDS_SINCE_LAST_DEPOSIT, 1_700_000.0)
        .set(Feature.RECIPIENT_KNOWN, true)
        .set(Feature.RECIPIENT_AGE_DAYS, 900.0)
        .set(Feature.RECIPIENT_DISTINCT_SENDERS_24H, 1.0)
        .set(Feature.RECIPIENT_DISTINCT_SENDERS_7D, 3.0)
        .set(Feature.RECIPIENT_INBOUND_USD_MINOR_24H, 5_000.0)
        .set(Feature.RECIPIENT_TURNAROUND_SECONDS, Feature.NEVER_SECONDS);
    return f;
  }
}
