package io.holdfast.server.campaigns;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignMessages;
import io.holdfast.core.prevention.campaign.CampaignTerms;
import io.holdfast.core.prevention.campaign.Schedule;
import io.holdfast.core.prevention.campaign.Segment;
import io.holdfast.core.prevention.campaign.SurgeDetector;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.support.MessageTemplates;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the surge detector over confirmed scam reports (a SCAM verdict or a CONFIRMED label, and
 * never a REJECTED one), by the reporter's country and the report's scam type, and proposes a
 * campaign for each surge: the default warning for that scam type, to that country, once,
 * within 14 days of the proposal, to be approved or dismissed by an analyst. No proposal is made
 * while a campaign for the same country and scam type is open, or within 14 days of one being
 * dismissed. A day's run is recorded, and its proposal ids come from the day, so it proposes
 * nothing twice.
 */
public final class SurgeProposals {
  static final String ACTOR = "system:surge";
  static final Duration WINDOW = Duration.ofDays(14);
  static final Duration DISMISSED_QUIET = Duration.ofDays(14);
  static final int HOLDOUT_BP = 1_000;
  static final int GROUPS_MAX = 10_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SurgeDetector detector;
  private final CampaignRows rows;
  private final MessageTemplates templates;
  private final AuditLog audit;

  public SurgeProposals(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
      SurgeDetector detector) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.detector = detector;
    this.rows = new CampaignRows(jdbc);
    this.templates = new MessageTemplates(jdbc);
    this.audit = new AuditLog(jdbc, clock);
  }

  /** Whether the day's detector run is recorded. */
  public boolean ran(LocalDate day) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM surge_runs WHERE run_date = ?",
        Long.class, Date.valueOf(day)) > 0;
  }

  /** Detects surges as of now and proposes campaigns; returns the ids of new proposals. */
  public List<String> run() {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    LocalDate day = Segment.day(now);
    List<SurgeDetector.Surge> surges = detector.detect(counts(now));
    return tx.execute(status -> {
      List<String> proposed = new ArrayList<>();
      for (SurgeDetector.Surge s : surges) {
        if (!quiet(s, now)) {
          propose(s, day, now).ifPresent(proposed::add);
        }
      }
      jdbc.update("INSERT INTO surge_runs (run_date, proposals, finished_at) VALUES (?, ?, ?)"
          + " ON CONFLICT DO NOTHING", Date.valueOf(day), proposed.size(), Timestamp.from(now));
      return proposed;
    });
  }

  /** Confirmed reports per country and scam type: the last 7 days and the 28 before. */
  List<SurgeDetector.Counts> counts(Instant now) {
    Instant recentFrom = now.minus(Duration.ofDays(SurgeDetector.RECENT_DAYS));
    Instant baselineFrom = recentFrom.minus(Duration.ofDays(SurgeDetector.BASELINE_DAYS));
    return jdbc.query("SELECT a.country, COALESCE(r.scam_type, 'GENERAL'),"
        + " SUM(CASE WHEN r.created_at >= ? THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN r.created_at < ? THEN 1 ELSE 0 END)"
        + " FROM reports r JOIN accounts a ON a.account_id = r.reporter_account"
        + " WHERE r.created_at >= ? AND r.created_at < ? AND a.country IS NOT NULL"
        + " AND (r.verdict = 'SCAM' OR r.label = 'CONFIRMED')"
        + " AND (r.label IS NULL OR r.label <> 'REJECTED')"
        + " GROUP BY a.country, COALESCE(r.scam_type, 'GENERAL')"
        + " ORDER BY a.country, COALESCE(r.scam_type, 'GENERAL') LIMIT " + GROUPS_MAX,
        (rs, n) -> new SurgeDetector.Counts(rs.getString(1), scamType(rs.getString(2)),
            rs.getLong(3), rs.getLong(4)), Timestamp.from(recentFrom), Timestamp.from(recentFrom),
        Timestamp.from(baselineFrom), Timestamp.from(now));
  }

  private static ScamType scamType(String text) {
    for (ScamType t : ScamType.values()) {
      if (t.name().equalsIgnoreCase(text)) {
        return t;
      }
    }
    return ScamType.GENERAL;
  }

  static String surgeKey(String region, ScamType type) {
    return region + ":" + type.name();
  }

  /** An open campaign for the surge, or one dismissed lately: propose nothing. */
  private boolean quiet(SurgeDetector.Surge s, Instant now) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM campaigns WHERE surge_key = ? AND (state IN"
        + " ('DRAFT', 'PROPOSED', 'ACTIVE', 'PAUSED') OR (state = 'CANCELLED' AND ended_at > ?))",
        Long.class, surgeKey(s.region(), s.scamType()),
        Timestamp.from(now.minus(DISMISSED_QUIET))) > 0;
  }

  private java.util.Optional<String> propose(SurgeDetector.Surge s, LocalDate day, Instant now) {
    String id = ("surge_" + day + "_" + s.region() + "_" + s.scamType().name())
        .toLowerCase(Locale.ROOT).replace('-', '_');
    MessageTemplates.Template t = templates.require("CAMPAIGN", s.scamType().name(), "en");
    CampaignMessages messages = new CampaignMessages(s.scamType(), List.of(
        new CampaignMessages.Message(s.scamType(), "en", t.title(),
            t.body().replace("{region}", s.region()))));
    Segment segment = new Segment(Set.of(s.region()), null, null, null, null, null, null, null);
    CampaignTerms terms = new CampaignTerms(id, "Surge: " + s.scamType().wire() + " scams in "
        + s.region(), "IN_APP", segment, messages, new Schedule(now, now.plus(WINDOW),
        Schedule.Cadence.ONCE), 1, HOLDOUT_BP, ACTOR, now, s.reason());
    if (!rows.insert(new Campaign.Proposed(terms, 1), surgeKey(s.region(), s.scamType()))) {
      return java.util.Optional.empty();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", "PROPOSED");
    after.put("recent", s.recent());
    after.put("baseline", s.baseline());
    audit.record(ACTOR, "campaign.proposed", "campaign", id, null, after.toString(), s.reason());
    return java.util.Optional.of(id);
  }
}
