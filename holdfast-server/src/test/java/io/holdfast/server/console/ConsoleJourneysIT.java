package io.holdfast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The console's main journeys in a real browser (headless Chromium), over the real server on
 * PostgreSQL: an analyst returns a payment a screening just held and the platform's outbox
 * has the instruction; a supervisor cannot approve their own request; an agent takes a call and
 * records what happened; an agent is refused the rules page; a change without the form's CSRF
 * token changes nothing; a disabled person's open session ends. Each main screen is saved as a
 * screenshot.
 */
class ConsoleJourneysIT extends PostgresServerTest {
  static final String PASSWORD = "lantern-thistle-marina-35";
  private Browser browser;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser(port());
  }

  @AfterEach
  void close() throws Exception {
    browser.close();
  }

  private String person(String... roles) {
    String name = id("p").toLowerCase(Locale.ROOT);
    Api.Response r = admin().post("/v1/users", Api.json(Map.of("username", name,
        "password", PASSWORD, "roles", List.of(roles))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return name;
  }

  @Test
  void anAnalystReturnsAHeldPaymentAndThePlatformIsToldToReturnIt() throws Exception {
    String sender = id("sender");
    String holdId = screenHeld(sender, id("recipient"), 125_000, "CONSOLE_TEST")
        .path("hold").path("hold_id").asString();
    browser.signIn(person("ANALYST"), PASSWORD);
    assertThat(browser.path()).isEqualTo("/console");
    browser.screenshot("home");

    browser.open("/console/holds");
    browser.click(browser.find(By.cssSelector("a.hold-link[data-hold='" + holdId + "']")));
    assertThat(browser.path()).isEqualTo("/console/holds/" + holdId);
    assertThat(browser.text("hold-state")).isEqualTo("held");
    assertThat(browser.page()).contains("USD 1,250.00").contains("CONSOLE_TEST");
    browser.screenshot("hold");

    browser.click("action-return");
    assertThat(browser.text("consequence")).contains("USD 1,250.00").contains(sender);
    browser.screenshot("hold-return-confirm");
    browser.type("reason", "The sender says a stranger on Telegram told them to pay.");
    browser.click("confirm");
    assertThat(browser.text("flash")).startsWith("Returned");
    assertThat(browser.text("hold-state")).isEqualTo("returned");

    JsonNode instructions = instructionsFor(holdId);
    assertThat(instructions.findValuesAsString("kind")).contains("RETURN");
    List<Map<String, Object>> audit = auditOf(holdId);
    assertThat(audit.toString()).contains("Telegram");
  }

  @Test
  void theQueueListsOpenHoldsSoonestDeadlineFirst() throws Exception {
    screenHeld(id("sender"), id("recipient"), 50_000, "CONSOLE_QUEUE");
    browser.signIn(person("ANALYST"), PASSWORD);
    browser.open("/console/holds?state=held");
    browser.screenshot("holds");
    List<String> deadlines = browser.find(By.id("holds")).findElements(By.cssSelector("time"))
        .stream().map(t -> t.getAttribute("datetime")).toList();
    assertThat(deadlines).isNotEmpty();
    assertThat(deadlines).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));
  }

  @Test
  void aSupervisorCannotApproveTheirOwnRequest() throws Exception {
    String caseId = reportedCase();
    browser.signIn(person("SUPERVISOR"), PASSWORD);
    browser.open("/console/cases/" + caseId);
    browser.type("confirm-reason", "Three paying victims, the same script.");
    browser.click("ask-confirm");
    assertThat(browser.text("flash")).startsWith("Asked");
    browser.open("/console/approvals");
    browser.screenshot("approvals");
    browser.click(browser.find(By.cssSelector("button.approve[data-case='" + caseId + "']")));
    assertThat(browser.text("flash")).startsWith("Not done").contains("approve");
    assertThat(browser.text("case-state")).isEqualTo("open");
    assertThat(admin().get("/v1/cases/" + caseId).json().path("state").asString())
        .isEqualTo("open");

    browser.open("/console/logout");
    Browser second = new Browser(port());
    try {
      second.signIn(person("ANALYST"), PASSWORD);
      second.open("/console/cases/" + caseId);
      second.click("approve");
      assertThat(second.text("flash")).startsWith("Approved");
      assertThat(second.text("case-state")).isEqualTo("confirmed");
    } finally {
      second.close();
    }
  }

  @Test
  void anAgentTakesACallAndRecordsWhatHappened() throws Exception {
    String account = id("caller");
    assertThat(platform().put("/v1/accounts/" + account, "{\"created_at\":\""
        + Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}")
        .status()).isIn(200, 201);
    Api.Response task = admin().post("/v1/call-tasks", Api.json(Map.of("account_id", account,
        "reason", "An assessment saw a large deposit sent on to a new address.",
        "priority", 2)));
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    String taskId = task.json().path("task_id").asString();

    browser.signIn(person("AGENT"), PASSWORD);
    browser.open("/console/calls");
    browser.screenshot("calls");
    browser.click(browser.find(By.cssSelector("a.call-link[data-task='" + taskId + "']")));
    browser.click("claim");
    assertThat(browser.text("flash")).startsWith("Claimed");
    assertThat(browser.text("assigned")).startsWith("user:");
    browser.screenshot("call");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("outcome")))
        .selectByValue("reached");
    browser.type("note", "Spoke to them; they had not sent anything yet.");
    browser.click("record");
    assertThat(browser.text("flash")).startsWith("Recorded: reached");
    assertThat(admin().get("/v1/call-tasks?limit=1000").body()).doesNotContain(taskId);
  }

  @Test
  void anAgentIsRefusedTheRulesPage() throws Exception {
    browser.signIn(person("AGENT"), PASSWORD);
    browser.open("/console/rules");
    assertThat(browser.text("denied")).contains("roles do not include this page");
    browser.screenshot("denied");
    HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port() + "/console/rules"))
        .header("Cookie", browser.sessionCookie()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(direct.statusCode()).isEqualTo(403);
  }

  @Test
  void aChangeWithoutTheFormsTokenChangesNothing() throws Exception {
    String holdId = screenHeld(id("sender"), id("recipient"), 40_000, "CONSOLE_CSRF")
        .path("hold").path("hold_id").asString();
    browser.signIn(person("ANALYST"), PASSWORD);
    browser.open("/console/holds/" + holdId);
    HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port() + "/console/holds/" + holdId + "/return"))
        .header("Cookie", browser.sessionCookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("reason=forged")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(admin().get("/v1/holds/" + holdId).json().path("state").asString())
        .isEqualTo("held");
    assertThat(jdbcCount("SELECT COUNT(*) FROM instructions WHERE hold_id = ? AND kind ="
        + " 'RETURN'", holdId)).isZero();
  }

  @Test
  void aDisabledPersonsOpenSessionEnds() throws Exception {
    String name = person("ANALYST");
    browser.signIn(name, PASSWORD);
    browser.open("/console/holds");
    assertThat(browser.path()).isEqualTo("/console/holds");
    assertThat(admin().patch("/v1/users/" + name, "{\"enabled\":false}").status())
        .isEqualTo(200);
    browser.open("/console/holds");
    assertThat(browser.path()).startsWith("/console/login");
    assertThat(browser.text("login-message")).contains("disabled");
  }

  @Test
  void theSignInPageIsPlainAndAWrongPasswordIsSaidPlainly() throws Exception {
    browser.open("/console/login");
    browser.screenshot("login");
    browser.signIn(person("ANALYST"), "not-the-password-at-all");
    assertThat(browser.path()).startsWith("/console/login");
    assertThat(browser.text("login-message")).contains("not right");
  }

  /**
   * Wrong passwords on the form are throttled like the API's. The server's clock is the real
   * one here, so the test does not time the wait: it keeps failing (each failure past the free
   * ones doubles the wait) until an attempt lands inside a wait, which must come within a few
   * attempts. That the right password is refused unseen during a wait is SignInThrottleIT's,
   * on a manual clock.
   */
  @Test
  void repeatedWrongPasswordsOnTheFormAreThrottled() {
    String name = person("ANALYST");
    boolean throttled = false;
    for (int i = 0; i < 12 && !throttled; i++) {
      browser.signIn(name, "not-the-password-" + i);
      throttled = browser.path().startsWith("/console/login?throttled=");
      assertThat(i >= 5 || !throttled).as("the first five failures are free").isTrue();
    }
    assertThat(throttled).isTrue();
    assertThat(browser.text("login-message")).contains("Too many failed sign-ins");
  }

  /**
   * The hold's instructions as the platform pulls them, once the sequencer has numbered them
   * (it runs after the commit): every page of the outbox, in order.
   */
  private JsonNode instructionsFor(String holdId) {
    List<JsonNode> mine = new java.util.ArrayList<>();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
        .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
          mine.clear();
          long after = 0;
          for (int page = 0; page < 1_000; page++) {
            Api.Response r = platform().get("/v1/instructions?after=" + after + "&limit=500");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode items = r.json().path("instructions");
            for (JsonNode i : items) {
              after = Math.max(after, i.path("seq").asLong());
              if (holdId.equals(i.path("hold_id").asString())) {
                mine.add(i);
              }
            }
            if (items.size() < 500) {
              break;
            }
          }
          return mine.size() >= 2;
        });
    return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(mine);
  }

  private long jdbcCount(String sql, String arg) {
    return new org.springframework.jdbc.core.JdbcTemplate(
        new org.springframework.jdbc.datasource.DriverManagerDataSource(
            environment.getProperty("spring.datasource.url"),
            environment.getProperty("spring.datasource.username"), ""))
        .queryForObject(sql, Long.class, arg);
  }

  private List<Map<String, Object>> auditOf(String holdId) {
    return new org.springframework.jdbc.core.JdbcTemplate(
        environment.getProperty("spring.datasource.url") == null ? null
            : new org.springframework.jdbc.datasource.DriverManagerDataSource(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), ""))
        .queryForList("SELECT actor, action, reason FROM audit_log WHERE entity_id = ?",
            holdId);
  }

  /** A case opened by a paying victim's report against a young account; returns its id. */
  private String reportedCase() {
    String scammer = id("scam");
    String victim = id("victim");
    for (String[] a : new String[][] {{scammer, "5"}, {victim, "2000"}}) {
      Api.Response r = platform().put("/v1/accounts/" + a[0], "{\"created_at\":\""
          + Instant.now().minus(Long.parseLong(a[1]), ChronoUnit.DAYS)
              .truncatedTo(ChronoUnit.SECONDS) + "\",\"kyc_level\":2}");
      assertThat(r.status()).as(r.body()).isIn(200, 201);
    }
    String transferId = id("t");
    JsonNode decision = screenPayment(transferId, victim, scammer, 50_000);
    if (decision.path("outcome").asString().equals("HOLD")) {
      admin().post("/v1/holds/" + decision.path("hold").path("hold_id").asString()
          + "/release", "{\"note\":\"test: settle\"}");
    }
    Api.Response report = platform().post("/v1/reports", Api.json(Map.of(
        "reporter_account", victim, "transfer_ids", List.of(transferId),
        "scam_type", "investment", "narrative", "He promised guaranteed returns of 30% a week"
            + " on his platform; now it wants a withdrawal fee before I can take my money"
            + " out, and he stopped answering. I lost everything.")));
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    return report.json().path("case_id").asString();
  }
}
