package io.holdfast.server.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.support.ManualClock;
import io.holdfast.server.security.signin.SignInLimits.Allowed;
import io.holdfast.server.security.signin.SignInLimits.Failure;
import io.holdfast.server.security.signin.SignInLimits.Scope;
import io.holdfast.server.security.signin.SignInLimits.Throttled;
import io.holdfast.server.security.signin.SignInLimits.Verdict;
import io.holdfast.server.security.signin.SignInLimits.Wait;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's policy on a manual clock: allowances, doubling waits, exemptions, expiry. */
class SignInLimitsTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-10-01T00:00:00Z"));
  private final SignInLimits limits = new SignInLimits(SignInPolicy.defaults(), clock);

  private void advance(Duration d) {
    clock.set(clock.instant().plus(d));
  }

  private static Wait waits(Verdict verdict) {
    assertThat(verdict).isInstanceOf(Wait.class);
    return (Wait) verdict;
  }

  @Test
  void aPairWaitsAfterFiveFailuresFromOneSecondDoublingToFifteenMinutes() {
    for (int i = 1; i <= 4; i++) {
      assertThat(limits.failed("alice", "10.0.0.1").started()).as("failure %d", i).isEmpty();
      assertThat(limits.check("alice", "10.0.0.1")).isInstanceOf(Allowed.class);
    }
    Failure fifth = limits.failed("alice", "10.0.0.1");
    assertThat(fifth.pairFailures()).isEqualTo(5);
    assertThat(fifth.started()).containsExactly(new Throttled(Scope.PAIR, 5, Duration.ofSeconds(1)));
    Wait wait = waits(limits.check("alice", "10.0.0.1"));
    assertThat(wait.scope()).isEqualTo(Scope.PAIR);
    assertThat(wait.retryAfterSeconds()).isEqualTo(1);

    long expectedSeconds = 1;
    for (int failure = 6; failure <= 20; failure++) {
      advance(Duration.ofSeconds(expectedSeconds).minusMillis(1));
      assertThat(limits.check("alice", "10.0.0.1")).as("still waiting").isInstanceOf(Wait.class);
      advance(Duration.ofMillis(1));
      assertThat(limits.check("alice", "10.0.0.1")).as("the wait is over")
          .isInstanceOf(Allowed.class);
      expectedSeconds = Math.min(expectedSeconds * 2, 900);
      assertThat(limits.failed("alice", "10.0.0.1").started()).as("failure %d", failure)
          .containsExactly(new Throttled(Scope.PAIR, failure, Duration.ofSeconds(expectedSeconds)));
    }
    assertThat(expectedSeconds).as("capped at 15 minutes").isEqualTo(900);
    assertThat(waits(limits.check("alice", "10.0.0.1")).retryAfterSeconds()).isEqualTo(900);
  }

  @Test
  void anotherAddressIsNotThrottledByThePairAndASuccessStartsThePairAfresh() {
    for (int i = 0; i < 5; i++) {
      limits.failed("bob", "10.0.0.2");
    }
    assertThat(limits.check("bob", "10.0.0.2")).isInstanceOf(Wait.class);
    assertThat(limits.check("bob", "10.0.0.3")).isInstanceOf(Allowed.class);
    assertThat(limits.check("carol", "10.0.0.2")).isInstanceOf(Allowed.class);

    advance(Duration.ofSeconds(1));
    limits.succeeded("bob", "10.0.0.2");
    for (int i = 1; i <= 4; i++) {
      assertThat(limits.failed("bob", "10.0.0.2").pairFailures()).isEqualTo(i);
    }
    assertThat(limits.check("bob", "10.0.0.2")).as("four failures after the success")
        .isInstanceOf(Allowed.class);
  }

  @Test
  void usernamesDifferingInCaseShareTheirCounters() {
    for (int i = 0; i < 5; i++) {
      limits.failed(i % 2 == 0 ? "Dave" : "DAVE", "10.0.0.4");
    }
    assertThat(limits.check("dave", "10.0.0.4")).isInstanceOf(Wait.class);
  }

  @Test
  void anAddressThatFailedForThirtyUsernamesWaitsButNotForAUserWhoSignedInFromIt() {
    limits.succeeded("erin", "10.0.1.1");
    for (int u = 1; u <= 29; u++) {
      limits.failed("sprayed-" + u, "10.0.1.1");
      limits.failed("sprayed-" + u, "10.0.1.1");
    }
    assertThat(limits.check("someone-new", "10.0.1.1")).as("29 usernames, each twice")
        .isInstanceOf(Allowed.class);
    Failure thirtieth = limits.failed("sprayed-30", "10.0.1.1");
    assertThat(thirtieth.started()).extracting(Throttled::scope).containsExactly(Scope.ADDRESS);

    Wait wait = waits(limits.check("someone-new", "10.0.1.1"));
    assertThat(wait.scope()).isEqualTo(Scope.ADDRESS);
    assertThat(limits.check("erin", "10.0.1.1")).as("erin signed in from here")
        .isInstanceOf(Allowed.class);
    assertThat(limits.check("someone-new", "10.0.1.2")).isInstanceOf(Allowed.class);
  }

  @Test
  void aHundredFailuresOfAUsernameThrottleEveryAddressButOnesTheUserSignedInFrom() {
    limits.succeeded("frank", "192.0.2.1");
    advance(Duration.ofDays(29).plusHours(23));
    for (int i = 0; i < 100; i++) {
      Failure f = limits.failed("frank", "198.51.100." + (i / 4));
      assertThat(f.started().stream().anyMatch(t -> t.scope() == Scope.USERNAME))
          .as("failure %d", i + 1).isEqualTo(i == 99);
    }
    Wait wait = waits(limits.check("frank", "203.0.113.9"));
    assertThat(wait.scope()).isEqualTo(Scope.USERNAME);
    assertThat(limits.check("frank", "192.0.2.1")).as("signed in from there 29 days ago")
        .isInstanceOf(Allowed.class);

    advance(Duration.ofHours(2));
    limits.failed("frank", "203.0.113.10");
    assertThat(limits.check("frank", "192.0.2.1")).as("30 days on, no longer known")
        .isInstanceOf(Wait.class);
  }

  @Test
  void aFailureFromAKnownAddressWhileTheUsernameWaitsExtendsTheWaitWithoutStartingItAgain() {
    limits.succeeded("gina", "192.0.2.2");
    for (int i = 0; i < 110; i++) {
      limits.failed("gina", "198.51.100." + (i / 4));
    }
    Duration before = waits(limits.check("gina", "203.0.113.1")).retryAfter();
    assertThat(before).isEqualTo(Duration.ofSeconds(900));
    advance(Duration.ofMinutes(10));
    limits.succeeded("gina", "192.0.2.2");
    Failure fromKnown = limits.failed("gina", "192.0.2.2");
    assertThat(fromKnown.started()).as("the username was already waiting").isEmpty();
    assertThat(waits(limits.check("gina", "203.0.113.1")).retryAfter())
        .isEqualTo(Duration.ofSeconds(900));
  }

  @Test
  void everyLimitEndsAndIsForgottenADayAfterTheLastFailure() {
    for (int i = 0; i < 30; i++) {
      limits.failed("hank", "10.0.2.1");
      limits.failed("user-" + i, "10.0.2.1");
      advance(Duration.ofMinutes(15));
    }
    assertThat(limits.check("hank", "10.0.2.1")).isInstanceOf(Allowed.class);
    limits.failed("hank", "10.0.2.1");
    assertThat(waits(limits.check("hank", "10.0.2.1")).retryAfterSeconds()).as("at most 15 min")
        .isEqualTo(900);
    advance(Duration.ofDays(1));
    assertThat(limits.check("hank", "10.0.2.1")).isInstanceOf(Allowed.class);
    assertThat(limits.failed("hank", "10.0.2.1").pairFailures()).as("forgotten").isEqualTo(1);
    assertThat(limits.check("someone", "10.0.2.1")).as("the address too")
        .isInstanceOf(Allowed.class);
  }

  @Test
  void keysCountIpv6ByItsSlash64AndNeverGrowUnbounded() {
    assertThat(SignInLimits.addressKey("2001:db8:1:2:a:b:c:d"))
        .isEqualTo(SignInLimits.addressKey("2001:db8:1:2:ffff:0:0:1"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(SignInLimits.addressKey("2001:db8:1:3:a:b:c:d")).isNotEqualTo("2001:db8:1:2::/64");
    assertThat(SignInLimits.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(SignInLimits.usernameKey("x".repeat(10_000))).hasSize(256);
  }

  @Test
  void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
    assertThat(new Wait(Scope.PAIR, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
    assertThat(new Wait(Scope.PAIR, Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
    assertThat(new Wait(Scope.PAIR, Duration.ofSeconds(4)).retryAfterSeconds()).isEqualTo(4);
  }
}
