package io.holdfast.server.sandbox;

/**
 * The names of the sandbox's accounts. Users are prefixed so that no platform account id can
 * collide with the system accounts: {@code world}, where deposits come from, and
 * {@code escrow}, where held money waits.
 */
public final class SandboxAccounts {
  public static final String WORLD = "world";
  public static final String ESCROW = "escrow";

  private SandboxAccounts() {}

  /** Where a frozen account's balance waits until it is refunded to victims or unfrozen. */
  public static String frozen(String accountId) {
    return "frozen:" + accountId;
  }

  public static String user(String accountId) {
    return "user:" + accountId;
  }

  /**
   * The account a released transfer lands in: the recipient's user account when it is on the
   * platform ({@code a:<id>}), otherwise an account standing for the external address.
   */
  public static String recipient(String recipientKey) {
    if (recipientKey == null || recipientKey.isBlank()) {
      return "external:unknown";
    }
    if (recipientKey.startsWith("a:")) {
      return user(recipientKey.substring(2));
    }
    return "external:" + recipientKey;
  }
}
