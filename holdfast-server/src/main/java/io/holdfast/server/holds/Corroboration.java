package io.holdfast.server.holds;

import java.sql.Timestamp;
import java.time.Duration;

/**
 * Who may corroborate a finding against a recipient: another sender whose own payment to it was
 * held. Such a sender counts only when their account was at least {@link #SENDER_AGE_MIN} old
 * when that hold was placed, or when the platform never described the account (a platform that
 * sends no profiles keeps the findings). Otherwise an account opened for the purpose could send
 * a payment it expects to be held and cancel it, and turn a shop's other held payments into
 * returns; an established customer is far dearer to spend that way, and scam victims almost
 * always are established customers.
 */
final class Corroboration {
  static final Duration SENDER_AGE_MIN = Duration.ofDays(30);

  private Corroboration() {}

  static boolean established(Timestamp accountCreatedAt, Timestamp heldAt) {
    return accountCreatedAt == null
        || !accountCreatedAt.toInstant().plus(SENDER_AGE_MIN).isAfter(heldAt.toInstant());
  }
}
