package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;
import org.thinkpress.testing.Chromium;

/**
 * Site pages through the admin in a real browser: write a page in the editor (which hides what a
 * page has no use for), save it, find it in the Pages list, edit and publish it, and read it at
 * {@code /SLUG}; a reserved slug is refused with a message that names it, and nothing typed is lost.
 */
class PagesBrowserTest {

  TestSite site;
  Chromium chromium;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() {
    chromium = Chromium.start();
    browser = chromium.driver();
    wait = chromium.waiting();
    site = TestSite.start(Map.of(), true);
    site.app().accounts().create("editor@think.example", "Eda Editor", Role.EDITOR, "a long enough password");
  }

  @AfterEach
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (site != null) {
      site.close();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + site.port() + path;
  }

  @Test
  void createEditPublishAndReadAPageAtTheRoot() {
    signIn("/admin/pages/new");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New page");
    assertThat(browser.findElements(By.id("type"))).as("no type to choose").isEmpty();
    assertThat(browser.findElements(By.id("experts-choice"))).as("no experts to tick").isEmpty();
    assertThat(browser.findElements(By.name("featured"))).as("no home page to feature it on").isEmpty();

    browser.findElement(By.id("title")).sendKeys("Team");
    assertThat(browser.findElement(By.id("slug")).getAttribute("value")).isEqualTo("team");
    browser.findElement(By.id("standfirst")).sendKeys("The people behind the Institute's research.");
    browser.findElement(By.id("body")).sendKeys("## Research staff\n\nTwenty researchers in four programmes.\n");
    wait.until(d -> d.findElements(By.cssSelector("#live-preview h2#research-staff")).size() == 1);
    browser.findElement(By.cssSelector("button[name=action][value=save]")).click();
    wait.until(ExpectedConditions.urlMatches("/admin/publications/[0-9]+\\?done=created"));
    String editUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
    assertThat(site.get("/team").statusCode()).as("a draft is not on the site").isEqualTo(404);

    browser.get(url("/admin/pages"));
    WebElement row = browser.findElement(By.linkText("Team"));
    assertThat(row.getAttribute("href")).isEqualTo(editUrl);
    browser.get(url("/admin"));
    assertThat(browser.findElements(By.linkText("Team"))).as("the publications list leaves pages out").isEmpty();

    browser.get(editUrl);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Team");
    WebElement title = browser.findElement(By.id("title"));
    title.clear();
    title.sendKeys("Our team");
    browser.findElement(By.cssSelector("button[name=action][value=publish]")).click();
    wait.until(ExpectedConditions.urlContains("done=publish"));
    assertThat(browser.findElement(By.cssSelector(".meta .status")).getText()).isEqualTo("published");
    assertThat(browser.findElement(By.linkText("View on the site")).getAttribute("href")).isEqualTo(url("/team"));

    browser.findElement(By.linkText("View on the site")).click();
    wait.until(ExpectedConditions.urlToBe(url("/team")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Our team");
    assertThat(browser.findElement(By.cssSelector(".site-page .standfirst")).getText())
        .isEqualTo("The people behind the Institute's research.");
    assertThat(browser.findElements(By.cssSelector(".prose h2#research-staff"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".site-page-footer")).getText()).startsWith("Last updated");
  }

  @Test
  void aReservedSlugIsRefusedByName() {
    signIn("/admin/pages/new");
    browser.findElement(By.id("title")).sendKeys("Search tips");
    WebElement slug = browser.findElement(By.id("slug"));
    slug.clear();
    slug.sendKeys("search");
    browser.findElement(By.id("body")).sendKeys("How to search the site.");
    browser.findElement(By.cssSelector("button[name=action][value=save]")).click();

    wait.until(d -> !d.findElements(By.cssSelector(".admin-error, [role=alert]")).isEmpty());
    assertThat(browser.findElement(By.cssSelector(".admin-error, [role=alert]")).getText())
        .contains("the page slug 'search' is reserved: /search is an address of the site itself; choose another slug");
    assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Search tips");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New page");
    assertThat(browser.findElements(By.id("type"))).as("still the page editor").isEmpty();
  }

  void signIn(String path) {
    browser.get(url(path));
    wait.until(ExpectedConditions.urlContains("/admin/login"));
    browser.findElement(By.id("email")).sendKeys("editor@think.example");
    browser.findElement(By.id("password")).sendKeys("a long enough password");
    browser.findElement(By.cssSelector("form.admin-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains(path));
  }
}
