package io.holdfast.core.prevention.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a campaign sends, within {@code [startsAt, endsAt)}: {@link Cadence#ONCE} one round at
 * the start; {@link Cadence#DAILY} a round in each 24 hours from the start. Rounds are numbered
 * from 1; a round that is due is sent once, whenever the delivery job gets to it in its period
 * (a round missed while every instance was down is sent late, within its period, not skipped).
 */
public record Schedule(Instant startsAt, Instant endsAt, Cadence cadence) {
  public static final Duration LONGEST = Duration.ofDays(366);

  public enum Cadence {
    ONCE,
    DAILY
  }

  public Schedule {
    InvalidCampaign.require(startsAt != null, "schedule.starts_at", "starts_at is required");
    InvalidCampaign.require(endsAt != null && endsAt.isAfter(startsAt), "schedule.ends_at",
        "ends_at is after starts_at");
    InvalidCampaign.require(!endsAt.isAfter(startsAt.plus(LONGEST)), "schedule.ends_at",
        "a campaign lasts at most 366 days");
    InvalidCampaign.require(cadence != null, "schedule.cadence", "cadence is once or daily");
  }

  /** The round due at {@code now}, if the campaign is sending then. */
  public Optional<Integer> roundAt(Instant now) {
    if (now.isBefore(startsAt) || !now.isBefore(endsAt)) {
      return Optional.empty();
    }
    if (cadence == Cadence.ONCE) {
      return Optional.of(1);
    }
    long days = Duration.between(startsAt, now).toDays();
    return Optional.of((int) days + 1);
  }

  /** The most rounds the campaign can have. */
  public int roundsMax() {
    return cadence == Cadence.ONCE ? 1
        : (int) ((Duration.between(startsAt, endsAt).toSeconds() + 86_399) / 86_400);
  }

  public boolean over(Instant now) {
    return !now.isBefore(endsAt);
  }
}
