package io.holdfast.server.security.signin;

import io.holdfast.server.security.signin.SignInLimits.Failure;
import io.holdfast.server.security.signin.SignInLimits.Verdict;
import io.holdfast.server.security.signin.SignInLimits.Wait;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, for every way a person signs in (HTTP Basic now, the console's
 * form login later): ask {@link #check} before the password is checked and refuse the attempt
 * when it says {@link Wait}, so a throttled attacker learns nothing and costs no bcrypt; report
 * the outcome with {@link #failed} or {@link #succeeded}. Spring Security's authentication
 * events call those two ({@link SignInEvents}), so a sign-in through Spring's authentication
 * manager only needs the check, and the address from {@link ClientAddress} as its details.
 *
 * <p>The limits ({@link SignInPolicy}, kept by {@link SignInLimits}): a username from one
 * address waits after 5 failures, an address after 30 usernames failed from it, a username
 * after 100 failures from anywhere, each wait 1 s doubling to 15 minutes per further failure.
 * The address's and the username's limits spare every address the user signed in from within
 * 30 days, so an attacker elsewhere (or behind the same NAT) cannot lock the real user out;
 * nothing spares the pair's own limit. Every
 * limit ends: a wait lasts at most 15 minutes past the last failure, a count is forgotten a
 * day after it. Each outcome is counted in {@code holdfast.sign_in{outcome}}; failures are
 * audited ({@link SignInAudit}).
 */
@Component
public class SignInThrottle {
  private final SignInLimits limits;
  private final SignInAudit audit;
  private final Counter success;
  private final Counter failure;
  private final Counter throttled;

  @Autowired
  SignInThrottle(Clock clock, SignInAudit audit, MeterRegistry meters) {
    this(new SignInLimits(SignInPolicy.defaults(), clock), audit, meters);
  }

  SignInThrottle(SignInLimits limits, SignInAudit audit, MeterRegistry meters) {
    this.limits = limits;
    this.audit = audit;
    this.success = outcome(meters, "success");
    this.failure = outcome(meters, "failure");
    this.throttled = outcome(meters, "throttled");
  }

  private static Counter outcome(MeterRegistry meters, String outcome) {
    return Counter.builder("holdfast.sign_in").tag("outcome", outcome)
        .description("password sign-ins by outcome: success, failure (wrong password or"
            + " unknown user) or throttled (refused before the password was checked)")
        .register(meters);
  }

  /** Whether {@code username} may try a password from {@code address} now. */
  public Verdict check(String username, String address) {
    Verdict verdict = limits.check(username, address);
    if (verdict instanceof Wait) {
      throttled.increment();
    }
    return verdict;
  }

  /** A wrong password or an unknown user: counted, and audited within the audit's bounds. */
  public void failed(String username, String address) {
    Failure f = limits.failed(username, address);
    failure.increment();
    audit.failed(username, address, f);
  }

  /** A correct password: the pair starts afresh and the address is known for the user. */
  public void succeeded(String username, String address) {
    limits.succeeded(username, address);
    success.increment();
  }
}
