package io.holdfast.app.demo;

import io.holdfast.core.simulation.Platform.Alert;
import io.holdfast.server.assessments.AssessmentBatch;
import io.holdfast.server.assessments.DailyAssessments;
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
 * The platform's side of prevention in the demo: it runs the server's daily assessment for each
 * simulated day (a timer the demo drives, like the others), numbers the prevention outbox on
 * every tick, and delivers alerts to users' inboxes through the real API: it pulls them after
 * its cursor and says when a user opened one.
 */
final class DemoPrevention {
  private static final int PAGE = 1_000;
  private static final int PAGES_MAX = 100;

  private final DemoApi api;
  private final DailyAssessments assessments;
  private final PreventionSequencer sequencer;
  private long cursor;

  DemoPrevention(DemoApi api, ConfigurableApplicationContext context) {
    this.api = api;
    this.assessments = context.getBean(DailyAssessments.class);
    this.sequencer = context.getBean(PreventionSequencer.class);
  }

  void daily(Instant dayStart) {
    LocalDate day = dayStart.atZone(ZoneOffset.UTC).toLocalDate();
    AssessmentBatch.Result result = assessments.runNow(day);
    if (result != AssessmentBatch.Result.DONE && result != AssessmentBatch.Result.ALREADY_DONE) {
      throw new IllegalStateException("the assessment of " + day + " did not finish: " + result);
    }
  }

  void tick() {
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
            m.path("source").asString()));
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
