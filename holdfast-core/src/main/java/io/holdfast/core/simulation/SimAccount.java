package io.holdfast.core.simulation;

/**
 * An account on the simulated platform. {@code role} is ground truth the platform never sees.
 *
 * @param ageDays the account's age when the world starts
 * @param wallet the user's own external wallet (for withdrawals), or null
 */
public record SimAccount(String accountId, Role role, String country, String ageBand,
    boolean vulnerable, int ageDays, int kycLevel, String wallet) {

  /** Who the account really belongs to. */
  public enum Role {
    USER,
    MERCHANT,
    SCAMMER,
    MULE,
    ADVERSARY
  }
}
