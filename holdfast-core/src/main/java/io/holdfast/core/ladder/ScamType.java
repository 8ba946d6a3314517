package io.holdfast.core.ladder;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kind of scam a held transfer most resembles, read from the screening reason codes, so the
 * sender gets a warning written for that scam rather than boilerplate (the UK's reimbursement
 * rules ask for specific warnings).
 */
public enum ScamType {
  INVESTMENT,
  IMPERSONATION,
  ROMANCE,
  FAKE_SUPPORT,
  MARKETPLACE,
  GIVEAWAY,
  GENERAL;

  private static final Map<ScamType, List<String>> CODES = new EnumMap<>(ScamType.class);

  static {
    CODES.put(INVESTMENT, List.of("ESCALATING_PAYMENTS_YOUNG_RECIPIENT",
        "FIRST_PAYMENT_FAR_ABOVE_USUAL", "AMOUNT_FAR_ABOVE_USUAL", "MONTH_OUTFLOW_FAR_ABOVE_USUAL",
        "DAILY_TOTAL_FAR_ABOVE_USUAL", "LARGE_FIRST_PAYMENT_TO_ADDRESS",
        "STABLECOIN_FIRST_PAYMENT_TO_ADDRESS", "ADDRESS_PAID_BY_ANOTHER_CUSTOMER"));
    CODES.put(IMPERSONATION, List.of("NEW_ADDRESS_AFTER_PASSWORD_RESET",
        "NEW_RECIPIENT_AFTER_2FA_CHANGE", "NEW_RECIPIENT_AFTER_CONTACT_CHANGE",
        "NEW_RECIPIENT_AFTER_NEW_DEVICE"));
    CODES.put(FAKE_SUPPORT, List.of("RAPID_PAYMENTS_AFTER_SECURITY_CHANGE",
        "ADDRESS_PAYMENT_AFTER_SECURITY_CHANGE", "DEPOSIT_THEN_WITHDRAW",
        "DEPOSIT_THEN_PAY_NEW_RECIPIENT"));
    CODES.put(ROMANCE, List.of("RECURRING_PAYMENTS_TO_NEW_CONTACT"));
    CODES.put(MARKETPLACE, List.of("NEW_SELLER_ACCOUNT", "YOUNG_RECIPIENT_MANY_PAYERS"));
    CODES.put(GIVEAWAY, List.of("GIVEAWAY_FAN_IN", "NEW_ADDRESS_COLLECTING_FROM_MANY",
        "RECIPIENT_PAID_BY_NEW_ACCOUNTS", "YOUNG_RECIPIENT_HIGH_FAN_IN"));
  }

  /** The type whose codes appear most often; the earliest reason breaks ties; else GENERAL. */
  public static ScamType suspected(List<String> reasonCodes) {
    ScamType best = GENERAL;
    int bestCount = 0;
    int bestFirst = Integer.MAX_VALUE;
    for (Map.Entry<ScamType, List<String>> entry : CODES.entrySet()) {
      int count = 0;
      int first = Integer.MAX_VALUE;
      for (int i = 0; i < reasonCodes.size(); i++) {
        if (entry.getValue().contains(reasonCodes.get(i))) {
          count++;
          first = Math.min(first, i);
        }
      }
      if (count > bestCount || (count == bestCount && count > 0 && first < bestFirst)) {
        best = entry.getKey();
        bestCount = count;
        bestFirst = first;
      }
    }
    return best;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
