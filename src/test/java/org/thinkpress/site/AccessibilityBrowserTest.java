package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.thinkpress.app.TestSite;
import org.thinkpress.testing.Axe;
import org.thinkpress.testing.Chromium;

/**
 * Every page type of the public site, in each of its languages, has no axe-core violation at a
 * desktop's width or a phone's, with the demo's images shown.
 */
class AccessibilityBrowserTest {

  static final List<String> PAGES = new ArrayList<>(HtmlValidityTest.PAGES);

  static {
    PAGES.add("/search?q=energy");
    PAGES.add("/subscribe");
  }

  static TestSite site;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    chromium = Chromium.start();
    chromium.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void everyPageTypeHasNoViolationOnADesktop() {
    thenNoPageHasViolations(Chromium.DESKTOP, false);
  }

  @Test
  void everyPageTypeHasNoViolationOnAPhone() {
    thenNoPageHasViolations(Chromium.PHONE, true);
  }

  @Test
  void axeFindsAViolationWhenThereIsOne() {
    chromium.viewport(Chromium.DESKTOP, false);
    chromium.driver().get("data:text/html,<!DOCTYPE html><html><head><title>x</title></head>"
        + "<body><main><img src='x.png'></main></body></html>");

    assertThat(Axe.violations(chromium.driver())).anyMatch(line -> line.startsWith("html-has-lang (serious)"))
        .anyMatch(line -> line.startsWith("image-alt (critical)"));
  }

  private static void thenNoPageHasViolations(Dimension size, boolean mobile) {
    chromium.viewport(size, mobile);
    Map<String, List<String>> violations = new LinkedHashMap<>();
    for (String path : PAGES) {
      chromium.driver().get(site.uri(path).toString());
      List<String> found = Axe.violations(chromium.driver());
      if (!found.isEmpty()) {
        violations.put(path, found);
      }
    }
    assertThat(violations).isEmpty();
  }
}
