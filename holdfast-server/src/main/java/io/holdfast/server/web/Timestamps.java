package io.holdfast.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one definition of the times Holdfast accepts, for every input: JSON bodies, query
 * parameters and the CSV import. java.time parses years from -999,999,999 to +999,999,999,
 * far beyond what PostgreSQL and the JDBC conversions hold (such a year failed the request with
 * a 500 or was stored as another year), so a time is refused unless it lies from
 * {@link #EARLIEST} to {@link #LATEST} (both included): nothing Holdfast records happened before
 * 1970, and nothing it schedules is planned past 2200. Inputs with a tighter meaning (a
 * transfer cannot be from next week) bound them further on top of this.
 */
public final class Timestamps {
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  /**
   * How far past the server's clock the platform's record of a past event (a transfer or an
   * account created, an event that occurred) may be: an hour, as screening always allowed, so
   * a platform whose clock runs ahead of ours is still screened, while a time that cannot be
   * true is refused. It is measured on the injected clock, so in the demo's virtual time it is
   * an hour of virtual time, and the simulation stamps its transfers with that same clock.
   */
  public static final Duration REPORTED_AHEAD_MAX = Duration.ofHours(1);

  /**
   * How far past the server's clock a receipt may say the platform showed a message: a minute,
   * for clocks a little apart. A receipt is evidence of when a warning was seen, so it gets a
   * far smaller allowance than {@link #REPORTED_AHEAD_MAX}.
   */
  public static final Duration RECEIPT_AHEAD_MAX = Duration.ofMinutes(1);

  private static final String EXAMPLE = "2026-11-25T10:00:00Z";

  private Timestamps() {}

  /**
   * The instant in ISO-8601 with an offset ({@code 2026-11-25T10:00:00Z} or
   * {@code ...+02:00}), within the range, or a refusal naming {@code field}.
   */
  public static Instant parse(String field, String text) {
    Instant at = text == null ? null : IsoTimestamps.parse(text);
    if (at == null) {
      try {
        at = OffsetDateTime.parse(text == null ? "" : text).toInstant();
      } catch (DateTimeParseException e) {
        throw ApiProblem.invalidField(field, field + " must be ISO-8601 with an offset, such as "
            + EXAMPLE);
      }
    }
    return inRange(field, at);
  }

  /** A past event's time: {@link #parse} and at most {@link #REPORTED_AHEAD_MAX} past now. */
  public static Instant reported(String field, String text, Instant now) {
    Instant at = parse(field, text);
    if (at.isAfter(now.plus(REPORTED_AHEAD_MAX))) {
      throw ApiProblem.invalidField(field, field + " is more than an hour in the future");
    }
    return at;
  }

  /** A day ({@code 2026-11-25}) whose start, at UTC, lies within the range. */
  public static LocalDate day(String field, LocalDate day) {
    inRange(field, day.atStartOfDay(ZoneOffset.UTC).toInstant());
    return day;
  }

  /**
   * When the platform says it showed a message created at {@code createdAt}: not before the
   * message, nor more than {@link #RECEIPT_AHEAD_MAX} past {@code now}, or a refusal naming
   * {@code field}. The message's time is taken to the whole second because platforms report
   * whole seconds, and a warning shown in the second it was written is the usual case.
   */
  public static Instant receipt(String field, Instant shownAt, Instant createdAt, Instant now) {
    if (shownAt.isBefore(createdAt.truncatedTo(ChronoUnit.SECONDS))) {
      throw ApiProblem.invalidField(field, field + " " + shownAt + " is before the message was"
          + " created, at " + createdAt);
    }
    if (shownAt.isAfter(now.plus(RECEIPT_AHEAD_MAX))) {
      throw ApiProblem.invalidField(field, field + " " + shownAt + " is later than now");
    }
    return shownAt;
  }

  /** The instant itself when it lies from {@link #EARLIEST} to {@link #LATEST}. */
  public static Instant inRange(String field, Instant at) {
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw ApiProblem.invalidField(field, field + " must be from " + EARLIEST + " to "
          + LATEST + ", was " + at);
    }
    return at;
  }
}
