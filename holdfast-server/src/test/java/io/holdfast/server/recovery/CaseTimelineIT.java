package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A case's timeline (GET /v1/cases/{id}/timeline): a reported case that was frozen and noted
 * has those events in time order, each saying who did what; a case with more events than the
 * timeline keeps shows its latest, in order, and still counts every one.
 */
class CaseTimelineIT extends RecoveryTestSupport {

  @Test
  void aReportedFrozenAndNotedCaseHasThoseEventsInTimeOrder() {
    String scammer = id("scammer");
    String victim = id("victim");
    account(scammer, 6, 0);
    account(victim, 2000, 2);
    String paid = pay(victim, scammer, 40_000);
    JsonNode report = report(victim, List.of(paid), SCAM_STORY).json();
    String caseId = report.path("case_id").asString();
    String freezeId = report.path("freeze_id").asString(null);
    if (freezeId == null) {
      Api.Response frozen = admin().post("/v1/freezes", "{\"recipient_account\":\"" + scammer
          + "\",\"basis\":\"analyst\",\"reason\":\"the victim's story\"}");
      assertThat(frozen.status()).as(frozen.body()).isEqualTo(201);
      freezeId = frozen.json().path("freeze_id").asString();
    }
    Api.Response noted = admin().post("/v1/cases/" + caseId + "/notes",
        "{\"note\":\"Called the victim back: same script as the others.\"}");
    assertThat(noted.status()).as(noted.body()).isEqualTo(201);

    Api.Response r = admin().get("/v1/cases/" + caseId + "/timeline");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode timeline = r.json();
    List<String> kinds = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (JsonNode e : timeline.path("events")) {
      kinds.add(e.path("kind").asString());
      times.add(Instant.parse(e.path("at").asString()));
    }
    assertThat(times).isSorted();
    assertThat(kinds.stream().filter(k -> !k.equals("claim")).toList())
        .containsExactly("case", "report", "freeze", "note");
    JsonNode reportEvent = event(timeline, "report");
    assertThat(reportEvent.path("ref").asString()).isEqualTo(report.path("report_id")
        .asString());
    assertThat(reportEvent.path("who").asString()).isEqualTo("victim " + victim);
    assertThat(reportEvent.path("what").asString())
        .startsWith("Reported losing money to a scam (investment)");
    assertThat(event(timeline, "freeze").path("ref").asString()).isEqualTo(freezeId);
    assertThat(event(timeline, "freeze").path("what").asString()).startsWith("Froze a:"
        + scammer);
    JsonNode note = event(timeline, "note");
    assertThat(note.path("who").asString()).isEqualTo("user:admin");
    assertThat(note.path("what").asString()).isEqualTo("Called the victim back: same script"
        + " as the others.");
    assertThat(count(timeline, "report")).isEqualTo(1);
    assertThat(count(timeline, "freeze")).isEqualTo(1);
    assertThat(count(timeline, "note")).isEqualTo(1);
    assertThat(timeline.path("total").asLong()).isEqualTo(kinds.size());
    assertThat(timeline.path("truncated").asBoolean()).isFalse();
    assertThat(admin().get("/v1/cases/case_missing/timeline").status()).isEqualTo(404);
  }

  @Test
  void aCaseWithMoreEventsThanTheTimelineKeepsShowsTheLatestAndCountsThemAll() {
    String caseId = id("case");
    Instant opened = Instant.parse("2003-05-01T00:00:00Z");
    jdbc.sql("INSERT INTO cases (case_id, subject_key, state, restitution_round, created_at,"
        + " updated_at, version) VALUES (:c, :s, 'OPEN', 0, :at, :at, 1)").param("c", caseId)
        .param("s", "a:" + id("subject")).param("at", Timestamp.from(opened)).update();
    for (int i = 1; i <= 520; i++) {
      jdbc.sql("INSERT INTO case_notes (case_id, author, body, created_at)"
          + " VALUES (:c, 'user:analyst', :b, :at)").param("c", caseId).param("b", "note " + i)
          .param("at", Timestamp.from(opened.plusSeconds(60L * i))).update();
    }
    JsonNode timeline = admin().get("/v1/cases/" + caseId + "/timeline").json();
    JsonNode events = timeline.path("events");
    assertThat(events.size()).isEqualTo(500);
    assertThat(timeline.path("truncated").asBoolean()).isTrue();
    assertThat(timeline.path("total").asLong()).isEqualTo(521);
    assertThat(count(timeline, "note")).isEqualTo(520);
    assertThat(count(timeline, "case")).isEqualTo(1);
    assertThat(events.get(0).path("what").asString()).isEqualTo("note 21");
    assertThat(events.get(499).path("what").asString()).isEqualTo("note 520");
  }

  private static JsonNode event(JsonNode timeline, String kind) {
    for (JsonNode e : timeline.path("events")) {
      if (e.path("kind").asString().equals(kind)) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " in " + timeline);
  }

  private static long count(JsonNode timeline, String kind) {
    for (JsonNode c : timeline.path("counts")) {
      if (c.path("kind").asString().equals(kind)) {
        return c.path("events").asLong();
      }
    }
    return 0;
  }
}
