package org.thinkpress.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for the tests that need a real
 * browser. Without the two programs a test is skipped, except under {@code CI=true}, where it fails:
 * CI must run every browser test ({@code .ci/run} installs them).
 */
public final class Chromium implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** A desktop window and a phone's (Lighthouse's mobile preset is 412 x 823). */
  public static final Dimension DESKTOP = new Dimension(1350, 940);
  public static final Dimension PHONE = new Dimension(412, 823);

  private final WebDriver driver;
  private final Path profile;

  private Chromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser, or skips the calling test when none is installed and this is not CI. */
  public static Chromium start() {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + BINARY + " or " + DRIVER + " is missing: the"
            + " browser tests must run in CI (install chromium and chromium-driver, as .ci/run does)");
      }
      Assumptions.abort("Browser test skipped: " + BINARY + " or " + DRIVER + " is not installed"
          + " (apt-get install chromium chromium-driver); it is mandatory when CI=true");
    }
    try {
      Path profile = Files.createTempDirectory("thinkpress-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BINARY.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + profile);
      // The driver is named explicitly, so Selenium Manager never looks for (or downloads) one.
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
      return new Chromium(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** A wait of at most 15 seconds, for what the page does after it loads. */
  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /**
   * Makes the page's viewport this size, as a phone's ({@code mobile}: touch, device pixel ratio
   * 2.625 as Lighthouse's mobile preset) or a desktop's; pages loaded after it see that width.
   */
  public void viewport(Dimension size, boolean mobile) {
    ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
        "height", size.height, "deviceScaleFactor", mobile ? 2.625 : 1, "mobile", mobile));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      TempFolders.delete(profile);
    }
  }
}
