package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.testing.Eventually.eventually;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.DemoContent;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.testing.TestClock;

/**
 * The admin in a real browser (Debian's headless Chromium, driven through its chromedriver): sign
 * in, write a piece with a heading, a table and an uploaded image, watch the live preview, open
 * the preview, schedule it, and find it on the public site, in the feed and in the sitemap once
 * its time comes (the server's clock is moved by the test). And a campaign: composed with its
 * live preview, confirmed with its number of recipients, sent, its progress followed by the
 * send page's script.
 *
 * <p>Without {@code /usr/bin/chromium} the test is skipped with a message, except when {@code CI}
 * is {@code true}: there a missing or broken browser fails the build.
 */
class EditorBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  static final String TITLE = "Interconnectors and the winter peak";

  Path folder;
  ThinkPress app;
  int port;
  TestClock clock;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: the"
            + " browser tests must run in CI (install chromium and chromium-driver, as .ci/run does)");
      }
      Assumptions.abort("Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed"
          + " (apt-get install chromium chromium-driver); it is mandatory when CI=true");
    }
    folder = Files.createTempDirectory("thinkpress-browser-");
    clock = new TestClock(NOW);
    // No sender: a campaign's rows stay queued until the test moves them, so the send page is seen unfinished.
    app = ThinkPress.open(ConfigLoader.load(null, Map.of(), Map.of("server.port", "0", "data.dir",
        folder.resolve("data").toString(), "site.url", "https://think.example", "newsletter.sender", "false")), clock);
    DemoContent.loadOnce(app.contentStore());
    port = app.serve().port();
    app.accounts().create("editor@think.example", "Eda Editor", Role.EDITOR, "a long enough password");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1200", "--user-data-dir=" + folder.resolve("chrome-profile"));
    // The driver is named explicitly, so Selenium Manager never looks for (or downloads) one.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (folder != null) {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void writePreviewScheduleAndSeeItPublished() throws Exception {
    signIn("/admin/publications/new");

    // write: the slug follows the title; the live preview follows the body
    browser.findElement(By.id("title")).sendKeys(TITLE);
    assertThat(browser.findElement(By.id("slug")).getAttribute("value")).isEqualTo("interconnectors-and-the-winter-peak");
    browser.findElement(By.id("standfirst")).sendKeys("Where the grid is short of power in January.");
    WebElement body = browser.findElement(By.id("body"));
    body.sendKeys("## Peak demand\n\nThe numbers by country:\n\n| Country | Peak (GW) |\n|---|---|\n| Georgia | 2.6 |\n"
        + "| Armenia | 1.6 |\n");
    wait.until(d -> d.findElements(By.cssSelector("#live-preview h2#peak-demand")).size() == 1);
    wait.until(d -> d.findElements(By.cssSelector("#live-preview table td")).size() == 4);

    // upload an image into the body, through the script
    Path png = folder.resolve("grid-map.png");
    BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0x1b3a5c);
    ImageIO.write(image, "png", png.toFile());
    browser.findElement(By.id("upload-file")).sendKeys(png.toAbsolutePath().toString());
    browser.findElement(By.id("upload-alt")).sendKeys("Map of the interconnectors");
    browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "Uploaded"));
    assertThat(body.getAttribute("value")).containsPattern("!\\[Map of the interconnectors\\]\\(/media/[0-9a-f]{32}\\.png\\)");
    wait.until(d -> d.findElements(By.cssSelector("#live-preview img[src^='/media/']")).size() == 1);

    browser.findElement(By.cssSelector("button[name=action][value=save]")).click();
    wait.until(ExpectedConditions.urlMatches("/admin/publications/[0-9]+\\?done=created"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Created.");
    String editUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");

    // preview: the draft as readers will see it, the image really loaded
    browser.findElement(By.linkText("Preview")).click();
    wait.until(ExpectedConditions.urlContains("/preview"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
    assertThat(browser.findElements(By.cssSelector(".prose h2#peak-demand"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".prose table th"))).hasSize(2);
    WebElement shown = browser.findElement(By.cssSelector(".prose img"));
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth === 64", shown));
    screenshot("preview");

    // schedule for noon; the form's field is a datetime-local in the site's zone (UTC)
    browser.get(editUrl);
    WebElement when = browser.findElement(By.id("published_at"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-06-01T12:00'", when);
    browser.findElement(By.cssSelector("button[name=action][value=schedule]")).click();
    wait.until(ExpectedConditions.urlContains("done=schedule"));
    assertThat(browser.findElement(By.cssSelector(".meta .status")).getText()).isEqualTo("scheduled");
    screenshot("editor");

    String path = "/publications/interconnectors-and-the-winter-peak";
    assertThat(status(path)).isEqualTo(404);

    // noon comes: the server's publisher puts it live within one round (5 s)
    clock.set(Instant.parse("2026-06-01T12:00:00Z"));
    eventually("published within 15 s", Duration.ofSeconds(15), () -> status(path) == 200);

    browser.get(url(path));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
    assertThat(browser.findElements(By.cssSelector(".prose table td"))).hasSize(4);
    WebElement published = browser.findElement(By.cssSelector(".prose img"));
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth === 64", published));
    screenshot("public");

    browser.get(url("/feed.xml"));
    assertThat(browser.getPageSource()).contains(TITLE);
    browser.get(url("/sitemap.xml"));
    assertThat(browser.getPageSource()).contains("https://think.example" + path);
  }

  @Test
  void composeACampaignAndWatchItsProgress() throws IOException {
    app.subscribers().importCsv(new java.io.StringReader("email,consent\nana@mail.example,fair\nbob@mail.example,fair\n"),
        "browser.csv", false);
    signIn("/admin/campaigns/new");

    // the composer's live preview, then the confirmation with the number of recipients
    browser.findElement(By.id("subject")).sendKeys("Winter briefing");
    browser.findElement(By.id("body")).sendKeys("## The grid\n\nAll is **well**.");
    wait.until(d -> d.findElements(By.cssSelector("#live-preview h2")).size() == 1);
    browser.findElement(By.cssSelector("input[name=lists][value=new-publications]")).click();
    browser.findElement(By.cssSelector("#campaign-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/admin/campaigns/confirm"));
    assertThat(browser.findElement(By.id("recipients")).getText()).isEqualTo("2 recipient(s)");
    browser.findElement(By.xpath("//button[starts-with(., 'Send to 2')]")).click();
    wait.until(ExpectedConditions.urlMatches("/admin/sends/[0-9]+\\?done=campaign"));
    assertThat(browser.findElement(By.cssSelector("[data-count=queued]")).getText()).isEqualTo("2");
    // the body went through the confirmation's hidden field with its line breaks (as CRLF, like any form)
    assertThat(app.database().jdbi().withHandle(h -> h.createQuery("SELECT body_md FROM campaigns")
        .mapTo(String.class).one()).replace("\r\n", "\n")).isEqualTo("## The grid\n\nAll is **well**.");

    // the sender's work, done here by hand: the page's script sees it without a reload
    app.database().jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'submitted'"
        + " WHERE send_id = (SELECT MAX(id) FROM sends WHERE kind = 'campaign')"));
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-count=submitted]"), "2"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-state"), "finished"));
    assertThat(browser.findElement(By.cssSelector("[data-count=queued]")).getText()).isEqualTo("0");
    assertThat(browser.findElement(By.id("send-bar")).getAttribute("value")).isEqualTo("2");
    screenshot("send");
  }

  @Test
  void theBylineIsReorderedInPlaceAndSavedInThatOrder() throws IOException {
    String slug = "the-economics-of-normalisation-in-the-south-caucasus";
    long id = app.contentStore().findPublication(slug).orElseThrow().id();
    signIn("/admin/publications/" + id);
    String page = browser.getCurrentUrl();

    browser.findElement(By.cssSelector("button[aria-label='Move Lilit Arakelyan up']")).click();
    browser.findElement(By.cssSelector("#experts-choice input[value=irina-moraru]")).click();

    assertThat(browser.getCurrentUrl()).as("moved in place, nothing sent").isEqualTo(page);
    assertThat(browser.findElements(By.cssSelector("#experts-choice li.ticked input[type=checkbox]")))
        .extracting(e -> e.getAttribute("value")).containsExactly("lilit-arakelyan", "elvin-huseynli", "irina-moraru");
    assertThat(browser.findElements(By.cssSelector("#experts-choice li.ticked input[type=number]")))
        .extracting(e -> e.getAttribute("value")).containsExactly("1", "2", "3");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('experts-choice').scrollIntoView()");
    screenshot("byline");
    browser.findElement(By.cssSelector("button[name=action][value=save]")).click();
    wait.until(ExpectedConditions.urlContains("done=save"));
    var publication = app.contentStore().findPublication(slug).orElseThrow();
    assertThat(publication.toInput(app.contentStore().taxonomy()).experts())
        .containsExactly("lilit-arakelyan", "elvin-huseynli", "irina-moraru");
  }

  /** Opens an admin page, signs in on the login page it leads to, and lands back on it. */
  void signIn(String path) {
    browser.get(url(path));
    wait.until(ExpectedConditions.urlContains("/admin/login"));
    browser.findElement(By.id("email")).sendKeys("editor@think.example");
    browser.findElement(By.id("password")).sendKeys("a long enough password");
    browser.findElement(By.cssSelector("form.admin-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains(path));
  }

  int status(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Keeps a picture of the page under target/browser-test/, for people checking the look. */
  void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "browser-test");
    Files.createDirectories(target);
    Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
