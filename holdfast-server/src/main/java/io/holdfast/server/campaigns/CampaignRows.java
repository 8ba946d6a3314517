package io.holdfast.server.campaigns;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignMessages;
import io.holdfast.core.prevention.campaign.CampaignTerms;
import io.holdfast.core.prevention.campaign.Schedule;
import io.holdfast.core.support.Invariants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaigns table and its messages, as the core's {@link Campaign} states. */
final class CampaignRows {
  static final int LIST_MAX = 500;
  private static final String COLUMNS = "campaign_id, name, state, scam_type, channel, segment,"
      + " starts_at, ends_at, cadence, cap_per_user, holdout_bp, reason, created_by, created_at,"
      + " activated_by, activated_at, paused_by, paused_at, ended_by, ended_at, note,"
      + " version";

  private final JdbcTemplate jdbc;

  CampaignRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new draft or proposal; false when the id exists (a proposal made already). */
  boolean insert(Campaign c, String surgeKey) {
    CampaignTerms t = c.terms();
    int inserted = jdbc.update("INSERT INTO campaigns (campaign_id, name, state, scam_type,"
        + " channel, segment, starts_at, ends_at, cadence, cap_per_user, holdout_bp, reason,"
        + " surge_key, created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", t.campaignId(), t.name(), state(c),
        t.messages().scamType().name(), t.channel(), SegmentCodec.toJson(t.segment()),
        ts(t.schedule().startsAt()), ts(t.schedule().endsAt()), t.schedule().cadence().name(),
        t.capPerUser(), t.holdoutBasisPoints(), t.reason(), surgeKey, t.createdBy(),
        ts(t.createdAt()), c.version());
    if (inserted == 0) {
      return false;
    }
    jdbc.batchUpdate("INSERT INTO campaign_messages (campaign_id, scam_type, language, title,"
        + " body) VALUES (?, ?, ?, ?, ?)", t.messages().messages(), t.messages().messages()
        .size(), (ps, m) -> {
          ps.setString(1, t.campaignId());
          ps.setString(2, m.scamType().name());
          ps.setString(3, m.language());
          ps.setString(4, m.title());
          ps.setString(5, m.body());
        });
    return true;
  }

  /** The campaign; with {@code lock}, its row is locked until the transaction ends. */
  Optional<Campaign> find(String campaignId, boolean lock) {
    List<Campaign> found = jdbc.query("SELECT " + COLUMNS + " FROM campaigns WHERE campaign_id"
        + " = ?" + (lock ? " FOR UPDATE" : ""), (rs, n) -> map(rs), campaignId);
    return found.stream().findFirst();
  }

  /** Campaigns in {@code state} (or all when null), newest first. */
  List<Campaign> list(String state, int limit) {
    Invariants.check(limit >= 1 && limit <= LIST_MAX, "list out of bounds");
    return state == null
        ? jdbc.query("SELECT " + COLUMNS + " FROM campaigns ORDER BY created_at DESC,"
            + " campaign_id LIMIT ?", (rs, n) -> map(rs), limit)
        : jdbc.query("SELECT " + COLUMNS + " FROM campaigns WHERE state = ? ORDER BY"
            + " created_at DESC, campaign_id LIMIT ?", (rs, n) -> map(rs), state, limit);
  }

  List<String> activeIds() {
    return jdbc.queryForList("SELECT campaign_id FROM campaigns WHERE state = 'ACTIVE'"
        + " ORDER BY campaign_id LIMIT " + LIST_MAX, String.class);
  }

  /** Writes {@code next} over {@code before}; the version check makes a lost update loud. */
  void update(Campaign before, Campaign next, String note) {
    String activatedBy = null;
    Instant activatedAt = null;
    String pausedBy = null;
    Instant pausedAt = null;
    String endedBy = null;
    Instant endedAt = null;
    if (next instanceof Campaign.Active a) {
      activatedBy = a.activation().by();
      activatedAt = a.activation().at();
    } else if (next instanceof Campaign.Paused p) {
      activatedBy = p.activation().by();
      activatedAt = p.activation().at();
      pausedBy = p.pausedBy();
      pausedAt = p.pausedAt();
    } else if (next instanceof Campaign.Ended e) {
      activatedBy = e.activation() == null ? null : e.activation().by();
      activatedAt = e.activation() == null ? null : e.activation().at();
      endedBy = e.endedBy();
      endedAt = e.endedAt();
    } else if (next instanceof Campaign.Cancelled c) {
      endedBy = c.cancelledBy();
      endedAt = c.cancelledAt();
    }
    int updated = jdbc.update("UPDATE campaigns SET state = ?, activated_by = ?, activated_at = ?,"
        + " paused_by = ?, paused_at = ?, ended_by = ?, ended_at = ?, note = ?, version = ?"
        + " WHERE campaign_id = ? AND version = ?", state(next), activatedBy, ts(activatedAt),
        pausedBy, ts(pausedAt), endedBy, ts(endedAt), note, next.version(), next.campaignId(),
        before.version());
    Invariants.check(updated == 1, "campaign %s changed under its lock", next.campaignId());
  }

  static String state(Campaign c) {
    if (c instanceof Campaign.Draft) {
      return "DRAFT";
    }
    if (c instanceof Campaign.Proposed) {
      return "PROPOSED";
    }
    if (c instanceof Campaign.Active) {
      return "ACTIVE";
    }
    if (c instanceof Campaign.Paused) {
      return "PAUSED";
    }
    return c instanceof Campaign.Ended ? "ENDED" : "CANCELLED";
  }

  private Campaign map(ResultSet rs) throws SQLException {
    String id = rs.getString("campaign_id");
    ScamType type = ScamType.valueOf(rs.getString("scam_type"));
    List<CampaignMessages.Message> messages = jdbc.query("SELECT scam_type, language, title,"
        + " body FROM campaign_messages WHERE campaign_id = ? ORDER BY scam_type, language",
        (m, n) -> new CampaignMessages.Message(ScamType.valueOf(m.getString(1)), m.getString(2),
            m.getString(3), m.getString(4)), id);
    CampaignTerms terms = new CampaignTerms(id, rs.getString("name"), rs.getString("channel"),
        SegmentCodec.fromJson(rs.getString("segment")), new CampaignMessages(type, messages),
        new Schedule(instant(rs, "starts_at"), instant(rs, "ends_at"),
            Schedule.Cadence.valueOf(rs.getString("cadence"))), rs.getInt("cap_per_user"),
        rs.getInt("holdout_bp"), rs.getString("created_by"), instant(rs, "created_at"),
        rs.getString("reason"));
    int v = rs.getInt("version");
    Campaign.Activation activation = rs.getString("activated_by") == null ? null
        : new Campaign.Activation(rs.getString("activated_by"), instant(rs, "activated_at"));
    return switch (rs.getString("state")) {
      case "DRAFT" -> new Campaign.Draft(terms, v);
      case "PROPOSED" -> new Campaign.Proposed(terms, v);
      case "ACTIVE" -> new Campaign.Active(terms, activation, v);
      case "PAUSED" -> new Campaign.Paused(terms, activation, rs.getString("paused_by"),
          instant(rs, "paused_at"), v);
      case "ENDED" -> new Campaign.Ended(terms, activation, rs.getString("ended_by"),
          instant(rs, "ended_at"), v);
      default -> new Campaign.Cancelled(terms, rs.getString("ended_by"),
          instant(rs, "ended_at"), rs.getString("note"), v);
    };
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
