package io.holdfast.server.campaigns;

import io.holdfast.core.account.AgeBand;
import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.campaign.CampaignMessages;
import io.holdfast.core.prevention.campaign.CampaignTerms;
import io.holdfast.core.prevention.campaign.InvalidCampaign;
import io.holdfast.core.prevention.campaign.Schedule;
import io.holdfast.core.prevention.campaign.Segment;
import io.holdfast.server.prevention.Channel;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The request bodies of the campaigns API and their checks, before anything is written. */
final class CampaignBodies {
  private CampaignBodies() {}

  @Schema(description = "Who a campaign is for; every criterion given must hold, an omitted"
      + " one matches everyone")
  public record SegmentBody(
      @Schema(description = "ISO 3166-1 alpha-2 country codes") List<String> countries,
      @Schema(description = "under-18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+") List<String>
          ageBands,
      @Schema(description = "true: any vulnerability flag; false: none") Boolean vulnerable,
      @Schema(description = "paid an external address for the first time in the last N days")
          Integer paidNewAddressWithinDays,
      @Schema(description = "made a deposit in the last N days") Integer depositWithinDays,
      @Schema(description = "has a held payment now (true) or not (false)") Boolean openHold,
      @Schema(description = "latest daily assessment score at least (0 to 1)") Double
          exposureMin,
      @Schema(description = "latest daily assessment score at most (0 to 1)") Double
          exposureMax) {}

  public record MessageBody(String scamType, String language, String title, String body) {}

  public record ScheduleBody(
      @Schema(description = "default: now") String startsAt,
      String endsAt,
      @Schema(description = "once (at the start) or daily") String cadence) {}

  public record CampaignBody(String name,
      @Schema(description = "the scam the campaign warns about, e.g. investment") String scamType,
      @Schema(description = "in_app, push, email or sms") String channel,
      SegmentBody segment, List<MessageBody> messages, ScheduleBody schedule,
      @Schema(description = "at most this many messages of the campaign per customer (default"
          + " 1)") Integer capPerUser,
      @Schema(description = "percent of the segment kept as an unwarned control group (default"
          + " 10)") Integer holdoutPercent) {}

  public record NoteBody(String note) {}

  static CampaignTerms terms(CampaignBody b, String campaignId, String actor, Instant now) {
    if (b == null) {
      throw ApiProblem.invalidField("name", "a campaign body is required");
    }
    try {
      ScamType type = scamType("scam_type", b.scamType());
      Channel channel = Channel.byWire(b.channel() == null ? "" : b.channel()).orElseThrow(
          () -> ApiProblem.invalidField("channel", "channel is in_app, push, email or sms"));
      int holdout = b.holdoutPercent() == null ? 10 : b.holdoutPercent();
      if (holdout < 0 || holdout > 50) {
        throw ApiProblem.invalidField("holdout_percent", "holdout_percent is 0 to 50");
      }
      return new CampaignTerms(campaignId, b.name(), channel.name(), segment(b.segment()),
          new CampaignMessages(type, messages(b.messages())), schedule(b.schedule(), now),
          b.capPerUser() == null ? 1 : b.capPerUser(), holdout * 100, actor, now, null);
    } catch (InvalidCampaign e) {
      throw ApiProblem.invalidField(e.field(), e.getMessage());
    }
  }

  static Segment segment(SegmentBody s) {
    if (s == null) {
      throw ApiProblem.invalidField("segment", "segment is required; {} is everyone");
    }
    try {
      Set<AgeBand> bands = EnumSet.noneOf(AgeBand.class);
      for (String label : s.ageBands() == null ? List.<String>of() : s.ageBands()) {
        bands.add(AgeBand.byLabel(label).orElseThrow(() -> ApiProblem.invalidField(
            "segment.age_bands", "age bands are under-18, 18-24, 25-34, 35-44, 45-54, 55-64,"
                + " 65+")));
      }
      Set<String> countries = s.countries() == null ? Set.of()
          : new LinkedHashSet<>(s.countries());
      return new Segment(countries, bands, s.vulnerable(), s.paidNewAddressWithinDays(),
          s.depositWithinDays(), s.openHold(), milli("segment.exposure_min", s.exposureMin()),
          milli("segment.exposure_max", s.exposureMax()));
    } catch (InvalidCampaign e) {
      throw ApiProblem.invalidField(e.field(), e.getMessage());
    }
  }

  private static Integer milli(String field, Double score) {
    if (score == null) {
      return null;
    }
    if (!(score >= 0 && score <= 1)) {
      throw ApiProblem.invalidField(field, "an exposure score is from 0 to 1");
    }
    return (int) Math.round(score * 1000);
  }

  private static List<CampaignMessages.Message> messages(List<MessageBody> bodies) {
    if (bodies == null || bodies.isEmpty() || bodies.size() > CampaignMessages.MESSAGES_MAX) {
      throw ApiProblem.invalidField("messages", "1 to " + CampaignMessages.MESSAGES_MAX
          + " messages");
    }
    List<CampaignMessages.Message> out = new ArrayList<>();
    for (MessageBody m : bodies) {
      if (m == null) {
        throw ApiProblem.invalidField("messages", "a message is an object");
      }
      out.add(new CampaignMessages.Message(scamType("messages.scam_type", m.scamType()),
          m.language(), m.title(), m.body()));
    }
    return out;
  }

  private static Schedule schedule(ScheduleBody s, Instant now) {
    if (s == null) {
      throw ApiProblem.invalidField("schedule", "schedule is required");
    }
    // Whole milliseconds: both stores keep them exactly (PostgreSQL rounds nanoseconds), so
    // the window read back is the window checked.
    Instant starts = (s.startsAt() == null ? now : instant("schedule.starts_at", s.startsAt()))
        .truncatedTo(ChronoUnit.MILLIS);
    Instant ends = instant("schedule.ends_at", s.endsAt()).truncatedTo(ChronoUnit.MILLIS);
    Schedule.Cadence cadence = switch (s.cadence() == null ? "" : s.cadence()) {
      case "once" -> Schedule.Cadence.ONCE;
      case "daily" -> Schedule.Cadence.DAILY;
      default -> throw ApiProblem.invalidField("schedule.cadence", "cadence is once or daily");
    };
    if (!ends.isAfter(now)) {
      throw ApiProblem.invalidField("schedule.ends_at", "ends_at is in the future");
    }
    return new Schedule(starts, ends, cadence);
  }

  private static Instant instant(String field, String text) {
    if (text == null) {
      throw ApiProblem.invalidField(field, field + " is required");
    }
    return Timestamps.parse(field, text);
  }

  static ScamType scamType(String field, String wire) {
    for (ScamType t : ScamType.values()) {
      if (t.wire().equals(wire)) {
        return t;
      }
    }
    throw ApiProblem.invalidField(field, field + " is one of investment, impersonation,"
        + " romance, fake_support, marketplace, giveaway, general");
  }

  static String state(String wire) {
    if (wire == null) {
      return null;
    }
    String upper = wire.toUpperCase(Locale.ROOT);
    if (!Set.of("DRAFT", "PROPOSED", "ACTIVE", "PAUSED", "ENDED", "CANCELLED").contains(upper)
        || !wire.equals(wire.toLowerCase(Locale.ROOT))) {
      throw ApiProblem.invalidField("state", "state is draft, proposed, active, paused, ended"
          + " or cancelled");
    }
    return upper;
  }
}
