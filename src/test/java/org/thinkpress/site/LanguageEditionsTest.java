package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;

/**
 * The site in each of its languages, on the demo site (English, Russian, Armenian): each edition's
 * home, listings and feeds; the language switcher and the hreflang alternates of every kind of page.
 */
class LanguageEditionsTest {

  static final String BASE = TestSite.BASE_URL;
  static final String GRAIN_EN = "/publications/black-sea-grain-exports-under-pressure";
  static final String GRAIN_RU = "/publications/eksport-zerna-cherez-chernoe-more-pod-davleniem";
  static final String CABLE_EN = "/publications/a-cable-under-the-black-sea-the-green-energy-corridor";
  static final String TARIFFS_RU = "/publications/tarify-na-elektroenergiyu-v-tsentralnoy-azii-reforma-bez-shoka";

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Document page(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body(), BASE + path);
  }

  /** The switcher ({@code a.language-link}): language to link, and which one is current. */
  static Map<String, String> switcher(Document page) {
    Map<String, String> links = new LinkedHashMap<>();
    for (Element link : page.select("a.language-link")) {
      links.put(link.attr("hreflang") + ("true".equals(link.attr("aria-current")) ? " (current)" : ""), link.attr("href"));
    }
    return links;
  }

  static Map<String, String> alternates(Document page) {
    Map<String, String> links = new LinkedHashMap<>();
    for (Element link : page.select("link[rel=alternate][hreflang]")) {
      links.put(link.attr("hreflang"), link.attr("href"));
    }
    return links;
  }

  static List<String> cards(Document page) {
    return page.select(".card-title a").eachAttr("href");
  }

  @Test
  void eachLanguageHasAHomeInItsLanguageWithSwitcherAndAlternates() {
    Document ru = page("/ru/");
    assertThat(ru.select("html").attr("lang")).isEqualTo("ru");
    assertThat(ru.select(".site-nav a").eachAttr("href"))
        .containsExactly("/ru/publications", "/ru/topics", "/ru/regions", "/ru/experts", "/ru/archive");
    assertThat(ru.select(".site-nav a").eachText()).contains("Публикации");
    assertThat(switcher(ru)).containsExactly(Map.entry("en", "/"), Map.entry("ru (current)", "/ru/"), Map.entry("hy", "/hy/"));
    Map<String, String> homes = Map.of("en", BASE + "/", "ru", BASE + "/ru/", "hy", BASE + "/hy/", "x-default", BASE + "/");
    assertThat(alternates(ru)).containsExactlyInAnyOrderEntriesOf(homes);
    assertThat(alternates(page("/"))).containsExactlyInAnyOrderEntriesOf(homes);
    assertThat(alternates(page("/hy/"))).containsExactlyInAnyOrderEntriesOf(homes);
    assertThat(switcher(page("/"))).containsExactly(Map.entry("en (current)", "/"), Map.entry("ru", "/ru/"), Map.entry("hy", "/hy/"));
    assertThat(page("/hy/").select("html").attr("lang")).isEqualTo("hy");
    assertThat(ru.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/ru/");
  }

  @Test
  void aLanguagesListingShowsItsPiecesAndTheUntranslatedOnesMarkedWithTheirLanguage() {
    Document ru = page("/ru/publications");
    List<String> cards = new java.util.ArrayList<>(cards(ru));
    cards.addAll(cards(page("/ru/publications?page=2")));
    assertThat(cards).contains(GRAIN_RU, TARIFFS_RU, CABLE_EN).doesNotContain(GRAIN_EN);
    Element cable = ru.select(".card:has(a[href=" + CABLE_EN + "])").first();
    assertThat(cable.attr("lang")).isEqualTo("en");
    assertThat(cable.select(".lang-tag").text()).isEqualTo("English");
    Element tariffs = ru.select(".card:has(a[href=" + TARIFFS_RU + "])").first();
    assertThat(tariffs.attr("lang")).isEmpty();
    assertThat(tariffs.select(".lang-tag")).isEmpty();

    List<String> main = new java.util.ArrayList<>(cards(page("/publications")));
    main.addAll(cards(page("/publications?page=2")));
    assertThat(main).contains(GRAIN_EN, TARIFFS_RU).doesNotContain(GRAIN_RU);
  }

  @Test
  void aListingsSwitcherAndAlternatesLeadToTheSameListingInEachLanguage() {
    Document energy = page("/ru/topics/energy");
    assertThat(energy.select("h1").text()).contains("Энергетика и климат");
    assertThat(switcher(energy)).containsExactly(Map.entry("en", "/topics/energy"),
        Map.entry("ru (current)", "/ru/topics/energy"), Map.entry("hy", "/hy/topics/energy"));
    assertThat(alternates(energy)).containsExactlyInAnyOrderEntriesOf(Map.of("en", BASE + "/topics/energy",
        "ru", BASE + "/ru/topics/energy", "hy", BASE + "/hy/topics/energy", "x-default", BASE + "/topics/energy"));
    assertThat(alternates(page("/topics/energy"))).containsEntry("x-default", BASE + "/topics/energy").hasSize(4);
    assertThat(page("/ru/topics").select(".site-nav a[aria-current=page]").attr("href")).isEqualTo("/ru/topics");
  }

  @Test
  void aPublicationsSwitcherLeadsToItsTranslationsElseToTheLanguagesHome() {
    Document grain = page(GRAIN_EN);
    assertThat(switcher(grain)).containsExactly(Map.entry("en (current)", GRAIN_EN), Map.entry("ru", GRAIN_RU),
        Map.entry("hy", "/hy/"));
    Map<String, String> grainVersions = Map.of("en", BASE + GRAIN_EN, "ru", BASE + GRAIN_RU, "x-default", BASE + GRAIN_EN);
    assertThat(alternates(grain)).containsExactlyInAnyOrderEntriesOf(grainVersions);
    Document russian = page(GRAIN_RU);
    assertThat(alternates(russian)).containsExactlyInAnyOrderEntriesOf(grainVersions);
    assertThat(switcher(russian)).containsExactly(Map.entry("en", GRAIN_EN), Map.entry("ru (current)", GRAIN_RU),
        Map.entry("hy", "/hy/"));
    assertThat(russian.select(".site-nav a").first().attr("href")).isEqualTo("/ru/publications");
  }

  @Test
  void aPublicationWithoutTranslationsHasNoAlternatesAndItsSwitcherLeadsToTheHomes() {
    Document cable = page(CABLE_EN);
    assertThat(alternates(cable)).isEmpty();
    assertThat(switcher(cable)).containsExactly(Map.entry("en (current)", CABLE_EN), Map.entry("ru", "/ru/"),
        Map.entry("hy", "/hy/"));
    Document tariffs = page(TARIFFS_RU);
    assertThat(alternates(tariffs)).isEmpty();
    assertThat(switcher(tariffs)).containsExactly(Map.entry("en", "/"), Map.entry("ru (current)", TARIFFS_RU),
        Map.entry("hy", "/hy/"));
  }

  @Test
  void datesAndReadingTimesAreWrittenInThePagesLanguage() {
    Document tariffs = page(TARIFFS_RU);
    assertThat(tariffs.select("time").first().text()).matches("\\d{1,2} (января|февраля|марта|апреля|мая|июня|июля"
        + "|августа|сентября|октября|ноября|декабря) \\d{4}.*");
    assertThat(tariffs.text()).containsPattern("\\d+ (минута|минуты|минут) чтения");
    assertThat(page("/hy/publications").text()).containsPattern("\\d+ րոպե ընթերցանություն");
  }

  @Test
  void eachLanguageHasItsFeedsAndTheOldLanguageListingMovedToItsHome() {
    HttpResponse<String> feed = site.get("/ru/feed.xml");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).contains("<language>ru</language>").contains(BASE + GRAIN_RU).doesNotContain(BASE + GRAIN_EN + "<");
    assertThat(site.get("/ru/topics/energy/atom.xml").body()).contains("<title type=\"html\">Энергетика и климат | ");
    HttpResponse<String> moved = site.get("/languages/ru");
    assertThat(moved.statusCode()).isEqualTo(301);
    assertThat(moved.headers().firstValue("Location")).hasValue("/ru/");
    assertThat(site.get("/languages/ka").statusCode()).isEqualTo(404);
  }

  @Test
  void aLanguageTheSiteHasNoEditionInIsNotFound() {
    assertThat(site.get("/de/").statusCode()).isEqualTo(404);
    assertThat(site.get("/de/publications").statusCode()).isEqualTo(404);
    assertThat(site.get("/ru/topics/no-such-topic").statusCode()).isEqualTo(404);
  }

  @Test
  void theSitemapListsEachEditionsListingsWithTheirAlternatesAndPublicationsWithXDefault() {
    String sitemap = site.get("/sitemap.xml").body();
    assertThat(sitemap).contains("<loc>" + BASE + "/ru/topics/energy</loc>")
        .contains("<loc>" + BASE + "/hy/</loc>")
        .contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + "/topics/energy\"")
        .contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + GRAIN_EN + "\"")
        .doesNotContain("/languages/");
  }
}
