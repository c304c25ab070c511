package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;

/**
 * The institute's choices of languages: only the configured ones have an edition, one without a
 * published piece shows nowhere, and listings may keep to their language's own pieces.
 */
class LanguageChoicesTest {

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of("site.languages", "en,ru,de", "site.untranslated-in-listings", "false"), true);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Document page(String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body(), TestSite.BASE_URL + path);
  }

  @Test
  void onlyConfiguredLanguagesWithPublishedPiecesHaveAnEdition() {
    assertThat(page("/").select("a.language-link").eachAttr("hreflang")).containsExactly("en", "ru");
    assertThat(page("/").select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
        .containsExactly("en", "ru", "x-default");
    assertThat(site.get("/de/").statusCode()).isEqualTo(404);
    assertThat(site.get("/de/publications").statusCode()).isEqualTo(404);
    assertThat(site.get("/hy/").statusCode()).isEqualTo(404);
    // Armenian has pieces but no edition: its old listing stays where it was
    assertThat(site.get("/languages/hy").statusCode()).isEqualTo(200);
    assertThat(site.get("/languages/ru").statusCode()).isEqualTo(301);
  }

  @Test
  void listingsCanKeepToTheirLanguagesOwnPieces() {
    assertThat(page("/ru/publications").select(".card")).isNotEmpty().allMatch(card -> card.attr("lang").isEmpty());
    assertThat(page("/ru/publications").select(".lang-tag")).isEmpty();
    assertThat(page("/publications").select(".lang-tag")).isEmpty();
    assertThat(page("/publications").select(".card-title a").eachAttr("href"))
        .doesNotContain("/publications/tarify-na-elektroenergiyu-v-tsentralnoy-azii-reforma-bez-shoka");
  }

  @Test
  void anEditionsHomeAnswersWithAndWithoutItsSlash() {
    assertThat(page("/ru").select("link[rel=canonical]").attr("href")).isEqualTo(TestSite.BASE_URL + "/ru/");
    assertThat(page("/ru/").select("html").attr("lang")).isEqualTo("ru");
  }
}
