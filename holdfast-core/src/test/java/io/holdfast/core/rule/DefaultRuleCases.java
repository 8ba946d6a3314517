package io.holdfast.core.rule;

import static io.holdfast.core.feature.Feature.*;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One case per default rule: settings on top of an ordinary transfer that make the rule match,
 * and a near miss, applied on top of the match, that changes one fact just across a threshold.
 */
final class DefaultRuleCases {
  private DefaultRuleCases() {}

  record Case(String rule, UnaryOperator<Scenario> match, UnaryOperator<Scenario> nearMiss) {
    Scenario matching() {
      return match.apply(Scenario.ordinary());
    }

    Scenario missing() {
      return nearMiss.apply(matching());
    }

    @Override
    public String toString() {
      return rule;
    }
  }

  static Case of(String rule, UnaryOperator<Scenario> match, UnaryOperator<Scenario> nearMiss) {
    return new Case(rule, match, nearMiss);
  }

  static List<Case> all() {
    return List.of(
        of("first_payment_far_above_usual",
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true).set(AMOUNT_TO_SENDER_MEAN_RATIO, 8)
                .set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(AMOUNT_TO_SENDER_MEAN_RATIO, 4.9)),
        of("large_first_payment_to_address",
            s -> s.external().set(FIRST_TRANSFER_TO_RECIPIENT, true).set(AMOUNT_USD_MINOR, 600_000),
            s -> s.set(AMOUNT_USD_MINOR, 499_999)),
        of("escalating_payments_young_recipient",
            s -> s.set(RECIPIENT_AGE_DAYS, 10).set(AMOUNT_TO_SENDER_MEAN_RATIO, 4)
                .set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true)),
        of("amount_far_above_usual",
            s -> s.set(AMOUNT_TO_SENDER_MEAN_RATIO, 12).set(AMOUNT_USD_MINOR, 300_000),
            s -> s.set(AMOUNT_TO_SENDER_MEAN_RATIO, 9.5)),
        of("month_outflow_far_above_usual",
            s -> s.set(SENDER_SUM_USD_MINOR_30D, 200_000).set(AMOUNT_USD_MINOR, 60_000),
            s -> s.set(SENDER_SUM_USD_MINOR_30D, 170_000)),
        of("investment_platform_deposit_pattern",
            s -> s.external().set(FIRST_TRANSFER_TO_RECIPIENT, true).set(RECIPIENT_AGE_DAYS, 5)
                .set(RECIPIENT_DISTINCT_SENDERS_7D, 8).set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(RECIPIENT_AGE_DAYS, 20)),
        of("young_address_paid_by_another_customer",
            s -> s.external().set(FIRST_TRANSFER_TO_RECIPIENT, true).set(RECIPIENT_KNOWN, true)
                .set(RECIPIENT_AGE_DAYS, 3).set(RECIPIENT_DISTINCT_SENDERS_7D, 1)
                .set(AMOUNT_USD_MINOR, 50_000),
            s -> s.set(RECIPIENT_DISTINCT_SENDERS_7D, 0)),
        of("paid_more_after_a_hold",
            s -> s.set(SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR, 80_000).set(AMOUNT_USD_MINOR, 80_000),
            s -> s.set(AMOUNT_USD_MINOR, 79_999)),
        of("payment_abroad_to_young_account",
            s -> s.set(CROSS_BORDER_YOUNG_RECIPIENT, true).set(AMOUNT_USD_MINOR, 50_000),
            s -> s.set(AMOUNT_USD_MINOR, 49_999)),
        of("new_recipient_after_password_reset",
            s -> s.external().set(SECONDS_SINCE_PASSWORD_RESET, 3_600)
                .set(FIRST_TRANSFER_TO_RECIPIENT, true).set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(SECONDS_SINCE_PASSWORD_RESET, 90_000)),
        of("new_recipient_after_2fa_change",
            s -> s.set(SECONDS_SINCE_2FA_CHANGE, 3_600).set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, false)),
        of("new_recipient_after_new_device",
            s -> s.set(SECONDS_SINCE_NEW_DEVICE, 1_800).set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(SECONDS_SINCE_NEW_DEVICE, 30_000)),
        of("new_recipient_after_contact_change",
            s -> s.set(SECONDS_SINCE_CONTACT_CHANGE, 100_000).set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(AMOUNT_USD_MINOR, 90_000)),
        of("rapid_payments_after_security_change",
            s -> s.external().set(SECONDS_SINCE_SECURITY_CHANGE, 600).set(SENDER_COUNT_1H, 3),
            s -> s.set(SENDER_COUNT_1H, 2)),
        of("address_payment_right_after_security_change",
            s -> s.external().set(SECONDS_SINCE_SECURITY_CHANGE, 600).set(AMOUNT_USD_MINOR, 60_000),
            s -> s.account()),
        of("recurring_payments_to_new_contact",
            s -> s.set(RECIPIENT_AGE_DAYS, 30).set(SENDER_COUNT_30D, 6)
                .set(RECIPIENT_DISTINCT_SENDERS_7D, 1).set(AMOUNT_USD_MINOR, 40_000),
            s -> s.set(RECIPIENT_DISTINCT_SENDERS_7D, 3)),
        of("stablecoin_first_payment_to_address",
            s -> s.external("USDT").set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 400_000),
            s -> s.external("ETH")),
        of("vulnerable_sender_new_recipient",
            s -> s.set(SENDER_VULNERABLE, true).set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 60_000),
            s -> s.set(SENDER_VULNERABLE, false)),
        of("senior_sender_new_recipient",
            s -> s.set(SENDER_IS_SENIOR, true).set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 250_000),
            s -> s.set(AMOUNT_USD_MINOR, 150_000)),
        of("senior_sender_first_address_payment",
            s -> s.external().set(SENDER_IS_SENIOR, true).set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(AMOUNT_USD_MINOR, 60_000),
            s -> s.account()),
        of("new_seller_account",
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true).set(RECIPIENT_AGE_DAYS, 3)
                .set(AMOUNT_USD_MINOR, 30_000),
            s -> s.set(RECIPIENT_AGE_DAYS, 8)),
        of("young_recipient_many_payers",
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true).set(RECIPIENT_AGE_DAYS, 5)
                .set(RECIPIENT_DISTINCT_SENDERS_24H, 12),
            s -> s.set(RECIPIENT_DISTINCT_SENDERS_24H, 9)),
        of("giveaway_fan_in_24h",
            s -> s.external().set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(RECIPIENT_DISTINCT_SENDERS_24H, 80),
            s -> s.set(RECIPIENT_DISTINCT_SENDERS_24H, 40)),
        of("giveaway_new_senders",
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true).set(RECIPIENT_DISTINCT_SENDERS_7D, 30)
                .set(RECIPIENT_NEW_SENDER_SHARE_7D, 0.7),
            s -> s.set(RECIPIENT_NEW_SENDER_SHARE_7D, 0.5)),
        of("giveaway_fan_in_7d_young",
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true).set(RECIPIENT_AGE_DAYS, 10)
                .set(RECIPIENT_DISTINCT_SENDERS_7D, 150),
            s -> s.set(RECIPIENT_DISTINCT_SENDERS_7D, 90)),
        of("mule_fast_turnaround",
            s -> s.set(RECIPIENT_TURNAROUND_SECONDS, 1_800)
                .set(RECIPIENT_OUTBOUND_INBOUND_RATIO_24H, 0.95).set(AMOUNT_USD_MINOR, 30_000),
            s -> s.set(RECIPIENT_TURNAROUND_SECONDS, 8_000)),
        of("mule_young_pass_through",
            s -> s.set(RECIPIENT_AGE_DAYS, 10).set(RECIPIENT_OUTBOUND_INBOUND_RATIO_24H, 1.0)
                .set(RECIPIENT_INBOUND_USD_MINOR_24H, 600_000),
            s -> s.set(RECIPIENT_OUTBOUND_INBOUND_RATIO_24H, 1.2)),
        of("mule_high_volume_new_recipient",
            s -> s.set(FIRST_TRANSFER_TO_RECIPIENT, true)
                .set(RECIPIENT_INBOUND_USD_MINOR_24H, 1_500_000)
                .set(RECIPIENT_TURNAROUND_SECONDS, 1_200),
            s -> s.set(RECIPIENT_INBOUND_USD_MINOR_24H, 900_000)),
        of("reported_mule",
            s -> s.set(RECIPIENT_REPORT_COUNT, 2).set(RECIPIENT_TURNAROUND_SECONDS, 3_600)
                .set(RECIPIENT_OUTBOUND_INBOUND_RATIO_24H, 0.95).set(RECIPIENT_AGE_DAYS, 20),
            s -> s.set(RECIPIENT_REPORT_COUNT, 1)),
        of("deposit_then_withdraw_to_address",
            s -> s.external().set(AMOUNT_TO_DEPOSIT_24H_RATIO, 0.95)
                .set(SECONDS_SINCE_LAST_DEPOSIT, 3_600).set(AMOUNT_USD_MINOR, 60_000),
            s -> s.set(SECONDS_SINCE_LAST_DEPOSIT, 30_000)),
        of("deposit_then_pay_new_recipient",
            s -> s.set(AMOUNT_TO_DEPOSIT_24H_RATIO, 0.85).set(DEPOSIT_USD_MINOR_24H, 200_000)
                .set(FIRST_TRANSFER_TO_RECIPIENT, true).set(SECONDS_SINCE_LAST_DEPOSIT, 3_600),
            s -> s.set(DEPOSIT_USD_MINOR_24H, 90_000)),
        of("velocity_count_1h",
            s -> s.set(SENDER_COUNT_1H, 5),
            s -> s.set(SENDER_COUNT_1H, 4)),
        of("velocity_sum_1h",
            s -> s.set(SENDER_COUNT_1H, 2).set(SENDER_SUM_USD_MINOR_1H, 900_000)
                .set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(SENDER_SUM_USD_MINOR_1H, 800_000)),
        of("velocity_count_24h",
            s -> s.set(SENDER_COUNT_24H, 15),
            s -> s.set(SENDER_COUNT_24H, 14)),
        of("velocity_sum_24h_far_above_usual",
            s -> s.set(SENDER_SUM_USD_MINOR_24H, 600_000),
            s -> s.set(SENDER_SUM_USD_MINOR_24H, 400_000)),
        of("new_sender_large_amount",
            s -> s.set(SENDER_ACCOUNT_AGE_DAYS, 3).set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(SENDER_ACCOUNT_AGE_DAYS, 8)),
        of("new_sender_large_address_payment",
            s -> s.external().set(SENDER_ACCOUNT_AGE_DAYS, 10).set(SENDER_TRANSFER_COUNT, 1)
                .set(AMOUNT_USD_MINOR, 250_000),
            s -> s.set(SENDER_TRANSFER_COUNT, 3)),
        of("unverified_sender_large_amount",
            s -> s.set(SENDER_KYC_LEVEL, 0).set(AMOUNT_USD_MINOR, 150_000),
            s -> s.set(SENDER_KYC_LEVEL, 1)),
        of("unknown_sender_large_amount",
            s -> s.set(SENDER_KNOWN, false).set(AMOUNT_USD_MINOR, 400_000),
            s -> s.set(AMOUNT_USD_MINOR, 250_000)),
        of("recipient_reported",
            s -> s.set(RECIPIENT_REPORT_COUNT, 1),
            s -> s.set(RECIPIENT_REPORT_COUNT, 3)),
        of("recipient_reported_by_many",
            s -> s.set(RECIPIENT_REPORT_COUNT, 3),
            s -> s.set(RECIPIENT_REPORT_COUNT, 2)),
        of("recipient_on_intel_list",
            s -> s.set(RECIPIENT_ON_INTEL_LIST, true),
            s -> s.set(RECIPIENT_ON_INTEL_LIST, false)));
  }
}
