package io.holdfast.core.feature;

import java.util.HashMap;
import java.util.Map;

/**
 * The named features rules can read as {@code features.<name>}. Every feature is a number; a
 * flag is 1 or 0 and is exposed to rules as a boolean. Durations that never happened read as
 * {@link #NEVER_SECONDS}, so {@code features.seconds_since_password_reset < 86400} is false for a
 * user who never reset a password.
 */
public enum Feature {
  AMOUNT_USD_MINOR("amount_usd_minor", false, "amount in US cents (indicative rate)"),
  TO_EXTERNAL_ADDRESS("to_external_address", true, "recipient is an on-chain address"),
  SENDER_KNOWN("sender_known", true, "Holdfast has seen the sender before"),
  SENDER_ACCOUNT_AGE_DAYS("sender_account_age_days", false, "days since the sender was created"),
  SENDER_IS_SENIOR("sender_is_senior", true, "sender is 65 or older"),
  SENDER_VULNERABLE("sender_vulnerable", true, "sender has a vulnerability flag"),
  SENDER_KYC_LEVEL("sender_kyc_level", false, "KYC level the platform reports (0 none)"),
  SENDER_TRANSFER_COUNT("sender_transfer_count", false, "transfers the sender made before"),
  SENDER_MEAN_AMOUNT_USD_MINOR("sender_mean_amount_usd_minor", false, "sender's usual amount"),
  AMOUNT_TO_SENDER_MEAN_RATIO("amount_to_sender_mean_ratio", false, "amount / usual (0 if none)"),
  SENDER_COUNT_1H("sender_count_1h", false, "sender's transfers in the last hour"),
  SENDER_SUM_USD_MINOR_1H("sender_sum_usd_minor_1h", false, "sender's total in the last hour"),
  SENDER_COUNT_24H("sender_count_24h", false, "sender's transfers in the last 24 hours"),
  SENDER_SUM_USD_MINOR_24H("sender_sum_usd_minor_24h", false, "sender's total in 24 hours"),
  SENDER_COUNT_30D("sender_count_30d", false, "sender's transfers in the last 30 days"),
  SENDER_SUM_USD_MINOR_30D("sender_sum_usd_minor_30d", false, "sender's total in 30 days"),
  FIRST_TRANSFER_TO_RECIPIENT("first_transfer_to_recipient", true, "sender never paid them"),
  CROSS_BORDER("cross_border", true, "sender and recipient accounts are in different countries"),
  CROSS_BORDER_YOUNG_RECIPIENT("cross_border_young_recipient", true,
      "cross-border, to an account created less than 60 days ago"),
  SENDER_HELD_TO_RECIPIENT_MAX_USD_MINOR("sender_held_to_recipient_max_usd_minor", false,
      "largest of the sender's payments to this recipient held in 30 days (0 if none)"),
  SECONDS_SINCE_PASSWORD_RESET("seconds_since_password_reset", false, "since password reset"),
  SECONDS_SINCE_2FA_CHANGE("seconds_since_2fa_change", false, "since a 2FA change"),
  SECONDS_SINCE_NEW_DEVICE("seconds_since_new_device", false, "since a login from a new device"),
  SECONDS_SINCE_CONTACT_CHANGE("seconds_since_contact_change", false, "since contact change"),
  SECONDS_SINCE_SECURITY_CHANGE("seconds_since_security_change", false, "least of the four above"),
  DEPOSIT_USD_MINOR_24H("deposit_usd_minor_24h", false, "deposits in the last 24 hours"),
  SECONDS_SINCE_LAST_DEPOSIT("seconds_since_last_deposit", false, "since the last deposit"),
  AMOUNT_TO_DEPOSIT_24H_RATIO("amount_to_deposit_24h_ratio", false, "amount / 24 h deposits"),
  RECIPIENT_KNOWN("recipient_known", true, "Holdfast has seen the recipient before"),
  RECIPIENT_AGE_DAYS("recipient_age_days", false, "days since account created or first paid"),
  RECIPIENT_DISTINCT_SENDERS_24H("recipient_distinct_senders_24h", false, "fan-in over 24 h"),
  RECIPIENT_DISTINCT_SENDERS_7D("recipient_distinct_senders_7d", false, "fan-in over 7 days"),
  RECIPIENT_NEW_SENDER_SHARE_7D("recipient_new_sender_share_7d", false, "share of 7 d senders "
      + "whose account is under 30 days old"),
  RECIPIENT_INBOUND_USD_MINOR_24H("recipient_inbound_usd_minor_24h", false, "received in 24 h"),
  RECIPIENT_OUTBOUND_USD_MINOR_24H("recipient_outbound_usd_minor_24h", false, "sent on in 24 h"),
  RECIPIENT_OUTBOUND_INBOUND_RATIO_24H("recipient_outbound_inbound_ratio_24h", false,
      "share of 24 h inflow already sent on"),
  RECIPIENT_TURNAROUND_SECONDS("recipient_turnaround_seconds", false,
      "from the recipient's last inbound to its next outbound"),
  RECIPIENT_REPORT_COUNT("recipient_report_count", false, "distinct scam reporters"),
  RECIPIENT_ON_INTEL_LIST("recipient_on_intel_list", true, "recipient is on an intel list");

  /** What a duration feature reads when the event never happened. */
  public static final double NEVER_SECONDS = 1.0e12;

  private static final Feature[] VALUES = values();
  private static final Map<String, Feature> BY_NAME = new HashMap<>();

  static {
    for (Feature f : VALUES) {
      BY_NAME.put(f.featureName, f);
    }
  }

  private final String featureName;
  private final boolean flag;
  private final String description;

  Feature(String featureName, boolean flag, String description) {
    this.featureName = featureName;
    this.flag = flag;
    this.description = description;
  }

  public String featureName() {
    return featureName;
  }

  public boolean isFlag() {
    return flag;
  }

  public String description() {
    return description;
  }

  public static Feature byName(String name) {
    return BY_NAME.get(name);
  }

  public static int count() {
    return VALUES.length;
  }

  public static Feature at(int ordinal) {
    return VALUES[ordinal];
  }
}
