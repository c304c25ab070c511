package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thinkpress.app.TestSite;
import org.thinkpress.testing.Chromium;

/**
 * The header on a phone: the menu folds into a {@code <details>} disclosure, which the browser opens
 * by itself (no script of the site's takes part), and the language switcher stays in the header.
 */
class PhoneMenuBrowserTest {

  static TestSite site;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    chromium = Chromium.start();
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
  void onAPhoneTheMenuOpensFromItsButton() {
    chromium.viewport(Chromium.PHONE, true);
    chromium.driver().get(site.uri("/ru/").toString());

    assertThat(chromium.driver().findElement(By.cssSelector(".site-nav")).isDisplayed()).isFalse();
    WebElement summary = chromium.driver().findElement(By.cssSelector(".phone-menu > summary"));
    assertThat(summary.getText()).isEqualTo("Меню");
    assertThat(links()).allMatch(link -> !link.isDisplayed());

    summary.click();

    assertThat(links()).extracting(WebElement::getText)
        .containsExactly("Публикации", "Темы", "Регионы", "Эксперты", "Архив");
    assertThat(links()).allMatch(WebElement::isDisplayed);
    assertThat(chromium.driver().findElements(By.cssSelector("header .language-switcher a.language-link")))
        .extracting(WebElement::getText).containsExactly("English", "Русский", "Հայերեն");
  }

  @Test
  void onADesktopTheMenuIsOpenAndThePhonesButtonHidden() {
    chromium.viewport(Chromium.DESKTOP, false);
    chromium.driver().get(site.uri("/").toString());

    assertThat(chromium.driver().findElement(By.cssSelector(".phone-menu")).isDisplayed()).isFalse();
    assertThat(chromium.driver().findElements(By.cssSelector(".site-nav a"))).allMatch(WebElement::isDisplayed);
  }

  private static List<WebElement> links() {
    return chromium.driver().findElements(By.cssSelector(".phone-menu a"));
  }
}
