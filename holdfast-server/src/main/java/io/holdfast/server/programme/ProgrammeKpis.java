package io.holdfast.server.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * The programme's key numbers per day over a window of UTC days, oldest first, every day of the
 * window present (zero where nothing happened), and the same numbers for the whole window in
 * {@code totals} (whose {@code day} is absent). The API answers it and the console charts it.
 *
 * @param from the first day of the window (UTC)
 * @param until the last day of the window (UTC), included
 * @param usdBasis how the US-dollar figures were converted, for whoever reads them
 */
public record ProgrammeKpis(LocalDate from, LocalDate until, String dayZone, String usdBasis,
    List<DayKpis> days, DayKpis totals) {

  /**
   * One day's numbers (or the window's, without a day).
   *
   * @param blocked payments a screening decision blocked, by the day they were decided
   * @param returned held payments whose money went back to the sender (cancelled, returned as a
   *     scam, by an analyst or at the deadline), by the day the hold ended
   * @param recovered refunds paid to victims from frozen funds, by the day they were paid
   * @param freezes freezes placed that day
   * @param freezesAfterReports those of them whose case had a report before the freeze: the
   *     ones the time to freeze is measured on
   * @param reportToFreezeMedianMillis median time from a case's first report to its freeze
   *     (absent when no freeze was timed)
   * @param reportToFreezeP95Millis the 95th percentile of the same
   * @param holdsPlaced holds placed that day
   * @param holdsReleased holds that ended with the money going on to the recipient: payments
   *     the safety net delayed without finding a scam, the cost to honest users
   * @param releasedHeldSeconds how long those released holds kept the money, in all
   * @param callsByOutcome agents' calls and chats recorded that day, by outcome
   */
  public record DayKpis(LocalDate day, Amounts blocked, Amounts returned, Amounts recovered,
      long freezes, long freezesAfterReports, Long reportToFreezeMedianMillis,
      Long reportToFreezeP95Millis, long holdsPlaced, long holdsReleased,
      long releasedHeldSeconds, List<OutcomeCount> callsByOutcome) {}

  /**
   * Money in its own currencies (minor units) and in US cents, with how many payments or
   * refunds it is. Totals saturate at the largest long: they describe, and never wrap.
   */
  public record Amounts(long count, List<CurrencyAmount> byCurrency, long usdMinor) {
    public static final Amounts NONE = new Amounts(0, List.of(), 0);
  }

  /** An amount in one currency, in its minor units. */
  public record CurrencyAmount(String currency, long amountMinor) {}

  /** How many calls ended with one outcome. */
  public record OutcomeCount(String outcome, long calls) {}
}
