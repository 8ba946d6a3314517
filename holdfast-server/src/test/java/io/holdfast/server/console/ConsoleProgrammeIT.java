package io.holdfast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import io.holdfast.server.sweeps.SweepRunner;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme's pages in a real browser: the KPI page draws its charts (uPlot, from the
 * server) with the same numbers in a table under each; a declared scammer's case page tells
 * its story on one timeline and links to the scammer's graph, an SVG with every node labelled
 * and its links in a table. Each page is saved as a screenshot.
 */
class ConsoleProgrammeIT extends PostgresServerTest {
  private Browser browser;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  SweepRunner sweeps;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser(port());
  }

  @AfterEach
  void close() throws Exception {
    browser.close();
  }

  private String analyst() {
    String name = id("p").toLowerCase(Locale.ROOT);
    Api.Response r = admin().post("/v1/users", Api.json(Map.of("username", name,
        "password", ConsoleJourneysIT.PASSWORD, "roles", List.of("ANALYST"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    browser.signIn(name, ConsoleJourneysIT.PASSWORD);
    return name;
  }

  @Test
  void theKpiPageChartsEachNumberAndTablesItUnderTheChart() throws Exception {
    String holdId = screenHeld(id("sender"), id("recipient"), 99_000, "KPI_PAGE")
        .path("hold").path("hold_id").asString();
    assertThat(admin().post("/v1/holds/" + holdId + "/return", "{\"note\":\"coached\"}")
        .status()).isEqualTo(200);
    analyst();
    browser.open("/console/kpis?days=7");
    for (String chart : List.of("money", "freeze", "holds")) {
      WebElement canvas = browser.waitFor(By.cssSelector("#chart-" + chart + " canvas"));
      assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(300);
      assertThat(browser.findAll(By.cssSelector("#table-" + chart + " tbody tr")))
          .as(chart).hasSize(7);
    }
    String today = browser.findAll(By.cssSelector("#table-money tbody tr")).get(6).getText();
    assertThat(today).contains("holds:").contains("USD");
    assertThat(browser.find(By.cssSelector("#table-money tfoot")).getText())
        .contains("All 7 days");
    assertThat(browser.find(By.id("chart-money")).getAttribute("aria-hidden")).isEqualTo("true");
    browser.screenshot("kpis");
  }

  @Test
  void aScammersCasePageTellsItsStoryAndLinksToItsGraph() throws Exception {
    String scammer = id("scam");
    Instant now = Instant.now();
    List<String> victims = List.of(id("victim"), id("victim"), id("victim"));
    for (int i = 0; i < victims.size(); i++) {
      imported(victims.get(i), scammer, 150_000L * (i + 1), now.minus(20 - i, ChronoUnit.DAYS));
    }
    String mule = id("mule");
    imported(scammer, mule, 200_000, now.minus(10, ChronoUnit.DAYS));
    Api.Response report = platform().post("/v1/reports", Api.json(Map.of(
        "reporter_account", victims.get(0), "recipient_account", scammer,
        "scam_type", "investment", "narrative", "He promised guaranteed returns of 30% a week"
            + " on his platform; now it wants a withdrawal fee before I can take my money"
            + " out, and he stopped answering. I lost everything.")));
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    String caseId = report.json().path("case_id").asString();
    assertThat(admin().post("/v1/cases/" + caseId + "/notes",
        "{\"note\":\"Three payers in three weeks, the same script.\"}").status()).isEqualTo(201);
    Api.Response declared = admin().post("/v1/scammers", Api.json(Map.of(
        "recipient_account", scammer, "note", "confirmed by a test")));
    assertThat(declared.status()).as(declared.body()).isEqualTo(202);
    String scammerId = declared.json().path("scammer_id").asString();
    for (int i = 0; i < 20 && sweeps.runPending(5) > 0; i++) {
      // Runs the queued sweeps on this thread (the suite's background worker is off).
    }

    analyst();
    browser.open("/console/cases/" + caseId);
    List<String> kinds = browser.findAll(By.cssSelector("#case-timeline tr.event")).stream()
        .map(tr -> tr.getAttribute("data-kind")).toList();
    assertThat(kinds).contains("case", "report", "note", "sweep", "outreach");
    assertThat(kinds.indexOf("report")).isLessThan(kinds.indexOf("note"));
    assertThat(browser.text("timeline-counts")).contains("report 1").contains("note 1");
    browser.screenshot("case");

    browser.click("scammer-graph");
    assertThat(browser.path()).isEqualTo("/console/scammers/" + scammerId + "/graph");
    WebElement svg = browser.find(By.cssSelector("svg#scammer-graph"));
    WebElement node = svg.findElement(By.cssSelector("g.node[data-relation='scammer']"));
    assertThat(node.findElement(By.tagName("text")).getText()).isEqualTo(scammer);
    List<String> payers = svg.findElements(By.cssSelector("g.node[data-relation='victim'] text"))
        .stream().map(WebElement::getText).toList();
    assertThat(payers).containsAll(victims);
    assertThat(svg.findElements(By.cssSelector("g.node text")).stream()
        .map(WebElement::getText)).contains(mule);
    assertThat(svg.findElements(By.cssSelector("path.edge"))).hasSizeGreaterThanOrEqualTo(4);
    assertThat(browser.text("graph-links"))
        .contains("paid " + scammer + " USD 4,500.00 in 1 payment")
        .contains("passed USD 2,000.00 of the scammer's money to " + mule);
    browser.screenshot("graph");
  }

  private void imported(String sender, String recipient, long amountMinor, Instant at) {
    jdbc.sql("INSERT INTO transfers (transfer_id, created_at, sender_account, recipient_account,"
            + " amount_minor, currency, amount_usd_minor, channel, source)"
            + " VALUES (:id, :at, :s, :r, :a, 'USD', :a, 'p2p', 'import')")
        .param("id", id("t")).param("at", Timestamp.from(at)).param("s", sender)
        .param("r", recipient).param("a", amountMinor).update();
  }
}
