package io.holdfast.core.prevention;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.support.Invariants;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one account did in the assessment window, as the daily assessment reads it from the
 * record: its outbound payments, deposits and security changes, and how often it went ahead
 * after a warning. The lists are bounded by the reader ({@link #EVENTS_MAX} each) so one very
 * busy account cannot stall the batch.
 *
 * @param windowStart the first instant of the window; payments before it are unknown here
 * @param windowEnd the end of the window (exclusive): the instant the assessment is made as of
 * @param warningsIgnored held payments the sender let go ahead after being warned
 */
public record AccountActivity(String accountId, String country, boolean vulnerable,
    boolean senior, boolean chronicVictim, Instant windowStart, Instant windowEnd,
    List<Payment> payments,
    List<Deposit> deposits, List<SecurityChange> securityChanges, int warningsIgnored) {

  public static final int EVENTS_MAX = 500;

  public AccountActivity {
    Invariants.check(accountId != null && !accountId.isBlank(), "account id is required");
    Invariants.check(windowStart != null && windowEnd != null
        && windowStart.isBefore(windowEnd), "the window must end after it starts");
    Invariants.check(warningsIgnored >= 0, "negative count of ignored warnings");
    payments = sorted(payments, Comparator.comparing(Payment::at));
    deposits = sorted(deposits, Comparator.comparing(Deposit::at));
    securityChanges = sorted(securityChanges, Comparator.comparing(SecurityChange::at));
  }

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    List<T> list = items == null ? List.of() : items;
    Invariants.check(list.size() <= EVENTS_MAX, "more than %d events for one account",
        EVENTS_MAX);
    return list.stream().sorted(order).toList();
  }

  /**
   * One outbound payment.
   *
   * @param recipientCountry the recipient account's country, or null for an address or unknown
   * @param flaggedAs the scam type the recipient is flagged for (frozen, confirmed scammer or on
   *     an intel list), GENERAL when flagged without a type, or null when not flagged
   */
  public record Payment(Instant at, String recipientKey, boolean external,
      String recipientCountry, long amountUsdMinor, ScamType flaggedAs) {
    public Payment {
      Invariants.check(at != null && recipientKey != null, "payment needs a time and recipient");
      Invariants.check(amountUsdMinor >= 0, "negative payment");
    }
  }

  public record Deposit(Instant at, long amountUsdMinor) {
    public Deposit {
      Invariants.check(at != null && amountUsdMinor >= 0, "bad deposit");
    }
  }

  /** A password reset, 2FA change, contact-details change or login from a new device. */
  public record SecurityChange(Instant at, String type) {
    public SecurityChange {
      Invariants.check(at != null && type != null, "bad security change");
    }
  }
}
