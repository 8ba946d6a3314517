package io.holdfast.server.security.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The counters behind {@link SignInThrottle}: failed sign-ins by username and address, by
 * address alone and by username alone, under a {@link SignInPolicy}. Nothing here writes or
 * measures; the throttle does that with what these methods return.
 *
 * <p>The counters live in this instance's memory (Caffeine caches with a maximum size, so an
 * attack with endless usernames or addresses costs bounded memory, and frequently used
 * entries outlive one-off ones). That is enough for one server, the usual deployment. With
 * several instances behind a load balancer each keeps its own counters, so an attacker whose
 * requests are spread over N instances gets up to N times each allowance before every
 * instance throttles them: the limits stay bounded, only looser, and no shared store sits on
 * the path of every sign-in. A deployment that needs exact limits across instances would move
 * these counters to the database or a shared cache behind this same API.
 *
 * <p>Time comes from the injected clock, and expiry is decided from the stored instants, so a
 * test moves time with a manual clock; the caches' own expiry only frees memory.
 */
public final class SignInLimits {
  /** What a limit is counted over. */
  public enum Scope {
    /** One username from one address: guessing one person's password. */
    PAIR,
    /** One address, over usernames: trying common passwords on many people. */
    ADDRESS,
    /** One username, over addresses: guessing one password from many machines. */
    USERNAME;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a sign-in may be tried now. */
  public sealed interface Verdict permits Allowed, Wait {}

  /** The attempt may go ahead: its password will be checked. */
  public record Allowed() implements Verdict {}

  /** The attempt is refused unchecked; the client may try again after {@code retryAfter}. */
  public record Wait(Scope scope, Duration retryAfter) implements Verdict {
    public long retryAfterSeconds() {
      return seconds(retryAfter);
    }
  }

  /** A scope that a failure started to throttle: how many failures it has, how long it waits. */
  public record Throttled(Scope scope, int failures, Duration retryAfter) {
    public long retryAfterSeconds() {
      return seconds(retryAfter);
    }
  }

  /** Whole seconds to wait, rounded up and at least one, as a Retry-After header says it. */
  static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  /**
   * What one failure did: the pair's failure count after it, and the scopes it started to
   * throttle (empty while every scope is within its allowance, or already waiting).
   */
  public record Failure(int pairFailures, List<Throttled> started) {}

  /** A scope's failures: how many, the last one's time, and until when it must wait. */
  private record Counter(int failures, Instant lastFailureAt, Instant waitUntil) {
    boolean forgotten(Instant now, Duration forgetAfter) {
      return !now.isBefore(lastFailureAt.plus(forgetAfter));
    }

    boolean waiting(Instant now) {
      return now.isBefore(waitUntil);
    }
  }

  /** A counter before and after one failure, read and written in one atomic step. */
  private record Bump(Counter before, Counter after) {}

  private static final String SEPARATOR = "\u0000";
  /** Keys are at most this long: a longer username cannot exist, and shares one counter. */
  private static final int KEY_CHARS_MAX = 256;

  private final SignInPolicy policy;
  private final Clock clock;
  private final Cache<String, Counter> pairs;
  private final Cache<String, Counter> addresses;
  private final Cache<String, Counter> usernames;
  private final Cache<String, Instant> known;

  public SignInLimits(SignInPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.pairs = counters(policy.forgetAfter());
    this.addresses = counters(policy.forgetAfter());
    this.usernames = counters(policy.forgetAfter());
    this.known = Caffeine.newBuilder().maximumSize(policy.entriesMax())
        .expireAfterWrite(policy.knownAddressFor()).build();
  }

  private Cache<String, Counter> counters(Duration forgetAfter) {
    return Caffeine.newBuilder().maximumSize(policy.entriesMax())
        .expireAfterWrite(forgetAfter).build();
  }

  public SignInPolicy policy() {
    return policy;
  }

  /**
   * Whether {@code username} may try a password from {@code address} now: refused while its
   * pair waits, and, unless the user signed in from this address within the policy's
   * {@code knownAddressFor}, while the address or the username waits. The longest wait wins.
   */
  public Verdict check(String username, String address) {
    Instant now = clock.instant();
    String pair = pairKey(username, address);
    Wait longest = longer(null, waiting(pairs, pair, Scope.PAIR, now));
    if (!known(pair, now)) {
      longest = longer(longest, waiting(addresses, addressKey(address), Scope.ADDRESS, now));
      longest = longer(longest, waiting(usernames, usernameKey(username), Scope.USERNAME, now));
    }
    return longest == null ? new Allowed() : longest;
  }

