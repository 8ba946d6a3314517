package io.holdfast.server.webhooks;

import io.holdfast.core.support.Invariants;
import java.time.Duration;

/**
 * How webhooks are delivered. An empty url disables delivery; the pull API keeps working.
 *
 * @param attemptsMax attempts before a delivery becomes DEAD (the dead letter)
 * @param backoffBase the wait after the first failure, doubled after each further one
 * @param backoffCap the longest wait between attempts
 * @param lease how long a claimed delivery stays with its dispatcher before it is due again
 * @param timeout the connect and request timeout of one call
 * @param batchSize deliveries claimed at a time
 */
public record WebhookSettings(String url, String secret, int attemptsMax, Duration backoffBase,
    Duration backoffCap, Duration lease, Duration timeout, int batchSize) {

  public WebhookSettings {
    Invariants.check(attemptsMax >= 1 && attemptsMax <= 100, "attempts-max must be 1 to 100");
    Invariants.check(batchSize >= 1 && batchSize <= 1_000, "batch size must be 1 to 1000");
    Invariants.check(!backoffBase.isNegative() && !backoffCap.isNegative(), "negative backoff");
    Invariants.check(lease.compareTo(timeout) > 0, "the lease must outlast a call");
  }

  public boolean enabled() {
    return url != null && !url.isBlank();
  }

  /**
   * The wait after failed attempt number {@code attempts} (1-based): base × 2^(attempts-1),
   * capped, plus up to a tenth more. The extra is derived from the instruction id, so retries
   * of many instructions spread out, yet a test replays the exact same schedule.
   */
  public Duration backoff(int attempts, String instructionId) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    long baseMillis = backoffBase.toMillis();
    long capMillis = backoffCap.toMillis();
    long millis = baseMillis > (capMillis >> doublings) ? capMillis : baseMillis << doublings;
    millis = Math.min(millis, capMillis);
    long jitter = Math.floorMod(instructionId.hashCode() * 31L + attempts, 1_000L);
    return Duration.ofMillis(millis + millis / 10 * jitter / 1_000);
  }
}
