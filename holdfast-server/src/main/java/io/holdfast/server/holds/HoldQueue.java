package io.holdfast.server.holds;

import io.holdfast.core.support.Invariants;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The open holds, soonest deadline first, filtered by state and tier, paged by a cursor (the
 * last page's deadline and hold id), which walks an index in the queue's order instead of
 * counting rows to skip: the deadline index {@code holds_due} unfiltered (only open holds have
 * a deadline), and one partial index over open holds per filter (V54), so a filter few holds
 * match reads about a page too.
 */
@Repository
public class HoldQueue {
  public static final int PAGE_MAX = 200;
  static final Set<String> STATES = Set.of("held", "under_investigation");
  static final Set<String> TIERS = Set.of("ELEVATED", "HIGH", "SEVERE");
  private static final String COLUMNS = "hold_id, transfer_id, sender_account, recipient_key,"
      + " state, tier, amount_minor, currency, scam_type, reason_codes, created_at, release_at,"
      + " finding";

  /** How old the counts may grow before the next page asks for fresh ones. */
  static final Duration COUNTS_REFRESH = Duration.ofSeconds(2);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  /**
   * The queue's counts by state and tier, the one part of a page that reads every open hold
   * (25 ms for 100,000 of them, and growing with the queue, measured by
   * {@code ./holdfast bench console}). A page takes the last counts and, once they are older
   * than {@link #COUNTS_REFRESH}, has them counted again in the background, so no page waits
   * for a count but the first; the page says when they were counted.
   */
  private final LoadingCache<String, Counted> counts;

  public HoldQueue(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.counts = Caffeine.newBuilder().maximumSize(1).refreshAfterWrite(COUNTS_REFRESH)
        .expireAfterWrite(Duration.ofMinutes(1)).build(key -> count());
  }

  /** The counts and when they were taken. */
  private record Counted(List<HoldQueuePage.Count> counts, long total, Instant at) {}

  /** A filter the queue understands: empty state or tier means any. */
  public record Filter(Optional<String> state, Optional<String> tier) {
    public Filter {
      Invariants.check(state.map(STATES::contains).orElse(true), "a state the queue knows");
      Invariants.check(tier.map(TIERS::contains).orElse(true), "a tier the queue knows");
    }
  }

  /** The page after {@code cursor} (null from the start) of at most {@code limit} holds. */
  public HoldQueuePage page(Filter filter, String cursor, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page size %s out of bounds", limit);
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("release_at IS NOT NULL");
    filter.state().ifPresent(s -> {
      where.append(" AND state = ?");
      args.add(s.toUpperCase(Locale.ROOT));
    });
    filter.tier().ifPresent(t -> {
      where.append(" AND tier = ?");
      args.add(t);
    });
    Cursor after = Cursor.parse(cursor);
    if (after != null) {
      where.append(" AND (release_at, hold_id) > (?, ?)");
      args.add(Timestamp.from(after.releaseAt()));
      args.add(after.holdId());
    }
    args.add(limit + 1);
    List<HoldQueueItem> rows = jdbc.query("SELECT " + COLUMNS + " FROM holds WHERE " + where
        + " ORDER BY release_at, hold_id LIMIT ?", (rs, n) -> item(rs), args.toArray());
    boolean more = rows.size() > limit;
    List<HoldQueueItem> page = more ? rows.subList(0, limit) : rows;
    String next = more ? new Cursor(page.get(limit - 1).releaseAt(),
        page.get(limit - 1).holdId()).text() : null;
    Counted counted = counts.get("open");
    return new HoldQueuePage(List.copyOf(page), counted.counts(), counted.total(), next,
        counted.at());
  }

  /** The oldest-deadline open hold that matches, for "next item". */
  public Optional<HoldQueueItem> next(Filter filter) {
    return page(filter, null, 1).holds().stream().findFirst();
  }

  private Counted count() {
    Instant at = clock.instant();
    List<HoldQueuePage.Count> counted = jdbc.query("SELECT state, tier, COUNT(*) FROM holds"
            + " WHERE release_at IS NOT NULL"
            + " GROUP BY state, tier ORDER BY state, tier",
        (rs, n) -> new HoldQueuePage.Count(rs.getString(1).toLowerCase(Locale.ROOT),
            rs.getString(2), rs.getLong(3)));
    return new Counted(List.copyOf(counted),
        counted.stream().mapToLong(HoldQueuePage.Count::holds).sum(), at);
  }

  private static HoldQueueItem item(ResultSet rs) throws SQLException {
    return new HoldQueueItem(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5).toLowerCase(Locale.ROOT), rs.getString(6),
        rs.getLong(7), rs.getString(8), rs.getString(9).toLowerCase(Locale.ROOT),
        Arrays.stream(rs.getString(10).split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getString(13));
  }

  /**
   * Where a page ended: its last hold's deadline (to the microsecond, as stored) and id, as
   * {@code <ISO instant>~<hold id>}.
   */
  record Cursor(Instant releaseAt, String holdId) {
    String text() {
      return releaseAt + "~" + holdId;
    }

    static Cursor parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      int sep = text.indexOf('~');
      if (sep <= 0 || text.length() > 120) {
        throw new IllegalArgumentException("not a queue cursor");
      }
      try {
        return new Cursor(Instant.parse(text.substring(0, sep)), text.substring(sep + 1));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a queue cursor", e);
      }
    }
  }
}
