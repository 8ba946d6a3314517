package io.holdfast.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.InterventionKind;
import io.holdfast.core.prevention.InterventionSource;
import io.holdfast.server.holds.HoldService;
import io.holdfast.server.register.PreventionTestSupport;
import io.holdfast.server.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The intervention queue over real HTTP and PostgreSQL: analysts open tasks, agents claim them
 * and record outcomes that change the hold or the person's flags, service levels fire with a
 * clock the test moves, and a batch's plain INSERT still makes a valid task.
 */
class InterventionsIT extends PreventionTestSupport {
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @Autowired
  CallTaskSweeper sweeper;
  @Autowired
  CallTasks calls;
  @Autowired
  HoldService holdService;
  @Autowired
  MeterRegistry meters;

  private CallTaskSweeper sweeperIn(Duration later) {
    return sweeper.withClock(Clock.offset(Clock.systemUTC(), later));
  }

  private Api.Response create(Api who, String account, String kind, int priority) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_id", account);
    body.put("kind", kind);
    body.put("reason", "paid two new payees abroad after a password reset");
    body.put("scam_type", "impersonation");
    body.put("priority", priority);
    return who.post("/v1/call-tasks", Api.json(body), Map.of("Idempotency-Key", id("k")));
  }

  /** The task as the API writes it (the server's own mapper: snake_case, nulls kept). */
  private JsonNode task(String taskId) {
    return JSON.readTree(serverJson.writeValueAsString(calls.find(taskId)));
  }

  @Autowired
  tools.jackson.databind.json.JsonMapper serverJson;

  private double breaches(String which) {
    return meters.get("holdfast.interventions.sla_breaches").tag("task", which).counter().count();
  }

  @Test
  void anAnalystOpensAChatTaskWithAScriptAndADeadlineOnce() {
    String account = id("a");
    account(account);
    Map<String, Object> body = Map.of("account_id", account, "kind", "chat", "reason",
        "paid two new payees abroad after a password reset", "scam_type", "impersonation",
        "priority", 3);
    Map<String, String> key = Map.of("Idempotency-Key", id("k"));
    Api.Response created = admin().post("/v1/call-tasks", Api.json(body), key);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode t = created.json();
    assertThat(t.path("kind").asString()).isEqualTo("chat");
    assertThat(t.path("source").asString()).isEqualTo("analyst");
    assertThat(t.path("hold_id").isNull() || t.path("hold_id").isMissingNode()).isTrue();
    assertThat(t.path("script").asString()).contains("safe wallet")
        .contains("paid two new payees abroad");
    Instant due = Instant.parse(t.path("due_at").asString());
    assertThat(Instant.parse(t.path("sla_at").asString())).isEqualTo(due.plus(Duration.ofHours(4)));
    Api.Response again = admin().post("/v1/call-tasks", Api.json(body), key);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    assertThat(again.json().path("task_id").asString()).isEqualTo(t.path("task_id").asString());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM call_tasks WHERE account_id = :a")
        .param("a", account).query(Long.class).single()).isEqualTo(1);
    assertThat(audited("call.opened", t.path("task_id").asString())).isEqualTo(1);
    assertThat(create(admin(), id("nobody"), "call", 3).status()).isEqualTo(404);
  }

  @Test
  void aStaleClaimGoesBackToTheQueueMoreUrgentWhenTheClockPassesItsDeadline() {
    String account = id("a");
    account(account);
    String taskId = create(admin(), account, "call", 3).json().path("task_id").asString();
    Api agent = person("ANALYST");
    Api other = person("ANALYST");
    Api.Response claimed = agent.post("/v1/call-tasks/" + taskId + "/claim", null);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    assertThat(claimed.json().path("assigned_to").asString()).startsWith("user:person-");
    assertThat(agent.post("/v1/call-tasks/" + taskId + "/claim", null).status())
        .as("claiming one's own task again is harmless").isEqualTo(200);
    assertThat(other.post("/v1/call-tasks/" + taskId + "/claim", null).status()).isEqualTo(409);
    assertThat(other.post("/v1/call-tasks/" + taskId + "/outcome",
        "{\"outcome\":\"reached\"}").status()).isEqualTo(409);
    JsonNode mine = agent.get("/v1/call-tasks?assigned=me&limit=1000").json().path("call_tasks");
    assertThat(mine.size()).isEqualTo(1);

    double before = breaches("claimed");
    sweeperIn(Duration.ofHours(3)).sweep();
    assertThat(task(taskId).path("assigned_to").isNull()).as("not stale yet").isFalse();
    sweeperIn(Duration.ofHours(5)).sweep();
    JsonNode stale = task(taskId);
    assertThat(stale.path("assigned_to").isNull()).isTrue();
    assertThat(stale.path("priority").asInt()).isEqualTo(2);
    assertThat(stale.path("reassignments").asInt()).isEqualTo(1);
    assertThat(stale.path("sla_breached").asBoolean()).isTrue();
    assertThat(breaches("claimed")).isGreaterThanOrEqualTo(before + 1);
    assertThat(audited("call.reassigned", taskId)).isEqualTo(1);
    sweeperIn(Duration.ofHours(5)).sweep();
    assertThat(audited("call.reassigned", taskId)).as("once").isEqualTo(1);
    Api.Response taken = other.post("/v1/call-tasks/" + taskId + "/claim", null);
    assertThat(taken.status()).as("back in the queue for anyone").isEqualTo(200);
  }

  @Test
  void anUnclaimedTaskPastItsDeadlineIsBreachedOnceAndCounted() {
    String account = id("a");
    account(account);
    String taskId = create(admin(), account, "call", 1).json().path("task_id").asString();
    double before = breaches("unclaimed");
    sweeperIn(Duration.ofMinutes(50)).sweep();
    assertThat(task(taskId).path("sla_breached").asBoolean()).isFalse();
    sweeperIn(Duration.ofMinutes(70)).sweep();
    assertThat(task(taskId).path("sla_breached").asBoolean()).isTrue();
    assertThat(breaches("unclaimed")).isGreaterThanOrEqualTo(before + 1);
    sweeperIn(Duration.ofMinutes(90)).sweep();
    assertThat(audited("call.sla_breached", taskId)).isEqualTo(1);
  }

  @Test
  void aBatchsPlainInsertMakesAValidTaskAndTheServerMethodIsIdempotent() {
    String account = id("a");
    String taskId = id("asm");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    jdbc.sql("INSERT INTO call_tasks (task_id, hold_id, account_id, reason, script, priority,"
            + " due_at, state, created_at) VALUES (:t, NULL, :a, 'exposure 0.93', 'script', 4,"
            + " :d, 'OPEN', :d) ON CONFLICT DO NOTHING")
        .param("t", taskId).param("a", account).param("d", Timestamp.from(now)).update();
    JsonNode t = task(taskId);
    assertThat(t.path("kind").asString()).isEqualTo("call");
    assertThat(Instant.parse(t.path("sla_at").asString()))
        .isEqualTo(now.plus(Duration.ofHours(24)));
    sweeper.sweep();
    assertThat(jdbc.sql("SELECT sla_at FROM call_tasks WHERE task_id = :t").param("t", taskId)
        .query(Timestamp.class).single().toInstant()).isEqualTo(now.plus(Duration.ofHours(24)));

    String viaMethod = id("asm");
    assertThat(calls.openForAccount(viaMethod, account, InterventionKind.CHAT,
        InterventionSource.ASSESSMENT, "exposure 0.97", ScamType.ROMANCE, 2, now, "assess"))
        .isTrue();
    assertThat(calls.openForAccount(viaMethod, account, InterventionKind.CHAT,
        InterventionSource.ASSESSMENT, "exposure 0.97", ScamType.ROMANCE, 2, now, "assess"))
        .isFalse();
    JsonNode opened = task(viaMethod);
    assertThat(opened.path("source").asString()).isEqualTo("assessment");
    assertThat(opened.path("script").asString()).contains("met in person");
  }

  @Test
  void aDissuadedSenderGetsTheMoneyBackAndGoingAheadTwiceFlagsThePerson() {
    String sender = id("s");
    account(sender, "bereavement");
    String holdId = screenHeld(sender, id("r"), 12_050, "TEST_HOLD").path("hold").path("hold_id")
        .asString();
    holdService.withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)))
        .runLadder(500);
    String ladderTask = "call_" + holdId;
    assertThat(task(ladderTask).path("source").asString()).isEqualTo("ladder");
    double dissuaded = meters.get("holdfast.interventions").tag("outcome", "dissuaded")
        .counter().count();
    Api agent = person("ANALYST");
    Api.Response r = agent.post("/v1/call-tasks/" + ladderTask + "/outcome",
        "{\"outcome\":\"dissuaded\",\"note\":\"son was being impersonated\"}",
        Map.of("Idempotency-Key", id("k")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("hold_returned").asBoolean()).isTrue();
    assertThat(jdbc.sql("SELECT resolution FROM holds WHERE hold_id = :h").param("h", holdId)
        .query(String.class).single()).isEqualTo("CANCELLED_BY_SENDER");
    assertThat(meters.get("holdfast.interventions").tag("outcome", "dissuaded").counter()
        .count()).isEqualTo(dissuaded + 1);

    String first = create(admin(), sender, "call", 3).json().path("task_id").asString();
    String second = create(admin(), sender, "chat", 3).json().path("task_id").asString();
    JsonNode once = agent.post("/v1/call-tasks/" + first + "/outcome",
        "{\"outcome\":\"proceeded_anyway\"}").json();
    assertThat(once.has("flagged")).isFalse();
    JsonNode twice = agent.post("/v1/call-tasks/" + second + "/outcome",
        "{\"outcome\":\"sender_proceeds\"}").json();
    assertThat(twice.path("flagged").asString()).startsWith("at_risk: went ahead");
    JsonNode register = admin().get("/v1/accounts/" + sender + "/vulnerability").json();
    assertThat(register.toString()).contains("\"flag\":\"at_risk\"")
        .contains("\"source\":\"intervention\"");
    assertThat(agent.post("/v1/call-tasks/" + second + "/outcome",
        "{\"outcome\":\"reached\"}").status()).as("recorded once").isEqualTo(409);
  }

  @Test
  void onlyAnalystsWorkTheQueue() {
    String account = id("a");
    account(account);
    assertThat(create(platform(), account, "call", 3).status()).isEqualTo(403);
    assertThat(create(anonymous(), account, "call", 3).status()).isEqualTo(401);
    String taskId = create(person("ANALYST"), account, "call", 3).json().path("task_id")
        .asString();
    assertThat(platform().get("/v1/call-tasks").status()).isEqualTo(403);
    assertThat(anonymous().get("/v1/call-tasks").status()).isEqualTo(401);
    assertThat(platform().post("/v1/call-tasks/" + taskId + "/claim", null).status())
        .isEqualTo(403);
    assertThat(anonymous().post("/v1/call-tasks/" + taskId + "/claim", null).status())
        .isEqualTo(401);
    assertThat(platform().post("/v1/call-tasks/" + taskId + "/outcome",
        "{\"outcome\":\"reached\"}").status()).isEqualTo(403);
    assertThat(person("SUPERVISOR").post("/v1/call-tasks/" + taskId + "/claim", null).status())
        .as("a supervisor can do what an analyst can").isEqualTo(200);
  }
}
