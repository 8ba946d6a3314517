package io.holdfast.server.security.signin;

import java.time.Duration;

/**
 * The limits on failed sign-ins. A scope (a username from one address, an address, a
 * username) may fail {@code ...Free} times without waiting; each failure from then on makes it
 * wait before its next attempt, {@link #firstWait} after the first such failure and twice as
 * long after each further one, up to {@link #waitMax}. A scope's failures are forgotten
 * {@link #forgetAfter} after its last one, and a username's limit spares any address the user
 * signed in from within {@link #knownAddressFor}.
 *
 * @param pairFailuresFree failures of one username from one address (guessing one password)
 * @param addressUsernamesFree usernames that failed from one address (password spraying);
 *     counting usernames rather than failures keeps one person's typing out of it
 * @param usernameFailuresFree failures of one username from anywhere (NIST SP 800-63B allows
 *     at most 100 consecutive failures on an account)
 * @param entriesMax how many counters of each scope one instance keeps, so an attack with
 *     millions of usernames or addresses costs bounded memory
 */
public record SignInPolicy(int pairFailuresFree, int addressUsernamesFree,
    int usernameFailuresFree, Duration firstWait, Duration waitMax, Duration forgetAfter,
    Duration knownAddressFor, int entriesMax) {

  public SignInPolicy {
    if (pairFailuresFree < 1 || addressUsernamesFree < 1 || usernameFailuresFree < 1) {
      throw new IllegalArgumentException("each scope allows at least one failure");
    }
    if (firstWait.isNegative() || firstWait.isZero() || waitMax.compareTo(firstWait) < 0) {
      throw new IllegalArgumentException("waits are positive and the first is at most the most");
    }
    if (forgetAfter.compareTo(waitMax) <= 0) {
      // A counter forgotten before its wait ends would hand an attacker a fresh allowance
      // every time they sit out a wait.
      throw new IllegalArgumentException("failures are remembered longer than the longest wait");
    }
    if (entriesMax < 1) {
      throw new IllegalArgumentException("entriesMax must be positive");
    }
  }

  /**
   * 5 failures of a username from an address, 30 usernames from an address, 100 failures of a
   * username; waits from 1 s doubling to 15 minutes; failures remembered for a day after the
   * last; an address is known for 30 days after a successful sign-in from it; at most 50,000
   * counters of each scope (a few hundred bytes each).
   */
  public static SignInPolicy defaults() {
    return new SignInPolicy(5, 30, 100, Duration.ofSeconds(1), Duration.ofMinutes(15),
        Duration.ofDays(1), Duration.ofDays(30), 50_000);
  }

  /**
   * The wait after the {@code failures}-th failure of a scope that allows {@code free}: none
   * before the allowance is spent, then {@link #firstWait} doubling up to {@link #waitMax}.
   */
  Duration waitAfter(int failures, int free) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 40);
    long millis = firstWait.toMillis();
    for (int i = 0; i < doublings && millis < waitMax.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, waitMax.toMillis()));
  }
}
