package io.holdfast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrators' pages in a real browser, over the real server on PostgreSQL: a person
 * added through the form can sign in; a weak password or a taken name is refused in words and
 * nobody is added; disabling a person ends their open session; roles and passwords change
 * from the next page; a key made in the console shows its secret once, screens, and is refused
 * once revoked there; an analyst is refused the pages and an auditor reads them without any
 * form; the list is paged by username. Every change is confirmed before it is made and
 * audited under the administrator's name.
 */
class ConsoleAdminIT extends PostgresServerTest {
  static final String PASSWORD = "harbour-juniper-cobalt-71";
  private Browser browser;
  @Autowired
  private JdbcTemplate jdbc;

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

  /** Signs the test's browser in as a new administrator; returns their username. */
  private String signedInAdmin() {
    String admin = person("ADMIN");
    browser.signIn(admin, PASSWORD);
    assertThat(browser.path()).isEqualTo("/console");
    return admin;
  }

  @Test
  void anAdminAddsAPersonThroughTheFormAndThePersonCanSignIn() throws Exception {
    String admin = signedInAdmin();
    String name = id("anna").toLowerCase(Locale.ROOT);
    browser.open("/console/admin/users");
    fillAddForm(name, PASSWORD, "ANALYST");
    browser.click("add-person");
    assertThat(browser.text("consequence")).contains(name).contains("ANALYST")
        .contains("can sign in as soon as you confirm");
    assertThat(admin().get("/v1/users/" + name).status()).as("nothing before the confirmation")
        .isEqualTo(404);
    browser.click("confirm");
    assertThat(browser.text("flash")).startsWith("Added " + name);
    assertThat(browser.path()).isEqualTo("/console/admin/users/" + name);
    assertThat(browser.text("person-state")).isEqualTo("enabled");
    assertThat(browser.text("person-roles")).isEqualTo("ANALYST");
    assertThat(audit(name)).contains("user:" + admin + " user.created");
    browser.open("/console/admin/users");
    browser.screenshot("admin-users");

    Browser anna = new Browser(port());
    try {
      anna.signIn(name, PASSWORD);
      assertThat(anna.path()).isEqualTo("/console");
      anna.open("/console/holds");
      assertThat(anna.path()).isEqualTo("/console/holds");
    } finally {
      anna.close();
    }
  }

  @Test
  void aWeakPasswordOrATakenNameIsRefusedInWordsAndNobodyIsAdded() {
    signedInAdmin();
    String name = id("weak").toLowerCase(Locale.ROOT);
    browser.open("/console/admin/users");
    fillAddForm(name, "short-one", "AGENT");
    browser.click("add-person");
    assertThat(browser.path()).isEqualTo("/console/admin/users");
    assertThat(browser.text("flash")).startsWith("Not added").contains("at least 15")
        .contains("Nobody was added");
    assertThat(admin().get("/v1/users/" + name).status()).isEqualTo(404);
    assertThat(audit(name)).isEmpty();

    String taken = person("AGENT");
    fillAddForm(taken, PASSWORD, "AGENT");
    browser.click("add-person");
    assertThat(browser.text("flash")).startsWith("Not added")
        .contains("there is already a user '" + taken + "'");
    assertThat(admin().get("/v1/users/" + taken).json().path("roles").toString())
        .isEqualTo("[\"AGENT\"]");
  }

