package io.holdfast.server.campaigns;

import io.holdfast.core.prevention.campaign.Campaign;
import io.holdfast.core.prevention.campaign.CampaignTerms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A campaign as the API shows it. */
final class CampaignViews {
  private CampaignViews() {}

  static Map<String, Object> view(Campaign c) {
    CampaignTerms t = c.terms();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("campaign_id", t.campaignId());
    m.put("name", t.name());
    m.put("state", CampaignRows.state(c).toLowerCase(Locale.ROOT));
    m.put("scam_type", t.messages().scamType().wire());
    m.put("channel", t.channel().toLowerCase(Locale.ROOT));
    m.put("segment", SegmentCodec.view(t.segment()));
    m.put("messages", t.messages().messages().stream().map(msg -> Map.of("scam_type",
        msg.scamType().wire(), "language", msg.language(), "title", msg.title(), "body",
        msg.body())).toList());
    m.put("schedule", Map.of("starts_at", t.schedule().startsAt().toString(), "ends_at",
        t.schedule().endsAt().toString(), "cadence",
        t.schedule().cadence().name().toLowerCase(Locale.ROOT)));
    m.put("cap_per_user", t.capPerUser());
    m.put("holdout_percent", t.holdoutBasisPoints() / 100.0);
    m.put("reason", t.reason());
    m.put("created_by", t.createdBy());
    m.put("created_at", t.createdAt().toString());
    Campaign.Activation activation = activation(c);
    m.put("activated_by", activation == null ? null : activation.by());
    m.put("activated_at", text(activation == null ? null : activation.at()));
    if (c instanceof Campaign.Paused p) {
      m.put("paused_by", p.pausedBy());
      m.put("paused_at", text(p.pausedAt()));
    }
    if (c instanceof Campaign.Ended e) {
      m.put("ended_by", e.endedBy());
      m.put("ended_at", text(e.endedAt()));
    }
    if (c instanceof Campaign.Cancelled x) {
      m.put("dismissed_by", x.cancelledBy());
      m.put("dismissed_at", text(x.cancelledAt()));
      m.put("note", x.note());
    }
    m.put("version", c.version());
    return m;
  }

  private static Campaign.Activation activation(Campaign c) {
    if (c instanceof Campaign.Active a) {
      return a.activation();
    }
    if (c instanceof Campaign.Paused p) {
      return p.activation();
    }
    return c instanceof Campaign.Ended e ? e.activation() : null;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  static List<Map<String, Object>> views(List<Campaign> campaigns) {
    return campaigns.stream().map(CampaignViews::view).toList();
  }
}
