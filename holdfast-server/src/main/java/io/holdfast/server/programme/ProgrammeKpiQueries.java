package io.holdfast.server.programme;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.MinorSums;
import io.holdfast.core.support.Invariants;
import io.holdfast.server.support.SqlSums;
import io.holdfast.server.programme.ProgrammeKpis.Amounts;
import io.holdfast.server.programme.ProgrammeKpis.CurrencyAmount;
import io.holdfast.server.programme.ProgrammeKpis.DayKpis;
import io.holdfast.server.programme.ProgrammeKpis.OutcomeCount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts the programme's numbers per UTC day in the database: every query is bounded by the
 * window on an indexed time column (V54) and grouped by day there, so a year of a busy
 * platform returns a few hundred rows, not its millions of payments. Amounts are summed per
 * currency, saturating (they describe); US-dollar figures use the rate each payment was
 * screened at, and the configured indicative rate for refunds ({@link #USD_BASIS}).
 */
@Repository
public class ProgrammeKpiQueries {
  public static final int DAYS_MAX = 366;
  static final String USD_BASIS = "Blocked and returned payments are converted at the rate"
      + " recorded when each was screened; refunds at the deployment's configured indicative"
      + " rate. Neither is a market price.";
  private static final String DAY = "CAST(%s AT TIME ZONE 'UTC' AS DATE)";

  private final JdbcTemplate jdbc;
  private final CurrencyCatalog currencies;

  public ProgrammeKpiQueries(JdbcTemplate jdbc, CurrencyCatalog currencies) {
    this.jdbc = jdbc;
    this.currencies = currencies;
  }

  /** The numbers of every day from {@code from} to {@code until}, both included. */
  public ProgrammeKpis window(LocalDate from, LocalDate until) {
    long span = ChronoUnit.DAYS.between(from, until) + 1;
    Invariants.check(span >= 1 && span <= DAYS_MAX, "a window of 1 to %s days, not %s",
        DAYS_MAX, span);
    Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp end = Timestamp.from(until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Map<LocalDate, Day> days = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
      days.put(d, new Day());
    }
    Day totals = new Day();
    blocked(days, totals, start, end);
    ended(days, totals, start, end);
    placed(days, totals, start, end);
    refunds(days, totals, start, end);
    freezes(days, totals, start, end);
    calls(days, totals, start, end);
    List<DayKpis> out = new ArrayList<>(days.size());
    days.forEach((day, d) -> out.add(d.kpis(day)));
    Invariants.check(out.size() == span, "one entry per day of the window");
    return new ProgrammeKpis(from, until, "UTC", USD_BASIS, List.copyOf(out),
        totals.kpis(null));
  }

  private void blocked(Map<LocalDate, Day> days, Day totals, Timestamp start, Timestamp end) {
    jdbc.query("SELECT " + day("d.decided_at") + ", t.currency, COUNT(*), SUM(t.amount_minor),"
        + " SUM(t.amount_usd_minor) FROM decisions d JOIN transfers t"
        + " ON t.transfer_id = d.transfer_id WHERE d.outcome = 'BLOCK' AND d.decided_at >= ?"
        + " AND d.decided_at < ? GROUP BY 1, 2", rs -> {
          long usd = SqlSums.saturated(rs, 5);
          for (Day d : both(days, totals, rs)) {
            d.blocked.add(rs.getString(2), rs.getLong(3), SqlSums.saturated(rs, 4), usd);
          }
        }, start, end);
  }

  /** Holds that ended in the window: returned money, and released money with its delay. */
  private void ended(Map<LocalDate, Day> days, Day totals, Timestamp start, Timestamp end) {
    jdbc.query("SELECT " + day("h.resolved_at") + ", h.state, h.currency, COUNT(*),"
        + " SUM(h.amount_minor), SUM(t.amount_usd_minor),"
        + " SUM(EXTRACT(EPOCH FROM (h.resolved_at - h.created_at))) FROM holds h"
        + " JOIN transfers t ON t.transfer_id = h.transfer_id WHERE h.resolved_at >= ?"
        + " AND h.resolved_at < ? GROUP BY 1, 2, 3", rs -> {
          boolean released = rs.getString(2).equals("RELEASED");
          long seconds = seconds(rs.getBigDecimal(7));
          for (Day d : both(days, totals, rs)) {
            if (released) {
              d.holdsReleased += rs.getLong(4);
              d.releasedSeconds = MinorSums.saturatingAdd(d.releasedSeconds, seconds);
            } else {
              d.returned.add(rs.getString(3), rs.getLong(4), SqlSums.saturated(rs, 5),
                  SqlSums.saturated(rs, 6));
            }
          }
        }, start, end);
  }

  private void placed(Map<LocalDate, Day> days, Day totals, Timestamp start, Timestamp end) {
    jdbc.query("SELECT " + day("created_at") + ", COUNT(*) FROM holds WHERE created_at >= ?"
        + " AND created_at < ? GROUP BY 1", rs -> {
          for (Day d : both(days, totals, rs)) {
            d.holdsPlaced += rs.getLong(2);
          }
        }, start, end);
  }

  private void refunds(Map<LocalDate, Day> days, Day totals, Timestamp start, Timestamp end) {
    jdbc.query("SELECT " + day("created_at") + ", currency, COUNT(*), SUM(amount_minor)"
        + " FROM refunds WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2", rs -> {
          String currency = rs.getString(2);
          long amount = SqlSums.saturated(rs, 4);
          long usd = currencies.find(currency).map(c -> c.toUsdCents(amount)).orElse(0L);
          for (Day d : both(days, totals, rs)) {
            d.recovered.add(currency, rs.getLong(3), amount, usd);
          }
        }, start, end);
  }

  /**
   * Freezes placed in the window and, for each whose case was reported before it, the time
   * from the case's first report: how long a reported scammer could still move money. The
   * percentiles are the database's ({@code percentile_disc}: a time that was observed), per
   * day and, in the ROLLUP row without a day, over the window.
   */
  private void freezes(Map<LocalDate, Day> days, Day totals, Timestamp start, Timestamp end) {
    jdbc.query("SELECT day, COUNT(*), COUNT(ms), percentile_disc(0.5) WITHIN GROUP (ORDER BY"
        + " ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) FROM (SELECT "
        + day("f.created_at") + " AS day, (SELECT EXTRACT(EPOCH FROM (f.created_at"
        + " - MIN(r.created_at))) * 1000 FROM reports r WHERE r.case_id = f.case_id"
        + " AND r.created_at <= f.created_at) AS ms FROM freezes f WHERE f.created_at >= ?"
        + " AND f.created_at < ?) timed GROUP BY ROLLUP (day)", rs -> {
          LocalDate day = rs.getObject(1, LocalDate.class);
          Day d = day == null ? totals : days.get(day);
          if (d != null) {
            d.freezes = rs.getLong(2);
            d.freezesTimed = rs.getLong(3);
            d.medianMillis = millis(rs.getBigDecimal(4));
            d.p95Millis = millis(rs.getBigDecimal(5));
          }
        }, start, end);
  }

  private void calls(Map<LocalDate, Day> days, Day totals, Timestamp start, Timestamp end) {
    jdbc.query("SELECT " + day("done_at") + ", outcome, COUNT(*) FROM call_tasks"
        + " WHERE done_at >= ? AND done_at < ? AND outcome IS NOT NULL GROUP BY 1, 2", rs -> {
          for (Day d : both(days, totals, rs)) {
            d.calls.merge(rs.getString(2), rs.getLong(3), Long::sum);
          }
        }, start, end);
  }

  private static String day(String column) {
    return String.format(DAY, column);
  }

  /** The row's day and the window's totals: every grouped row counts in both. */
  private static List<Day> both(Map<LocalDate, Day> days, Day totals, ResultSet rs)
      throws SQLException {
    Day d = days.get(rs.getObject(1, LocalDate.class));
    Invariants.check(d != null, "a row outside the window: %s", rs.getObject(1));
    return List.of(d, totals);
  }

  private static long seconds(BigDecimal seconds) {
    return seconds == null ? 0 : MinorSums.saturated(seconds.setScale(0,
        java.math.RoundingMode.DOWN));
  }

  private static Long millis(BigDecimal millis) {
    return millis == null ? null : MinorSums.saturated(millis.setScale(0,
        java.math.RoundingMode.HALF_UP));
  }

  /** Money in several currencies, being added up. */
  private static final class Money {
    long count;
    final Map<String, Long> byCurrency = new TreeMap<>();
    long usd;

    void add(String currency, long n, long amountMinor, long usdMinor) {
      count += n;
      byCurrency.merge(currency, amountMinor, MinorSums::saturatingAdd);
      usd = MinorSums.saturatingAdd(usd, usdMinor);
    }

    Amounts amounts() {
      if (count == 0) {
        return Amounts.NONE;
      }
      List<CurrencyAmount> list = new ArrayList<>();
      byCurrency.forEach((c, a) -> list.add(new CurrencyAmount(c, a)));
      return new Amounts(count, List.copyOf(list), usd);
    }
  }

  /** One day's numbers (or the window's), being added up. */
  private static final class Day {
    final Money blocked = new Money();
    final Money returned = new Money();
    final Money recovered = new Money();
    long freezes;
    long freezesTimed;
    Long medianMillis;
    Long p95Millis;
    long holdsPlaced;
    long holdsReleased;
    long releasedSeconds;
    final Map<String, Long> calls = new TreeMap<>();

    DayKpis kpis(LocalDate day) {
      List<OutcomeCount> outcomes = new ArrayList<>();
      calls.forEach((o, n) -> outcomes.add(new OutcomeCount(o, n)));
      return new DayKpis(day, blocked.amounts(), returned.amounts(), recovered.amounts(),
          freezes, freezesTimed, medianMillis, p95Millis, holdsPlaced, holdsReleased,
          releasedSeconds, List.copyOf(outcomes));
    }
  }
}
