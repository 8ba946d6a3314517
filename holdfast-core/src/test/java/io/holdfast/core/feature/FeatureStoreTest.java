package io.holdfast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.account.AccountStatus;
import io.holdfast.core.account.AgeBand;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each feature against a value worked out by hand, and the sliding windows against a brute-force
 * recomputation over random histories.
 */
class FeatureStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final io.holdfast.core.money.Currency USD = CurrencyCatalog.defaults().find("USD").orElseThrow();

  private final FeatureStore store = new FeatureStore();
  private int sequence;

  private Transfer transfer(String sender, String recipient, long cents, Instant at) {
    return new Transfer("t" + sequence++, sender, new Counterparty.PlatformAccount(recipient),
        new Money(cents, USD), "p2p", at);
  }

  private Transfer toAddress(String sender, String address, long cents, Instant at) {
    return new Transfer("t" + sequence++, sender, new Counterparty.ExternalAddress("ETH", address),
        new Money(cents, USD), "withdrawal", at);
  }

  private FeatureVector features(Transfer t) {
    return store.compute(t, t.amount().usdCents(), false, new FeatureVector());
  }

  private void record(Transfer t) {
    store.recordTransfer(t, t.amount().usdCents());
  }

  @Test
  void unknownAccountsAreNewAndFirstTime() {
    FeatureVector f = features(transfer("a", "b", 100_00, T0));
    assertThat(f.flag(Feature.SENDER_KNOWN)).isFalse();
    assertThat(f.flag(Feature.RECIPIENT_KNOWN)).isFalse();
    assertThat(f.flag(Feature.FIRST_TRANSFER_TO_RECIPIENT)).isTrue();
    assertThat(f.get(Feature.SENDER_ACCOUNT_AGE_DAYS)).isZero();
    assertThat(f.get(Feature.SECONDS_SINCE_PASSWORD_RESET)).isEqualTo(Feature.NEVER_SECONDS);
    assertThat(f.get(Feature.AMOUNT_USD_MINOR)).isEqualTo(100_00);
  }

  @Test
  void windowsCountOnlyTheirOwnPeriod() {
    record(transfer("a", "b", 10_00, T0.minus(Duration.ofDays(40))));
    record(transfer("a", "b", 20_00, T0.minus(Duration.ofDays(10))));
    record(transfer("a", "c", 30_00, T0.minus(Duration.ofHours(5))));
    record(transfer("a", "c", 40_00, T0.minus(Duration.ofMinutes(30))));
    FeatureVector f = features(transfer("a", "b", 500_00, T0));
    assertThat(f.get(Feature.SENDER_COUNT_1H)).isEqualTo(1);
    assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_1H)).isEqualTo(40_00);
    assertThat(f.get(Feature.SENDER_COUNT_24H)).isEqualTo(2);
    assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_24H)).isEqualTo(70_00);
    assertThat(f.get(Feature.SENDER_COUNT_30D)).isEqualTo(3);
    assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_30D)).isEqualTo(90_00);
    assertThat(f.get(Feature.SENDER_TRANSFER_COUNT)).isEqualTo(4);
    assertThat(f.get(Feature.SENDER_MEAN_AMOUNT_USD_MINOR)).isEqualTo(25_00);
    assertThat(f.get(Feature.AMOUNT_TO_SENDER_MEAN_RATIO)).isEqualTo(20.0);
    assertThat(f.flag(Feature.FIRST_TRANSFER_TO_RECIPIENT)).isFalse();
    assertThat(features(transfer("a", "d", 1_00, T0)).flag(Feature.FIRST_TRANSFER_TO_RECIPIENT))
        .isTrue();
  }

  @Test
  void securityEventsAndDepositsAreTimedFromTheTransfer() {
    store.recordEvent("a", AccountEventType.PASSWORD_RESET, T0.minusSeconds(600), 0);
    store.recordEvent("a", AccountEventType.NEW_DEVICE_LOGIN, T0.minusSeconds(7200), 0);
    store.recordEvent("a", AccountEventType.DEPOSIT, T0.minus(Duration.ofHours(2)), 1000_00);
    store.recordEvent("a", AccountEventType.DEPOSIT, T0.minus(Duration.ofDays(3)), 5000_00);
    FeatureVector f = features(toAddress("a", "0x00000000000000000000000000000000000000aa",
        900_00, T0));
    assertThat(f.get(Feature.SECONDS_SINCE_PASSWORD_RESET)).isEqualTo(600);
    assertThat(f.get(Feature.SECONDS_SINCE_NEW_DEVICE)).isEqualTo(7200);
    assertThat(f.get(Feature.SECONDS_SINCE_SECURITY_CHANGE)).isEqualTo(600);
    assertThat(f.get(Feature.SECONDS_SINCE_2FA_CHANGE)).isEqualTo(Feature.NEVER_SECONDS);
    assertThat(f.get(Feature.DEPOSIT_USD_MINOR_24H)).isEqualTo(1000_00);
    assertThat(f.get(Feature.SECONDS_SINCE_LAST_DEPOSIT)).isEqualTo(7200);
    assertThat(f.get(Feature.AMOUNT_TO_DEPOSIT_24H_RATIO)).isEqualTo(0.9);
    assertThat(f.flag(Feature.TO_EXTERNAL_ADDRESS)).isTrue();
  }

  @Test
  void profileGivesAgeSeniorityAndVulnerability() {
    store.putProfile(new AccountProfile("a", T0.minus(Duration.ofDays(400)), "GB",
        java.time.LocalDate.of(1950, 1, 1), null, 2, Set.of("bereavement"), AccountStatus.ACTIVE));
    store.putProfile(new AccountProfile("y", T0.minus(Duration.ofDays(3)), "GB", null,
        AgeBand.FROM_25_TO_34, 1, Set.of(), AccountStatus.ACTIVE));
    FeatureVector f = features(transfer("a", "y", 100_00, T0));
    assertThat(f.get(Feature.SENDER_ACCOUNT_AGE_DAYS)).isEqualTo(400.0);
    assertThat(f.flag(Feature.SENDER_IS_SENIOR)).isTrue();
    assertThat(f.flag(Feature.SENDER_VULNERABLE)).isTrue();
    assertThat(f.get(Feature.SENDER_KYC_LEVEL)).isEqualTo(2);
    assertThat(f.get(Feature.RECIPIENT_AGE_DAYS)).isEqualTo(3.0);
    assertThat(f.flag(Feature.RECIPIENT_KNOWN)).isTrue();
  }

  private void profile(String id, int ageDays, String country) {
    store.putProfile(new AccountProfile(id, T0.minus(Duration.ofDays(ageDays)), country, null,
        AgeBand.FROM_25_TO_34, 1, Set.of(), AccountStatus.ACTIVE));
  }

  @Test
  void countriesMakeAPaymentCrossBorderAndAYoungAccountAbroadStandsOut() {
    profile("home", 400, "GB");
    profile("neighbour", 400, "GB");
    profile("mother", 900, "PH");
    profile("stranger", FeatureStore.YOUNG_ABROAD_DAYS - 1, "NG");
    profile("cousin", FeatureStore.YOUNG_ABROAD_DAYS, "ng");
    profile("nowhere", 5, null);

    FeatureVector domestic = features(transfer("home", "neighbour", 100_00, T0));
    assertThat(domestic.flag(Feature.CROSS_BORDER)).isFalse();
    FeatureVector family = features(transfer("home", "mother", 100_00, T0));
    assertThat(family.flag(Feature.CROSS_BORDER)).isTrue();
    assertThat(family.flag(Feature.CROSS_BORDER_YOUNG_RECIPIENT)).isFalse();
    FeatureVector young = features(transfer("home", "stranger", 100_00, T0));
    assertThat(young.flag(Feature.CROSS_BORDER_YOUNG_RECIPIENT)).isTrue();
    FeatureVector sixtyDays = features(transfer("home", "cousin", 100_00, T0));
    assertThat(sixtyDays.flag(Feature.CROSS_BORDER)).as("codes compare case-blind").isTrue();
    assertThat(sixtyDays.flag(Feature.CROSS_BORDER_YOUNG_RECIPIENT)).isFalse();
    FeatureVector unknown = features(transfer("home", "nowhere", 100_00, T0));
    assertThat(unknown.flag(Feature.CROSS_BORDER)).as("an unknown country is not abroad")
        .isFalse();
    FeatureVector address = features(toAddress("home", "0x00000000000000000000000000000000000000aa",
        100_00, T0));
    assertThat(address.flag(Feature.CROSS_BORDER)).isFalse();
  }

  @Test
  void fanInTurnaroundAndReportsDescribeTheRecipient() {
    String scam = "0x00000000000000000000000000000000000000bb";
    for (int i = 0; i < 12; i++) {
      record(toAddress("victim" + i, scam, 50_00, T0.minus(Duration.ofHours(i * 20L))));
    }
    store.recordReport(new Counterparty.ExternalAddress("ETH", scam), "victim1");
    store.recordReport(new Counterparty.ExternalAddress("ETH", scam), "victim1");
    store.recordReport(new Counterparty.ExternalAddress("ETH", scam), "victim2");
    FeatureVector f = features(toAddress("someone", scam, 10_00, T0));
    assertThat(f.get(Feature.RECIPIENT_DISTINCT_SENDERS_24H)).isEqualTo(2);
    assertThat(f.get(Feature.RECIPIENT_DISTINCT_SENDERS_7D)).isEqualTo(9);
    assertThat(f.get(Feature.RECIPIENT_NEW_SENDER_SHARE_7D)).isEqualTo(1.0);
    assertThat(f.get(Feature.RECIPIENT_REPORT_COUNT)).isEqualTo(2);
    assertThat(f.get(Feature.RECIPIENT_INBOUND_USD_MINOR_24H)).isEqualTo(100_00);

    record(transfer("mule", "x", 100_00, T0.minus(Duration.ofHours(3))));
    record(transfer("p1", "mule", 100_00, T0.minus(Duration.ofHours(2))));
    record(transfer("mule", "x", 90_00, T0.minus(Duration.ofMinutes(30))));
    FeatureVector m = features(transfer("p2", "mule", 10_00, T0));
    assertThat(m.get(Feature.RECIPIENT_TURNAROUND_SECONDS)).isEqualTo(5400);
    assertThat(m.get(Feature.RECIPIENT_OUTBOUND_INBOUND_RATIO_24H)).isEqualTo(1.9);
  }

  @Test
  void windowsMatchBruteForceOverRandomHistories() {
    Random random = new Random(42);
    for (int account = 0; account < 50; account++) {
      String sender = "s" + account;
      int n = 1 + random.nextInt(200);
      long[] seconds = new long[n];
      long[] cents = new long[n];
      for (int i = 0; i < n; i++) {
        seconds[i] = T0.getEpochSecond() - random.nextInt(40 * 86_400);
        cents[i] = 1 + random.nextInt(100_000);
      }
      java.util.Arrays.sort(seconds);
      for (int i = 0; i < n; i++) {
        record(transfer(sender, "r" + random.nextInt(5), cents[i], Instant.ofEpochSecond(seconds[i])));
      }
      FeatureVector f = features(transfer(sender, "r0", 1, T0));
      long count24h = 0;
      long sum1h = 0;
      for (int i = 0; i < n; i++) {
        long age = T0.getEpochSecond() - seconds[i];
        count24h += age <= 86_400 ? 1 : 0;
        sum1h += age <= 3_600 ? cents[i] : 0;
      }
      assertThat(f.get(Feature.SENDER_COUNT_24H)).as("account %s", sender).isEqualTo(count24h);
      assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_1H)).as("account %s", sender).isEqualTo(sum1h);
      assertThat(f.get(Feature.SENDER_TRANSFER_COUNT)).isEqualTo(n);
    }
  }

  @Test
  void windowSumsOfHugeAmountsSaturateInsteadOfWrapping() {
    // More transfers than the ring keeps, so the older ones are summed in day buckets too.
    for (int i = 99; i >= 0; i--) {
      record(transfer("whale", "r" + i, Money.MAX_MINOR, T0.minus(Duration.ofHours(i + 1))));
    }
    FeatureVector f = features(transfer("whale", "r0", 1, T0));
    assertThat(f.get(Feature.SENDER_COUNT_30D)).isEqualTo(100);
    assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_1H)).isEqualTo(Money.MAX_MINOR);
    assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_24H)).isEqualTo(Long.MAX_VALUE);
    assertThat(f.get(Feature.SENDER_SUM_USD_MINOR_30D)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aHeldPaymentIsRememberedForItsRecipientForThirtyDays() {
    Transfer first = transfer("victim", "scammer", 500_00, T0);
    record(first);
    store.recordHold(first.senderKey(), first.recipient().key(), T0.getEpochSecond(), 500_00);
    Transfer smaller = transfer("victim", "scammer", 200_00, T0.plus(Duration.ofDays(1)));
    record(smaller);
    store.recordHold(smaller.senderKey(), smaller.recipient().key(),
        smaller.createdAt().getEpochSecond(), 200_00);

    assertThat(features(transfer("victim", "scammer", 900_00, T0.plus(Duration.ofDays(2))))
        .get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isEqualTo(500_00);
    assertThat(features(transfer("victim", "friend", 900_00, T0.plus(Duration.ofDays(2))))
        .get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isZero();
    assertThat(features(transfer("other", "scammer", 900_00, T0.plus(Duration.ofDays(2))))
        .get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isZero();
    // Thirty days after the larger hold only the smaller one still counts, then neither.
    assertThat(features(transfer("victim", "scammer", 900_00, T0.plus(Duration.ofDays(30))
        .plusSeconds(1))).get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isEqualTo(200_00);
    assertThat(features(transfer("victim", "scammer", 900_00, T0.plus(Duration.ofDays(31))
        .plusSeconds(1))).get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isZero();
  }

  @Test
  void theHeldPaymentMemoryKeepsOnlyTheLatestHolds() {
    for (int i = 0; i < 40; i++) {
      store.recordHold("a:busy", "a:r" + i, T0.getEpochSecond() + i, 100_00 + i);
    }
    Instant later = T0.plusSeconds(100);
    assertThat(features(transfer("busy", "r0", 1, later))
        .get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isZero();
    assertThat(features(transfer("busy", "r39", 1, later))
        .get(Feature.SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR)).isEqualTo(100_39);
  }

  @Test
  void memoryPerAccountStaysBounded() {
    for (int i = 0; i < 10_000; i++) {
      record(transfer("busy", "r" + i, 1_00, T0.plusSeconds(i)));
    }
    assertThat(store.estimatedBytes()).isLessThan(10_001L * 600 + 100_000);
    assertThat(features(transfer("busy", "r1", 1, T0.plusSeconds(20_000)))
        .get(Feature.SENDER_TRANSFER_COUNT)).isEqualTo(10_000);
  }
}
