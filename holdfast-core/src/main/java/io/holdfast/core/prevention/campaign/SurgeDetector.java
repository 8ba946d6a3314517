package io.holdfast.core.prevention.campaign;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.support.Invariants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds a rise in confirmed scams of one type in one region: at least {@code minRecent}
 * confirmed in the last {@code RECENT_DAYS} days, and a daily rate at least
 * {@code factorPercent} percent of the daily rate of the {@code BASELINE_DAYS} days before.
 * Integer arithmetic: {@code recent / 7 >= factor * baseline / 28} is
 * {@code recent * 28 * 100 >= factorPercent * baseline * 7}. A region with no baseline surges
 * on the minimum count alone.
 */
public record SurgeDetector(int minRecent, int factorPercent) {
  public static final int RECENT_DAYS = 7;
  public static final int BASELINE_DAYS = 28;

  public SurgeDetector {
    Invariants.check(minRecent >= 1, "at least one confirmed scam");
    Invariants.check(factorPercent >= 100, "a surge is at least the baseline rate");
  }

  /** Five confirmed in a week, at twice the daily rate of the four weeks before. */
  public static SurgeDetector defaults() {
    return new SurgeDetector(5, 200);
  }

  /** Confirmed scams of one type in one region: in the last week, and in the 28 days before. */
  public record Counts(String region, ScamType scamType, long recent, long baseline) {}

  public record Surge(String region, ScamType scamType, long recent, long baseline,
      String reason) {}

  public boolean isSurge(Counts c) {
    return c.recent() >= minRecent
        && c.recent() * BASELINE_DAYS * 100 >= (long) factorPercent * c.baseline() * RECENT_DAYS;
  }

  /** The surges among {@code counts}, largest rise first. */
  public List<Surge> detect(List<Counts> counts) {
    List<Surge> out = new ArrayList<>();
    for (Counts c : counts) {
      if (isSurge(c)) {
        out.add(new Surge(c.region(), c.scamType(), c.recent(), c.baseline(), reason(c)));
      }
    }
    out.sort(Comparator.comparingLong((Surge s) -> -s.recent()).thenComparing(Surge::region)
        .thenComparing(s -> s.scamType().name()));
    return out;
  }

  private static String reason(Counts c) {
    double recentPerDay = c.recent() / (double) RECENT_DAYS;
    double baselinePerDay = c.baseline() / (double) BASELINE_DAYS;
    return String.format(Locale.ROOT, "%d confirmed %s scams reported from %s in the last %d"
        + " days (%.2f a day) against %d in the %d days before (%.2f a day)", c.recent(),
        c.scamType().wire(), c.region(), RECENT_DAYS, recentPerDay, c.baseline(), BASELINE_DAYS,
        baselinePerDay);
  }
}
