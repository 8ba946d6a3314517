package io.holdfast.app.demo;

import io.holdfast.core.simulation.Platform.Alert;
import io.holdfast.server.assessments.AssessmentBatch;
import io.holdfast.server.assessments.DailyAssessments;
import io.holdfast.server.campaigns.Campaigns;
import io.holdfast.server.prevention.PreventionSequencer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The platform's side of prevention in the demo: it runs the server's daily assessment and
 * surge detector for each simulated day and campaign deliveries on every tick (timers the demo
 * drives, like the others), creates and approves campaigns through the API as the risk team, and delivers alerts to users' inboxes through the real API: it pulls them after
 * its cursor and says when a user opened one.
 */
final class DemoPrevention {
  private static final int PAGE = 1_000;
  private static final int PAGES_MAX = 100;

  private final DemoApi api;
  private final DailyAssessments assessments;
  private final PreventionSequencer sequencer;
  private final Campaigns campaigns;
  private long cursor;
  private boolean standingCampaign;

  DemoPrevention(DemoApi api, ConfigurableApplicationContext context) {
    this.api = api;
    this.assessments = context.getBean(DailyAssessments.class);
    this.sequencer = context.getBean(PreventionSequencer.class);
    this.campaigns = context.getBean(Campaigns.class);
  }

  /**
   * The morning batch: the day's risk assessment, then the surge detector, whose proposals the
   * risk team approves (in the demo, all of them). On the first morning the team also starts
   * its standing campaign.
   */
  void daily(Instant dayStart, Instant worldEnd) {
    LocalDate day = dayStart.atZone(ZoneOffset.UTC).toLocalDate();
    AssessmentBatch.Result result = assessments.runNow(day);
    if (result != AssessmentBatch.Result.DONE && result != AssessmentBatch.Result.ALREADY_DONE) {
      throw new IllegalStateException("the assessment of " + day + " did not finish: " + result);
    }
    if (!standingCampaign) {
      startStandingCampaign(worldEnd);
      standingCampaign = true;
    }
    for (String proposal : campaigns.detectSurges()) {
      DemoPlatform.expect(api.analyst("POST", "/v1/campaigns/" + proposal + "/activate",
          Map.of()), 200);
    }
  }

  /**
   * A warning for the customers most exposed to investment scams: anyone who paid a wallet
   * address for the first time this week and whose daily assessment found something, warned at
   * most twice, with the usual tenth kept back as a control group.
   */
  private void startStandingCampaign(Instant worldEnd) {
    Map<String, Object> segment = Map.of("paid_new_address_within_days", 7,
        "exposure_min", 0.2);
    Map<String, Object> message = Map.of("scam_type", "investment", "language", "en",
        "title", "Before you send crypto to a new wallet",
        "body", "Investment scams ask you to send crypto to a wallet or trading site that"
            + " shows big profits and never lets you withdraw. If someone you met online is"
            + " guiding you, stop and talk to us in the app before you send more.");
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", "New wallets, investment scams");
    body.put("scam_type", "investment");
    body.put("channel", "in_app");
    body.put("segment", segment);
    body.put("messages", List.of(message));
    body.put("schedule", Map.of("ends_at", worldEnd.toString(), "cadence", "daily"));
    body.put("cap_per_user", 2);
    JsonNode created = DemoPlatform.expect(api.analyst("POST", "/v1/campaigns", body), 201)
        .body();
    // The campaign's creator cannot activate it: the second analyst does.
    DemoPlatform.expect(api.reviewer("POST", "/v1/campaigns/"
        + created.path("campaign_id").asString() + "/activate", Map.of()), 200);
  }

  void tick() {
    campaigns.deliverDue();
    sequencer.run();
  }

  List<Alert> newAlerts() {
    List<Alert> out = new ArrayList<>();
    for (int page = 0; page < PAGES_MAX; page++) {
      JsonNode messages = DemoPlatform.expect(api.platform("GET", "/v1/prevention/messages"
          + "?limit=" + PAGE + "&after=" + cursor, null, Map.of()), 200).body().path("messages");
      for (JsonNode m : messages) {
        cursor = Math.max(cursor, m.path("seq").asLong());
        out.add(new Alert(m.path("message_id").asString(), m.path("account_id").asString(),
            m.path("source").asString(), m.path("title").asString()));
      }
      if (messages.size() < PAGE) {
        break;
      }
    }
    return out;
  }

  void read(Alert alert) {
    DemoPlatform.expect(api.platform("POST", "/v1/prevention/messages/" + alert.messageId()
        + "/shown", null, Map.of("Holdfast-Account", alert.accountId())), 200);
  }
}