  /**
   * Counts a wrong password (or unknown user) for {@code username} from {@code address}: on
   * the pair, on the username, and on the address when it is the pair's first failure (so the
   * address counts usernames). Returns the scopes this failure started to throttle.
   */
  public Failure failed(String username, String address) {
    Instant now = clock.instant();
    List<Throttled> started = new ArrayList<>(3);
    Bump pair = bump(pairs, pairKey(username, address), policy.pairFailuresFree(), now);
    startedBy(pair, Scope.PAIR, now, started);
    if (pair.after().failures() == 1) {
      Bump address1 = bump(addresses, addressKey(address), policy.addressUsernamesFree(), now);
      startedBy(address1, Scope.ADDRESS, now, started);
    }
    Bump user = bump(usernames, usernameKey(username), policy.usernameFailuresFree(), now);
    startedBy(user, Scope.USERNAME, now, started);
    assert pair.after().failures() >= 1 : "a failure is counted";
    return new Failure(pair.after().failures(), List.copyOf(started));
  }

  /**
   * A correct password: the pair starts afresh, and the address is known for the user from
   * now on. The address's and the username's counts stay, because they count failures of
   * other people, and the real user signing in says nothing about those.
   */
  public void succeeded(String username, String address) {
    Instant now = clock.instant();
    String pair = pairKey(username, address);
    if (pairs.getIfPresent(pair) != null) {
      pairs.invalidate(pair);
    }
    // HTTP Basic signs in on every request: rewrite the entry only when it has aged a little,
    // so a busy user's calls do not all write to the cache.
    Instant knownAt = known.getIfPresent(pair);
    if (knownAt == null || !now.isBefore(knownAt.plus(Duration.ofMinutes(1)))) {
      known.put(pair, now);
    }
    assert known(pair, now) : "an address the user just signed in from is known";
  }

  private boolean known(String pair, Instant now) {
    Instant at = known.getIfPresent(pair);
    return at != null && now.isBefore(at.plus(policy.knownAddressFor()));
  }

  private Wait waiting(Cache<String, Counter> cache, String key, Scope scope, Instant now) {
    Counter c = cache.getIfPresent(key);
    if (c == null || c.forgotten(now, policy.forgetAfter()) || !c.waiting(now)) {
      return null;
    }
    return new Wait(scope, Duration.between(now, c.waitUntil()));
  }

  private static Wait longer(Wait a, Wait b) {
    if (a == null) {
      return b;
    }
    return b == null || a.retryAfter().compareTo(b.retryAfter()) >= 0 ? a : b;
  }

  /** Adds one failure to {@code key}'s counter, starting afresh when it was forgotten. */
  private Bump bump(Cache<String, Counter> cache, String key, int free, Instant now) {
    Counter[] before = new Counter[1];
    Counter after = cache.asMap().compute(key, (k, c) -> {
      Counter live = c == null || c.forgotten(now, policy.forgetAfter()) ? null : c;
      before[0] = live;
      int failures = live == null ? 1 : saturatedIncrement(live.failures());
      // The new wait ends no sooner than the one it replaces (time moves on, and a wait only
      // grows with the failures), so a failure from an address a limit spares cannot shorten
      // that limit's wait.
      return new Counter(failures, now, now.plus(policy.waitAfter(failures, free)));
    });
    return new Bump(before[0], after);
  }

  private static int saturatedIncrement(int n) {
    return n == Integer.MAX_VALUE ? n : n + 1;
  }

  /** Notes {@code scope} as started when this failure made it wait and it was not waiting. */
  private static void startedBy(Bump bump, Scope scope, Instant now, List<Throttled> started) {
    boolean wasWaiting = bump.before() != null && bump.before().waiting(now);
    if (bump.after().waiting(now) && !wasWaiting) {
      started.add(new Throttled(scope, bump.after().failures(),
          Duration.between(now, bump.after().waitUntil())));
    }
  }

  /** The key of a username from an address. */
  static String pairKey(String username, String address) {
    return usernameKey(username) + SEPARATOR + addressKey(address);
  }

  /**
   * Usernames are compared without case, so trying {@code Admin} and {@code ADMIN} counts
   * against the same limit whatever the user store does with case.
   */
  static String usernameKey(String username) {
    String lower = username.toLowerCase(Locale.ROOT);
    return lower.length() > KEY_CHARS_MAX ? lower.substring(0, KEY_CHARS_MAX) : lower;
  }

  /**
   * An IPv6 address counts by its /64 network: one subscriber usually holds a whole /64, and
   * could otherwise try from 2^64 addresses of their own. An IPv4 address counts alone.
   */
  static String addressKey(String address) {
    if (address.indexOf(':') < 0) {
      return address.length() > KEY_CHARS_MAX ? address.substring(0, KEY_CHARS_MAX) : address;
    }
    String[] groups = address.split(":", -1);
    if (groups.length == 8) {
      return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }
    return address.length() > KEY_CHARS_MAX ? address.substring(0, KEY_CHARS_MAX) : address;
  }
}