  /**
   * The confirmation of a new person carries their password back to the browser in a hidden
   * field, so the page must never be stored by the browser or a proxy.
   */
  @Test
  void theConfirmationThatCarriesAPasswordIsNeverCached() throws Exception {
    signedInAdmin();
    browser.open("/console/admin/users");
    String csrf = browser.find(By.cssSelector("#add-form input[name='_csrf']"))
        .getAttribute("value");
    String name = id("cached").toLowerCase(Locale.ROOT);
    HttpResponse<String> preview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port() + "/console/admin/users"))
        .header("Cookie", browser.sessionCookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + PASSWORD
            + "&roles=AGENT&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("id=\"consequence\"");
    assertThat(preview.headers().allValues("Cache-Control")).anySatisfy(v ->
        assertThat(v).contains("no-store"));
    assertThat(admin().get("/v1/users/" + name).status()).isEqualTo(404);
  }

  @Test
  void disablingAPersonEndsTheirOpenSession() throws Exception {
    String admin = signedInAdmin();
    String name = person("ANALYST");
    Browser theirs = new Browser(port());
    try {
      theirs.signIn(name, PASSWORD);
      theirs.open("/console/holds");
      assertThat(theirs.path()).isEqualTo("/console/holds");

      browser.open("/console/admin/users/" + name);
      browser.click("disable");
      assertThat(browser.text("consequence"))
          .startsWith(name + " will be refused from the next page they open");
      theirs.open("/console/holds");
      assertThat(theirs.path()).as("not yet confirmed").isEqualTo("/console/holds");
      browser.click("confirm");
      assertThat(browser.text("flash")).startsWith("Disabled " + name);
      assertThat(browser.text("person-state")).isEqualTo("disabled");
      assertThat(audit(name)).contains("user:" + admin + " user.disabled");

      theirs.open("/console/holds");
      assertThat(theirs.path()).startsWith("/console/login");
      assertThat(theirs.text("login-message")).contains("disabled");
    } finally {
      theirs.close();
    }
  }

  @Test
  void newRolesApplyFromTheNextPageAndANewPasswordReplacesTheOld() throws Exception {
    String admin = signedInAdmin();
    String name = person("ANALYST");
    Browser theirs = new Browser(port());
    try {
      theirs.signIn(name, PASSWORD);
      theirs.open("/console/rules");
      assertThat(theirs.path()).isEqualTo("/console/rules");

      browser.open("/console/admin/users/" + name);
      browser.find(By.id("role-ANALYST")).click();
      browser.find(By.id("role-AGENT")).click();
      browser.click("change-roles");
      assertThat(browser.text("consequence")).contains("gains AGENT").contains("loses ANALYST");
      browser.click("confirm");
      assertThat(browser.text("flash")).isEqualTo("The roles of " + name + " are now AGENT.");
      theirs.open("/console/rules");
      assertThat(theirs.text("denied")).contains("roles do not include this page");

      String fresh = "meadow-saffron-quartz-88";
      browser.type("password", fresh);
      browser.click("set-password");
      assertThat(browser.text("consequence")).contains("the old one stops working at once");
      browser.click("confirm");
      assertThat(browser.text("flash")).startsWith("Set a new password for " + name);
      assertThat(Api.withUser(port(), name, PASSWORD).get("/v1/call-tasks").status())
          .isEqualTo(401);
      assertThat(Api.withUser(port(), name, fresh).get("/v1/call-tasks").status())
          .isEqualTo(200);
      assertThat(audit(name)).contains("user:" + admin + " user.roles_changed",
          "user:" + admin + " user.password_set");
    } finally {
      theirs.close();
    }
  }

  @Test
  void aKeyMadeInTheConsoleShowsItsSecretOnceScreensAndIsRefusedOnceRevoked()
      throws Exception {
    String admin = signedInAdmin();
    String name = id("acme").toLowerCase(Locale.ROOT);
    browser.open("/console/admin/keys");
    browser.type("key-name", name);
    browser.find(By.id("scope-screen")).click();
    browser.click("make-key");
    assertThat(browser.text("consequence")).contains("screen transfers")
        .contains("does not expire").contains("shown once");
    browser.click("confirm");
    assertThat(browser.path()).isEqualTo("/console/admin/keys/created");
    String secret = browser.find(By.id("secret")).getDomProperty("value");
    assertThat(secret).startsWith("hf_").hasSizeGreaterThan(40);
    assertThat(browser.text("secret-warning")).contains("it will not be shown again");
    String keyId = browser.text("key-id");
    browser.screenshot("admin-key-created");

    browser.open("/console/admin/keys/created");
    assertThat(browser.path()).isEqualTo("/console/admin/keys");
    assertThat(browser.text("flash")).contains("shown once");
    assertThat(browser.page()).contains(keyId).doesNotContain(secret);
    assertThat(audit(keyId)).contains("user:" + admin + " api_key.created");

    assertThat(screen(secret)).isEqualTo(200);
    browser.open("/console/admin/keys");
    browser.screenshot("admin-keys");
    browser.click(browser.find(By.cssSelector("button.revoke[data-key='" + keyId + "']")));
    assertThat(browser.text("consequence")).contains(name).contains("cannot be undone");
    assertThat(screen(secret)).as("not yet confirmed").isEqualTo(200);
    browser.click("confirm");
    assertThat(browser.text("flash")).startsWith("Revoked " + name);
    assertThat(browser.find(By.cssSelector("tr[data-key='" + keyId + "'] td.state")).getText())
        .isEqualTo("revoked");
    assertThat(screen(secret)).isEqualTo(401);
    assertThat(audit(keyId)).contains("user:" + admin + " api_key.revoked");
  }

  @Test
  void anAnalystGetsTheDeniedPage() throws Exception {
    browser.signIn(person("ANALYST"), PASSWORD);
    browser.open("/console/admin/users");
    assertThat(browser.text("denied")).contains("roles do not include this page");
    for (String path : List.of("/console/admin/users", "/console/admin/keys")) {
      HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port() + path))
          .header("Cookie", browser.sessionCookie()).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(direct.statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void anAuditorReadsThePagesWithoutAnyForm() {
    String someone = person("AGENT");
    Api.Response key = admin().post("/v1/api-keys", Api.json(Map.of("name", id("audited"),
        "scopes", List.of("screen"))));
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    String keyId = key.json().path("id").asString();
    browser.signIn(person("AUDITOR"), PASSWORD);

    browser.open("/console/admin/users");
    assertThat(browser.path()).isEqualTo("/console/admin/users");
    assertThat(browser.find(By.id("people")).isDisplayed()).isTrue();
    assertThat(formsInMain()).isEmpty();
    browser.open("/console/admin/users/" + someone);
    assertThat(browser.text("person-roles")).isEqualTo("AGENT");
    assertThat(formsInMain()).isEmpty();
    browser.open("/console/admin/keys");
    assertThat(browser.page()).contains(keyId);
    assertThat(formsInMain()).isEmpty();
  }

  @Test
  void thePeopleArePagedInUsernameOrder() {
    signedInAdmin();
    String first = person("AGENT");
    browser.open("/console/admin/users?after=" + first);
    List<String> shown = browser.find(By.id("people")).findElements(By.cssSelector(
        "a.person-link")).stream().map(a -> a.getAttribute("data-person")).toList();
    assertThat(shown).hasSizeLessThanOrEqualTo(ConsoleUsersController.PAGE_SIZE)
        .doesNotContain(first).allSatisfy(u -> assertThat(u).isGreaterThan(first))
        .isSorted();
    assertThat(browser.find(By.id("first-page")).getAttribute("href"))
        .endsWith("/console/admin/users");
  }

  private void fillAddForm(String username, String password, String role) {
    browser.type("new-username", username);
    browser.type("new-password", password);
    browser.find(By.id("new-role-" + role)).click();
  }

  private List<WebElement> formsInMain() {
    return browser.find(By.id("main")).findElements(By.tagName("form"));
  }

  /** A screening with {@code secret} as the platform's key; returns the status. */
  private int screen(String secret) throws Exception {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("transfer_id", id("t"));
    t.put("sender_account", id("sender"));
    t.put("recipient_account", id("recipient"));
    t.put("amount_minor", 1_000);
    t.put("currency", "USD");
    t.put("channel", "p2p");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port() + "/v1/transfers/screen"))
            .header("Authorization", "Bearer " + secret)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Api.json(t))).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The audit rows about {@code entityId}, as "actor action". */
  private List<String> audit(String entityId) {
    return jdbc.queryForList("SELECT actor || ' ' || action FROM audit_log WHERE entity_id = ?"
        + " ORDER BY audit_id", String.class, entityId);
  }
}
