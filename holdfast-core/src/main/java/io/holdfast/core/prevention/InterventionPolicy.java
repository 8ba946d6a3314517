package io.holdfast.core.prevention;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Service levels and consequences of personal interventions. Priority 1 is the most urgent;
 * each priority has a service level (how long after the task is due an agent must have
 * finished it). A claimed task that passes its deadline without an outcome goes back to the
 * queue one priority more urgent, so a task an agent sat on is not left behind others.
 *
 * @param slaByPriority index 0 is priority 1; the last entry also serves lower priorities
 * @param claimWindow the least time an agent has to finish a task after claiming it
 * @param proceedsToFlag after this many "went ahead anyway" outcomes the person is flagged
 */
public record InterventionPolicy(List<Duration> slaByPriority, Duration claimWindow,
    int proceedsToFlag) {
  public static final int PRIORITY_MIN = 1;
  public static final int PRIORITY_MAX = 5;

  public InterventionPolicy {
    slaByPriority = List.copyOf(slaByPriority);
    Invariants.check(slaByPriority.size() == PRIORITY_MAX, "one service level per priority");
    for (int i = 0; i < slaByPriority.size(); i++) {
      Invariants.check(!slaByPriority.get(i).isNegative() && !slaByPriority.get(i).isZero(),
          "service levels must be positive");
      Invariants.check(i == 0 || slaByPriority.get(i).compareTo(slaByPriority.get(i - 1)) >= 0,
          "a less urgent priority never has a shorter service level");
    }
    Invariants.check(!claimWindow.isNegative() && !claimWindow.isZero(), "claim window must be positive");
    Invariants.check(proceedsToFlag >= 1, "proceeds threshold must be positive");
  }

  /**
   * 1 h for the most urgent (a severe hold's call), 2 h and 4 h within the shortest 24-hour
   * hold, a day and three days for assessments that are not about a held payment.
   */
  public static InterventionPolicy defaults() {
    return new InterventionPolicy(List.of(Duration.ofHours(1), Duration.ofHours(2),
        Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(72)),
        Duration.ofMinutes(30), 2);
  }

  public static boolean validPriority(int priority) {
    return priority >= PRIORITY_MIN && priority <= PRIORITY_MAX;
  }

  /** The deadline of a task of {@code priority} due at {@code dueAt}. */
  public Instant slaAt(int priority, Instant dueAt) {
    Invariants.check(validPriority(priority), "priority out of range: %s", priority);
    return dueAt.plus(slaByPriority.get(priority - 1));
  }

  /** The deadline once an agent claims the task: never less than the claim window from now. */
  public Instant slaAfterClaim(Instant slaAt, Instant now) {
    Instant least = now.plus(claimWindow);
    return slaAt.isBefore(least) ? least : slaAt;
  }

  /** A stale task's priority when it goes back to the queue: one step more urgent. */
  public int raised(int priority) {
    return Math.max(PRIORITY_MIN, priority - 1);
  }

  /**
   * Whether an outcome should record the {@link VulnerabilityFlags#AT_RISK} flag, and why: the
   * person went ahead against advice {@code proceedsToFlag} times (this outcome included), or
   * a chronic victim was found in a scam again or went ahead.
   *
   * @param earlierProceeds how often the person went ahead on earlier tasks
   */
  public Optional<String> flagAfter(InterventionOutcome outcome, int earlierProceeds,
      boolean chronic) {
    Invariants.check(earlierProceeds >= 0, "negative count");
    int proceeds = earlierProceeds + (outcome.proceeded() ? 1 : 0);
    if (outcome.proceeded() && proceeds >= proceedsToFlag) {
      return Optional.of("went ahead against an agent's advice " + proceeds + " times");
    }
    if (chronic && (outcome.proceeded() || outcome == InterventionOutcome.CONFIRMED_SCAM)) {
      return Optional.of("chronic victim, " + outcome.wire() + " on an intervention");
    }
    return Optional.empty();
  }
}
