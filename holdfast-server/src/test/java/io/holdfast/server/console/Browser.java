package io.holdfast.server.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium (Debian's, with its chromedriver) for the console's journeys. The
 * flags are those this machine needs: no sandbox as root, no background networking (the
 * network is closed, and Chromium would keep trying), a fresh profile each time.
 * Screenshots go to {@code target/console/}, or to the directory named by
 * {@code holdfast.console.screenshots} (for example {@code ../docs/console} to refresh the
 * README's pictures).
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private final WebDriver driver;
  private final String base;
  private final Path profile;

  Browser(int port) throws IOException {
    this.base = "http://127.0.0.1:" + port;
    this.profile = Files.createTempDirectory("holdfast-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  void open(String path) {
    driver.get(base + path);
  }

  void signIn(String username, String password) {
    open("/console/login");
    type("username", username);
    type("password", password);
    click("sign-in");
  }

  void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Clicks and, when the click leaves the page (a link, a form's button), waits until the next
   * page has replaced it, so what is read next is the new page.
   */
  void click(String id) {
    click(driver.findElement(By.id(id)));
  }

  void click(WebElement element) {
    element.click();
    try {
      // Gone from the page: stale, or (while Chromium swaps documents) not in one at all.
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
        try {
          element.isEnabled();
          return false;
        } catch (org.openqa.selenium.WebDriverException gone) {
          return true;
        }
      });
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "complete".equals(
          ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
              "return document.readyState")));
    } catch (org.openqa.selenium.TimeoutException stayed) {
      // The click did not leave the page (an option in a list): nothing to wait for.
    }
  }

  /**
   * Waits until the element's text contains {@code text}, for a part of the page that htmx
   * replaces after a request (the page itself stays), and returns the text.
   */
  String waitForText(String id, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(
        ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    return text(id);
  }

  /** Waits up to ten seconds for an element a script adds (a chart), then returns it. */
  WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(by));
  }

  java.util.List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  String page() {
    return driver.getPageSource();
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  /** The session cookie, for a request made outside the browser with the same session. */
  String sessionCookie() {
    Cookie c = driver.manage().getCookieNamed("JSESSIONID");
    return c == null ? null : "JSESSIONID=" + c.getValue();
  }

  void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("holdfast.console.screenshots", "target/console"));
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
