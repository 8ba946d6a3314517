package io.holdfast.core.prevention;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.money.MinorSums;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default exposure rules: the patterns the issue names as preceding known scams, each with
 * a weight. Weights are judgement, not fitted: a payment to a recipient already flagged as a
 * scam is the strongest sign (0.70, or 0.85 for several), a security change followed by a large
 * payment to someone new is the fake-support and impersonation script (0.55), a large deposit
 * sent on to a new address is the investment-scam pattern (0.50), new payees abroad the
 * romance pattern (0.35), and ignored warnings show a user who goes ahead (0.30 or 0.50).
 * Vulnerability, age and past losses amplify the others.
 */
public final class ExposureRules {
  static final long LARGE_USD_MINOR = 50_000;
  static final Duration RECENT = Duration.ofDays(7);
  static final int RECURRING_PAYMENTS = 3;
  static final Duration SECURITY_TO_PAYMENT = Duration.ofHours(48);
  /** A recipient first paid this long after the window began counts as new. */
  static final Duration HISTORY_NEEDED = Duration.ofDays(21);

  private ExposureRules() {}

  public static List<ExposureRule> defaults() {
    return List.of(paidFlaggedRecipient(), depositThenNewAddress(), newPayeesAbroad(),
        securityChangeThenLargePayment(), ignoredWarnings());
  }

  /** The traits that raise other findings' weight: vulnerable, senior, a chronic victim. */
  public static List<ExposureRule> amplifiers() {
    return List.of(
        trait("vulnerable", 0.25, AccountActivity::vulnerable,
            "the customer has a recorded vulnerability"),
        trait("senior", 0.15, AccountActivity::senior, "the customer is 65 or older"),
        trait("chronic_victim", 0.30, AccountActivity::chronicVictim,
            "the customer lost money to scams before"));
  }

  static ExposureRule paidFlaggedRecipient() {
    return rule("paid_flagged_recipient", a -> {
      List<AccountActivity.Payment> flagged = a.payments().stream()
          .filter(p -> p.flaggedAs() != null).toList();
      if (flagged.isEmpty()) {
        return Optional.empty();
      }
      long usd = flagged.stream().mapToLong(AccountActivity.Payment::amountUsdMinor)
          .reduce(0, MinorSums::saturatingAdd);
      ScamType type = flagged.stream().map(AccountActivity.Payment::flaggedAs)
          .filter(t -> t != ScamType.GENERAL).findFirst().orElse(ScamType.GENERAL);
      return Optional.of(new Finding("paid_flagged_recipient", flagged.size() > 1 ? 0.85 : 0.70,
          false, type, "You sent money to an account that has since been reported as part of"
              + " a scam.", flagged.size() + " payment(s), " + Usd.text(usd)
              + ", to recipients flagged as scams"));
    });
  }

  static ExposureRule depositThenNewAddress() {
    return rule("deposit_then_new_address", a -> {
      Instant since = a.windowEnd().minus(RECENT);
      List<AccountActivity.Deposit> recent = a.deposits().stream()
          .filter(d -> !d.at().isBefore(since)).toList();
      long depositedUsd = recent.stream().mapToLong(AccountActivity.Deposit::amountUsdMinor)
          .reduce(0, MinorSums::saturatingAdd);
      if (recent.isEmpty() || depositedUsd < 2 * LARGE_USD_MINOR) {
        return Optional.empty();
      }
      Instant firstDeposit = recent.get(0).at();
      long onwardUsd = newRecipientPayments(a).stream()
          .filter(p -> p.external() && p.at().isAfter(firstDeposit))
          .mapToLong(AccountActivity.Payment::amountUsdMinor)
          .reduce(0, MinorSums::saturatingAdd);
      // Less than half sent on; written without doubling, which could overflow.
      if (onwardUsd < depositedUsd - onwardUsd) {
        return Optional.empty();
      }
      return Optional.of(new Finding("deposit_then_new_address", 0.50, false,
          ScamType.INVESTMENT, "You added a large amount and sent most of it to a new wallet"
              + " address soon after.", Usd.text(depositedUsd) + " deposited in 7 days, "
              + Usd.text(onwardUsd) + " sent on to new addresses"));
    });
  }

