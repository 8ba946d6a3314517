package io.holdfast.server.holds;

import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.MinorSums;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The safety net's numbers for the impact report, measured from the holds table: how much was
 * held, returned to senders (blocked) and released, holds by resolution, and how long money was
 * held (median and p95). Released holds are the transfers the net delayed without finding a
 * scam; their count and total delay are the cost to legitimate users. Amounts are summed
 * saturating ({@link MinorSums}): a report describes, and a total pinned at the largest long
 * says "more than can be counted" where a wrapped one turned negative.
 */
@Repository
public class HoldStats {
  private static final int DURATIONS_MAX = 2_000_000;

  private final JdbcTemplate jdbc;
  private final CurrencyCatalog currencies;

  public HoldStats(JdbcTemplate jdbc, CurrencyCatalog currencies) {
    this.jdbc = jdbc;
    this.currencies = currencies;
  }

  public Map<String, Object> since(Instant from) {
    Map<String, long[]> byResolution = new TreeMap<>();
    long[] heldSeconds = new long[DURATIONS_MAX];
    int[] n = {0};
    long[] totals = new long[4];
    jdbc.query("SELECT state, resolution, amount_minor, currency, created_at, resolved_at"
            + " FROM holds WHERE created_at >= ?", rs -> {
          String state = rs.getString(1);
          String resolution = rs.getString(2);
          long amountMinor = rs.getLong(3);
          long usd = currencies.find(rs.getString(4)).map(c -> c.toUsdCents(amountMinor))
              .orElse(0L);
          String key = resolution == null ? state.toLowerCase() : resolution.toLowerCase();
          long[] row = byResolution.computeIfAbsent(key, k -> new long[2]);
          row[0]++;
          row[1] = MinorSums.saturatingAdd(row[1], usd);
          totals[0] = MinorSums.saturatingAdd(totals[0], usd);
          Timestamp resolved = rs.getTimestamp(6);
          if (resolved != null && n[0] < DURATIONS_MAX) {
            long seconds = (resolved.getTime() - rs.getTimestamp(5).getTime()) / 1000;
            heldSeconds[n[0]++] = seconds;
            boolean released = state.equals("RELEASED");
            int total = released ? 1 : 2;
            totals[total] = MinorSums.saturatingAdd(totals[total], usd);
            if (released) {
              totals[3] += seconds;
            }
          }
        }, Timestamp.from(from));
    return report(byResolution, Arrays.copyOf(heldSeconds, n[0]), totals);
  }

  private static Map<String, Object> report(Map<String, long[]> byResolution, long[] seconds,
      long[] totals) {
    Arrays.sort(seconds);
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> resolutions = new LinkedHashMap<>();
    long holds = 0;
    long released = 0;
    for (var e : byResolution.entrySet()) {
      resolutions.put(e.getKey(), Map.of("holds", e.getValue()[0],
          "amount_usd_minor", e.getValue()[1]));
      holds += e.getValue()[0];
      if (e.getKey().startsWith("released")) {
        released += e.getValue()[0];
      }
    }
    out.put("holds", holds);
    out.put("amount_held_usd_minor", totals[0]);
    out.put("amount_released_usd_minor", totals[1]);
    out.put("amount_returned_usd_minor", totals[2]);
    out.put("by_resolution", resolutions);
    out.put("median_seconds_held", percentile(seconds, 0.50));
    out.put("p95_seconds_held", percentile(seconds, 0.95));
    out.put("released_transfers_delayed", released);
    out.put("released_total_delay_seconds", totals[3]);
    return out;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
