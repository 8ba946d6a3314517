package io.holdfast.server.campaigns;

import io.holdfast.core.account.AgeBand;
import io.holdfast.core.prevention.campaign.Segment;
import io.holdfast.core.support.Invariants;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Selects a segment's members in SQL, exactly as {@link Segment#matches} defines them, as of an
 * instant: over accounts, transfers (first payments to an address), account events (deposits),
 * holds (open ones) and the latest daily assessment. Pages in account id order, for the
 * resumable delivery job.
 */
final class SegmentSql {
  static final int PAGE_MAX = 10_000;

  /** A member, with what its message depends on; {@code resembles} null without an assessment. */
  record Member(String accountId, String country, String resembles) {}

  private final NamedParameterJdbcTemplate named;

  SegmentSql(JdbcTemplate jdbc) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** Members after {@code afterAccount}, in id order, at most {@code limit}. */
  List<Member> page(Segment s, Instant asOf, String afterAccount, int limit) {
    Invariants.check(limit >= 1 && limit <= PAGE_MAX, "page out of bounds");
    MapSqlParameterSource p = params(asOf).addValue("after", afterAccount)
        .addValue("limit", limit);
    String sql = "SELECT a.account_id, a.country, (SELECT x.resembles FROM assessments x"
        + " WHERE x.account_id = a.account_id AND x.run_date <= :day AND x.run_date > :dayFrom"
        + " ORDER BY x.run_date DESC LIMIT 1) FROM accounts a WHERE " + where(s, p)
        + " AND a.account_id > :after ORDER BY a.account_id LIMIT :limit";
    return named.query(sql, p, (rs, n) -> new Member(rs.getString(1), rs.getString(2),
        rs.getString(3)));
  }

  long count(Segment s, Instant asOf) {
    MapSqlParameterSource p = params(asOf);
    Long n = named.queryForObject("SELECT COUNT(*) FROM accounts a WHERE " + where(s, p), p,
        Long.class);
    return n == null ? 0 : n;
  }

  private static MapSqlParameterSource params(Instant asOf) {
    LocalDate day = Segment.day(asOf);
    return new MapSqlParameterSource("asOf", Timestamp.from(asOf))
        .addValue("day", Date.valueOf(day))
        .addValue("dayFrom", Date.valueOf(day.minusDays(Segment.EXPOSURE_LOOKBACK_DAYS)));
  }

  private static String where(Segment s, MapSqlParameterSource p) {
    Instant asOf = ((Timestamp) p.getValue("asOf")).toInstant();
    List<String> and = new ArrayList<>();
    and.add("a.status = 'ACTIVE'");
    if (!s.countries().isEmpty()) {
      and.add("a.country IN (:countries)");
      p.addValue("countries", List.copyOf(s.countries()));
    }
    if (!s.ageBands().isEmpty()) {
      and.add(ageBands(s, Segment.day(asOf), p));
    }
    if (s.vulnerable() != null) {
      and.add(s.vulnerable() ? "a.vulnerability_flags <> ''" : "a.vulnerability_flags = ''");
    }
    if (s.paidNewAddressWithinDays() != null) {
      p.addValue("paidSince", Timestamp.from(Segment.since(asOf, s.paidNewAddressWithinDays())));
      and.add("EXISTS (SELECT 1 FROM transfers t WHERE t.sender_account = a.account_id"
          + " AND t.recipient_address IS NOT NULL AND t.created_at >= :paidSince"
          + " AND t.created_at < :asOf AND NOT EXISTS (SELECT 1 FROM transfers e"
          + " WHERE e.sender_account = a.account_id AND e.recipient_address = t.recipient_address"
          + " AND e.created_at < t.created_at))");
    }
    if (s.depositWithinDays() != null) {
      p.addValue("depositSince", Timestamp.from(Segment.since(asOf, s.depositWithinDays())));
      and.add("EXISTS (SELECT 1 FROM account_events d WHERE d.account_id = a.account_id"
          + " AND d.event_type = 'DEPOSIT' AND d.occurred_at >= :depositSince"
          + " AND d.occurred_at < :asOf)");
    }
    if (s.openHold() != null) {
      and.add((s.openHold() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM holds h"
          + " WHERE h.sender_account = a.account_id AND h.state IN ('HELD',"
          + " 'UNDER_INVESTIGATION'))");
    }
    if (s.needsExposure()) {
      String score = "COALESCE((SELECT x.score_milli FROM assessments x WHERE x.account_id ="
          + " a.account_id AND x.run_date <= :day AND x.run_date > :dayFrom"
          + " ORDER BY x.run_date DESC LIMIT 1), 0)";
      if (s.exposureMinMilli() != null) {
        and.add(score + " >= :exposureMin");
        p.addValue("exposureMin", s.exposureMinMilli());
      }
      if (s.exposureMaxMilli() != null) {
        and.add(score + " <= :exposureMax");
        p.addValue("exposureMax", s.exposureMaxMilli());
      }
    }
    return String.join(" AND ", and);
  }

  /** By date of birth when known (the band on the day), else by the stated band. */
  private static String ageBands(Segment s, LocalDate day, MapSqlParameterSource p) {
    List<String> or = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (AgeBand band : s.ageBands()) {
      LocalDate[] range = Segment.birthRange(band, day);
      String name = "band" + band.ordinal();
      p.addValue(name + "Hi", Date.valueOf(range[1]));
      String clause = "a.date_of_birth <= :" + name + "Hi";
      if (range[0] != null) {
        p.addValue(name + "Lo", Date.valueOf(range[0]));
        clause += " AND a.date_of_birth > :" + name + "Lo";
      }
      or.add("(" + clause + ")");
      labels.add(band.label());
    }
    p.addValue("bandLabels", labels);
    return "((a.date_of_birth IS NOT NULL AND (" + String.join(" OR ", or) + "))"
        + " OR (a.date_of_birth IS NULL AND a.age_band IN (:bandLabels)))";
  }
}