  /**
   * The romance pattern: recurring payments (three or more in the window) to one payee abroad
   * whom the account had not paid before. One-off payments abroad are ordinary.
   */
  static ExposureRule newPayeesAbroad() {
    return rule("new_payees_abroad", a -> {
      Map<String, Integer> paymentsAbroad = new HashMap<>();
      for (AccountActivity.Payment p : newRecipientPayments(a)) {
        if (p.recipientCountry() != null && a.country() != null
            && !p.recipientCountry().equals(a.country())) {
          paymentsAbroad.merge(p.recipientKey(), 1, Integer::sum);
        }
      }
      int recurring = paymentsAbroad.values().stream().mapToInt(Integer::intValue).max()
          .orElse(0);
      if (recurring < RECURRING_PAYMENTS) {
        return Optional.empty();
      }
      return Optional.of(new Finding("new_payees_abroad", 0.35, false, ScamType.ROMANCE,
          "You have started paying someone abroad again and again whom you had not paid"
              + " before.", recurring + " payments to one new payee abroad"));
    });
  }

  static ExposureRule securityChangeThenLargePayment() {
    return rule("security_change_then_large_payment", a -> {
      for (AccountActivity.SecurityChange change : a.securityChanges()) {
        Instant until = change.at().plus(SECURITY_TO_PAYMENT);
        for (AccountActivity.Payment p : newRecipientPayments(a)) {
          if (p.amountUsdMinor() >= LARGE_USD_MINOR && !p.at().isBefore(change.at())
              && p.at().isBefore(until)) {
            return Optional.of(new Finding("security_change_then_large_payment", 0.55, false,
                ScamType.IMPERSONATION, "Your security settings changed and a large payment to"
                    + " someone new followed within two days.", change.type() + " then "
                    + Usd.text(p.amountUsdMinor()) + " to a new recipient"));
          }
        }
      }
      return Optional.empty();
    });
  }

  static ExposureRule ignoredWarnings() {
    return rule("ignored_warnings", a -> a.warningsIgnored() == 0 ? Optional.empty()
        : Optional.of(new Finding("ignored_warnings", a.warningsIgnored() > 1 ? 0.50 : 0.30,
            false, ScamType.GENERAL, "You went ahead with a payment after we warned you about"
                + " it.", a.warningsIgnored() + " held payment(s) released after warnings")));
  }

  /**
   * Payments to recipients this account first paid after enough of the window had passed
   * ({@link #HISTORY_NEEDED}) to call a recipient new, including repeat payments to them.
   */
  static List<AccountActivity.Payment> newRecipientPayments(AccountActivity a) {
    Instant knownFrom = a.windowStart().plus(HISTORY_NEEDED);
    Map<String, Instant> firstPaid = new HashMap<>();
    for (AccountActivity.Payment p : a.payments()) {
      firstPaid.putIfAbsent(p.recipientKey(), p.at());
    }
    return a.payments().stream()
        .filter(p -> !firstPaid.get(p.recipientKey()).isBefore(knownFrom)).toList();
  }

  private static ExposureRule trait(String code, double weight,
      java.util.function.Predicate<AccountActivity> has, String forAnalyst) {
    return rule(code, a -> has.test(a) ? Optional.of(new Finding(code, weight, true,
        ScamType.GENERAL, "", forAnalyst)) : Optional.empty());
  }

  private static ExposureRule rule(String code,
      java.util.function.Function<AccountActivity, Optional<Finding>> body) {
    return new ExposureRule() {
      @Override
      public String code() {
        return code;
      }

      @Override
      public Optional<Finding> check(AccountActivity activity) {
        return body.apply(activity);
      }
    };
  }
}
