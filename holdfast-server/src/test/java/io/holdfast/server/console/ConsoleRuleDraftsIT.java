package io.holdfast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Rule drafts in a real browser: an analyst types an expression and the editor says, as they
 * type, whether it compiles (htmx posting to the same validation as the API's, with the form's
 * CSRF token); they propose it, the draft's page shows its backtest, and they cannot open its
 * publishing; a supervisor publishes it and the next screening is decided by it. A supervisor
 * who proposed a draft is refused its publishing on the page and in the service.
 */
class ConsoleRuleDraftsIT extends PostgresServerTest {
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
        "password", ConsoleJourneysIT.PASSWORD, "roles", List.of(roles))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return name;
  }

  private static String ruleName(String sender) {
    return "c_" + sender.replace("-", "_").toLowerCase(Locale.ROOT);
  }

  @Test
  void anAnalystSeesTheExpressionCheckedAsTheyTypeProposesAndASupervisorPublishes()
      throws Exception {
    String sender = id("console-draft");
    String name = ruleName(sender);
    assertThat(screenPayment(id("t"), sender, id("r"), 4_000_00).path("outcome").asString())
        .isNotEqualTo("HOLD");
    browser.signIn(person("ANALYST"), ConsoleJourneysIT.PASSWORD);
    browser.open("/console/rules");
    browser.click("propose-new");
    assertThat(browser.path()).isEqualTo("/console/rules/drafts/new");

    browser.type("name", name);
    browser.type("expression", "transfer.sender_account ==");
    assertThat(browser.waitForText("validation", "Does not compile")).contains("syntax error");
    browser.type("expression", "transfer.sender_account == '" + sender + "'");
    assertThat(browser.waitForText("validation", "Compiles")).contains("within the cost limits");
    browser.screenshot("rule-draft-editor");
    new Select(browser.find(By.id("outcome"))).selectByValue("HOLD");
    browser.type("score", "0.3");
    browser.type("reasonCode", "CONSOLE_DRAFT");
    browser.type("description", "Held while the team looks at this sender.");
    new Select(browser.find(By.id("status"))).selectByValue("active");
    browser.type("note", "Two reports name this sender.");
    browser.click("propose");

    assertThat(browser.text("flash")).startsWith("Proposed");
    assertThat(browser.path()).startsWith("/console/rules/drafts/rdr");
    String draftPath = browser.path();
    assertThat(browser.text("draft-state")).isEqualTo("proposed");
    assertThat(browser.text("draft-validation")).startsWith("Compiles");
    assertThat(browser.text("backtest-hits")).isEqualTo("1");
    assertThat(browser.find(By.cssSelector("#backtest-outcomes td[data-outcome='HOLD']"))
        .getText()).isEqualTo("1");
    assertThat(browser.text("second-person")).contains("a second person must publish");
    browser.screenshot("rule-draft");
    assertThat(admin().get("/v1/rules/" + name).status()).isEqualTo(404);

    browser.open(draftPath + "/publish");
    assertThat(browser.text("denied")).contains("roles do not include this page");

    Browser second = new Browser(port());
    try {
      second.signIn(person("SUPERVISOR"), ConsoleJourneysIT.PASSWORD);
      second.open(draftPath);
      second.click("publish");
      assertThat(second.text("consequence")).contains(name).contains("hold");
      second.click("confirm");
      assertThat(second.text("flash")).startsWith("Published");
      assertThat(second.text("draft-state")).isEqualTo("published");
    } finally {
      second.close();
    }
    assertThat(admin().get("/v1/rules/" + name).json().path("outcome").asString())
        .isEqualTo("HOLD");
    assertThat(screenPayment(id("t"), sender, id("r"), 1_00).path("outcome").asString())
        .isEqualTo("HOLD");
  }

  @Test
  void aSupervisorIsRefusedThePublishingOfTheirOwnDraft() throws Exception {
    String supervisor = person("SUPERVISOR");
    String name = ruleName(id("own-draft"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("expression", "false");
    body.put("score", 0.1);
    body.put("reason_code", "OWN_DRAFT");
    body.put("description", "Never matches.");
    body.put("status", "shadow");
    Api.Response proposed = Api.withUser(port(), supervisor, ConsoleJourneysIT.PASSWORD)
        .post("/v1/rules/drafts", Api.json(body));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String draftPath = "/console/rules/drafts/" + proposed.json().path("draft_id").asString();

    browser.signIn(supervisor, ConsoleJourneysIT.PASSWORD);
    browser.open(draftPath);
    assertThat(browser.text("second-person")).contains("You proposed this draft");
    assertThat(browser.page()).doesNotContain("id=\"publish\"");
    browser.open(draftPath + "/publish");
    assertThat(browser.text("refused")).contains("a second person must");
    assertThat(browser.page()).doesNotContain("id=\"confirm\"");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port() + draftPath + "/publish"))
        .header("Cookie", browser.sessionCookie()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(403);

    // Past the page, with the session's own token: the service refuses it too.
    WebElement token = browser.find(By.cssSelector("form.signout input[type='hidden']"));
    HttpResponse<String> forced = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port() + draftPath + "/publish"))
        .header("Cookie", browser.sessionCookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(token.getAttribute("name") + "="
            + URLEncoder.encode(token.getAttribute("value"), StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forced.statusCode()).isEqualTo(302);
    browser.open(draftPath);
    assertThat(browser.text("flash")).startsWith("Not done").contains("second person");
    assertThat(browser.text("draft-state")).isEqualTo("proposed");
    assertThat(admin().get("/v1/rules/" + name).status()).isEqualTo(404);
  }
}
