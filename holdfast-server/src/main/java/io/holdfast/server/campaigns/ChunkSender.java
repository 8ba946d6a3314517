package io.holdfast.server.campaigns;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignMessages;
import io.holdfast.core.prevention.campaign.DeliveryPolicy;
import io.holdfast.core.prevention.campaign.Languages;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.prevention.AlertOptOuts;
import io.holdfast.server.prevention.Channel;
import io.holdfast.server.prevention.PreventionMessages;
import io.holdfast.server.prevention.PreventionMessages.NewMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides and writes one chunk of a round, in the chunk's transaction: opt-outs, the campaign's
 * cap, the weekly alert cap shared with risk assessments, then holdout or message.
 */
final class ChunkSender {
  /** Campaign messages are fixed when the campaign is created; they have one version. */
  static final int MESSAGE_VERSION = 1;

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final DeliveryPolicy policy;
  private final PreventionMessages messages;
  private final AlertOptOuts optOuts;

  ChunkSender(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, DeliveryPolicy policy,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.policy = policy;
    this.messages = new PreventionMessages(jdbc);
    this.optOuts = new AlertOptOuts(jdbc, tx, audit, clock);
  }

  static String messageId(String campaignId, String accountId, int round) {
    return "campaign:" + campaignId + ":" + accountId + ":" + round;
  }

  CampaignRounds.ChunkCounts send(Campaign.Active c, int round, List<SegmentSql.Member> members,
      Instant now) {
    List<String> ids = members.stream().map(SegmentSql.Member::accountId).toList();
    Set<String> optedOut = optOuts.optedOut(ids, Channel.valueOf(c.terms().channel()));
    Map<String, Integer> delivered = counts("source = 'CAMPAIGN' AND source_ref = :campaign",
        ids, c.campaignId(), now);
    Map<String, Integer> recent = counts("created_at > :since AND created_at <= :now", ids,
        c.campaignId(), now);
    List<NewMessage> out = new ArrayList<>();
    List<String> heldOut = new ArrayList<>();
    int opted = 0;
    int capped = 0;
    for (SegmentSql.Member m : members) {
      DeliveryPolicy.Outcome o = policy.decide(c.campaignId(), m.accountId(),
          c.terms().capPerUser(), c.terms().holdoutBasisPoints(),
          optedOut.contains(m.accountId()), delivered.getOrDefault(m.accountId(), 0),
          recent.getOrDefault(m.accountId(), 0));
      switch (o) {
        case SEND -> out.add(message(c, round, m, now));
        case HOLDOUT -> heldOut.add(m.accountId());
        case OPTED_OUT -> opted++;
        default -> capped++;
      }
    }
    int sent = messages.insert(out);
    recordHoldouts(c.campaignId(), round, heldOut, now);
    return new CampaignRounds.ChunkCounts(members.size(), sent, heldOut.size(), opted, capped);
  }

  private NewMessage message(Campaign.Active c, int round, SegmentSql.Member m, Instant now) {
    ScamType resembles = m.resembles() == null ? null : ScamType.valueOf(m.resembles());
    CampaignMessages.Message msg = c.terms().messages().pick(resembles,
        Languages.of(m.country()));
    return new NewMessage(messageId(c.campaignId(), m.accountId(), round), m.accountId(),
        "CAMPAIGN", c.campaignId(), msg.scamType().name(), c.terms().channel(), msg.language(),
        MESSAGE_VERSION, msg.title(), msg.body(), now);
  }

  /** Per account, how many prevention messages match {@code condition}. */
  private Map<String, Integer> counts(String condition, List<String> ids, String campaignId,
      Instant now) {
    Map<String, Integer> out = new HashMap<>();
    MapSqlParameterSource p = new MapSqlParameterSource("ids", ids)
        .addValue("campaign", campaignId)
        .addValue("since", Timestamp.from(now.minus(policy.capWindow())))
        .addValue("now", Timestamp.from(now));
    named.query("SELECT account_id, COUNT(*) FROM prevention_messages WHERE account_id IN (:ids)"
        + " AND " + condition + " GROUP BY account_id", p, rs -> {
          out.put(rs.getString(1), rs.getInt(2));
        });
    return out;
  }

  private void recordHoldouts(String campaignId, int round, List<String> accounts, Instant now) {
    if (accounts.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO campaign_holdouts (campaign_id, account_id, round_no,"
        + " held_out_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", accounts, accounts.size(),
        (ps, a) -> {
          ps.setString(1, campaignId);
          ps.setString(2, a);
          ps.setInt(3, round);
          ps.setTimestamp(4, Timestamp.from(now));
        });
  }
}
