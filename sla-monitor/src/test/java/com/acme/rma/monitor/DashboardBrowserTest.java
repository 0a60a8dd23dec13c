package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The ops dashboard in a real headless Chromium: a breach produced on Kafka appears on the open
 * page without a reload.
 */
@QuarkusTest
class DashboardBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TestHTTPResource("/")
  URL page;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "rma.dashboard.intake-url")
  String intakeUrl;

  @Inject MutableClock clock;

  private static WebDriver browser;
  private static Path profile;

  @BeforeAll
  static void openBrowser() throws IOException {
    Chromium.ensureInstalled();
    profile = Files.createTempDirectory("sla-dashboard-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Chromium.BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Chromium.DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    deleteQuietly(profile == null ? null : profile.toFile());
  }

  /** Tue 2026-05-12 10:00 Tokyo, after Golden Week. */
  private static final Instant NOW = Instant.parse("2026-05-12T01:00:00Z");

  @BeforeEach
  void fixedTime() {
    clock.set(NOW);
  }

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  @Test
  void thePageItselfIsServedWithoutAToken() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("RMA SLA monitor"));
    given().get("/dashboard.js").then().statusCode(200);
  }

  @Test
  void aBreachProducedOnKafkaAppearsOnTheOpenPageWithoutAReload() throws IOException {
    // this instance must follow sla.alerts before the breach is written
    await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
    signIn(TestTokens.ops());
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    wait.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#counts tbody tr")));
    Object loadedAt = js("return window.dashboardLoadedAt");
    assertNotNull(loadedAt);
    js("window.sameDocumentMarker = 'still here'; return null;");

    String rma = Fixtures.newRmaNumber();
    assertTrue(
        browser.findElements(By.cssSelector("#breached tr[data-rma='" + rma + "']")).isEmpty());
    // authorized at Gold on Fri 2026-05-01 10:00 Tokyo, due Thu 2026-05-07 17:30 (Golden Week):
    // long overdue at NOW, breached the moment it is consumed
    new KafkaTestClient(bootstrap)
        .sendCloudEvent(
            "rma.lifecycle",
            rma,
            "rma.authorized.v1",
            "/rma-intake",
            Fixtures.authorized(rma, "GOLD", Instant.parse("2026-05-01T01:00:00Z")));

    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#breached tr[data-rma='" + rma + "']")));
    assertTrue(row.getText().contains("GOLD"), row.getText());
    assertTrue(row.getText().contains("SHIPMENT"), row.getText());
    assertFalse(
        browser.findElements(By.cssSelector("#feed li[data-rma='" + rma + "']")).isEmpty(),
        "the alert is in the live feed");

    // the same document, never reloaded
    assertEquals(loadedAt, js("return window.dashboardLoadedAt"));
    assertEquals("still here", js("return window.sameDocumentMarker"));
    screenshot("target/dashboard-breach.png");
  }

  @Test
  void theNewPanelsRenderFromRealDataInTheCalendarsZoneWithoutHorizontalScroll()
      throws IOException {
    await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
    // a calendar change (in 2031: no clock of any test is touched), a repair, a breach in May 2026
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .contentType("application/json")
        .body(Map.of("reason", "Dashboard test closure"))
        .put("/api/v1/calendars/JP/closures/2031-01-08")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .contentType("application/json")
        .body(Map.of("from", "2031-01-01", "to", "2031-01-31", "reason", "Dashboard test repair"))
        .post("/api/v1/slas/repair")
        .then()
        .statusCode(200);
    String rma = Fixtures.newRmaNumber();
    new KafkaTestClient(bootstrap)
        .sendCloudEvent(
            "rma.lifecycle",
            rma,
            "rma.authorized.v1",
            "/rma-intake",
            Fixtures.authorized(rma, "GOLD", Instant.parse("2026-05-01T01:00:00Z")));
    await()
        .atMost(WAIT)
        .until(
            () ->
                "BREACHED"
                    .equals(
                        given()
                            .auth()
                            .oauth2(TestTokens.ops())
                            .get("/api/v1/slas/{n}", rma)
                            .jsonPath()
                            .getString("state")));

    String opsToken = TestTokens.ops();
    signIn(opsToken);
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#breached tr[data-rma='" + rma + "']")));
    // unambiguous times in the calendar's zone; the RMA links to intake's timeline
    assertTrue(row.getText().contains("2026-05-07 17:30 JST"), row.getText());
    WebElement link = row.findElement(By.tagName("a"));
    assertEquals(intakeUrl + "/api/v1/rmas/" + rma + "/timeline", link.getAttribute("href"));
    // this month (May 2026, the service's clock) by level, counted from the clocks
    WebElement gold =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report tr[data-group='GOLD']")));
    assertTrue(Integer.parseInt(gold.findElements(By.tagName("td")).get(2).getText()) >= 1);
    // the chart has a breach on 7 May (the deadline passed that day)
    WebElement bar =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart rect.bar-breached[data-day='2026-05-07']")));
    assertTrue(Integer.parseInt(bar.getAttribute("data-count")) >= 1);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("changes"), "Dashboard test closure"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("repairs"), "Dashboard test repair"));
    // intake's paused webhooks (IntakeStandIn answers as intake does), read with the ops token
    WebElement paused =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#webhooks tr[data-webhook]")));
    assertTrue(paused.getText().contains(IntakeStandIn.PAUSED_URL), paused.getText());
    assertTrue(paused.getText().contains(IntakeStandIn.PAUSED_REASON), paused.getText());
    assertTrue(paused.getText().contains("2026-05-07 09:15 JST"), paused.getText());
    assertEquals("(1)", browser.findElement(By.id("webhooks-status")).getText());
    // the RMA opens its timeline in the page
    assertFalse(browser.findElement(By.id("timeline-card")).isDisplayed());
    link.click();
    WebElement breachStep =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline tr[data-type='sla.breached']")));
    assertTrue(breachStep.getText().contains("2026-05-07 17:30 JST"), breachStep.getText());
    assertEquals(rma, browser.findElement(By.id("timeline-rma")).getText());
    assertEquals(2, browser.findElements(By.cssSelector("#timeline tbody tr")).size());
    assertTrue(
        IntakeStandIn.AUTHORIZATIONS.contains("Bearer " + opsToken),
        "intake was read with the ops token: " + IntakeStandIn.AUTHORIZATIONS);
    // 1400 px wide: the page never scrolls sideways
    assertEquals(
        Boolean.TRUE,
        js(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                + " && document.body.scrollWidth <= document.documentElement.clientWidth"));
    screenshot("target/dashboard-panels.png");
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .delete("/api/v1/calendars/JP/closures/2031-01-08")
        .then()
        .statusCode(200);
  }

  @Test
  void aBreachCorrectedByAShipmentDatedInTimeLeavesTheBreachedListWithoutAReload() {
    await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
    signIn(TestTokens.ops());
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    wait.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
    Object loadedAt = js("return window.dashboardLoadedAt");

    String rma = Fixtures.newRmaNumber();
    KafkaTestClient kafka = new KafkaTestClient(bootstrap);
    kafka.sendCloudEvent(
        "rma.lifecycle",
        rma,
        "rma.authorized.v1",
        "/rma-intake",
        Fixtures.authorized(rma, "GOLD", Instant.parse("2026-05-01T01:00:00Z")));
    By row = By.cssSelector("#breached tr[data-rma='" + rma + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));

    // the carrier's feed lagged: shipped exactly at the deadline (17:30 Tokyo on 2026-05-07)
    kafka.sendCloudEvent(
        "dispatch.shipments",
        rma,
        "dispatch.shipment.shipped.v1",
        "/rma-dispatch",
        Fixtures.event(
            "dispatch.shipment.shipped.v1",
            Map.of(
                "rmaNumber", rma, "serviceLevel", "GOLD", "occurredAt", "2026-05-07T08:30:00Z")));

    wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
    WebElement met =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li[data-rma='" + rma + "'][data-type='sla.met.v1']")));
    assertTrue(met.getText().contains("withdrawn"), met.getText());
    assertEquals(loadedAt, js("return window.dashboardLoadedAt"));
  }

  @Test
  void aTokenWithoutTheOpsRoleIsRefusedOnThePage() {
    signIn(TestTokens.partner("P-1001"));
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    assertTrue(error.getText().contains("ops"), error.getText());
    assertFalse(browser.findElement(By.id("board")).isDisplayed());
  }

  private void signIn(String token) {
    browser.get(page.toString());
    js("sessionStorage.clear(); return null;");
    browser.navigate().refresh();
    WebElement input = browser.findElement(By.id("token-input"));
    input.sendKeys(token);
    browser.findElement(By.id("connect")).click();
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static void screenshot(String path) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of(path), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteQuietly(File file) {
    if (file == null) {
      return;
    }
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
