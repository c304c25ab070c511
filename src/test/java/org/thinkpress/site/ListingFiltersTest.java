package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thinkpress.app.TestSite;

/** The filter links of /publications on the demo site: plain links, combinable, one address each. */
class ListingFiltersTest {

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
    return Jsoup.parse(response.body(), TestSite.BASE_URL + path);
  }

  static List<String> cards(Document page) {
    return page.select(".card-title a").eachAttr("href");
  }

  static List<String> filterLinks(Document page, String group) {
    return page.select(".filter-group:has(summary:containsOwn(" + group + ")) a").eachAttr("href");
  }

  @Test
  void theListingOffersEachDimensionsValuesAsLinksWithCounts() {
    Document all = page("/publications");
    assertThat(all.select(".filter-group summary").eachText())
        .containsExactly("Type", "Topic", "Region", "Expert", "Language", "Year");
    assertThat(filterLinks(all, "Topic")).contains("/publications?topic=energy");
    assertThat(filterLinks(all, "Year")).contains("/publications?year=2025");
    assertThat(filterLinks(all, "Language")).containsExactly("/publications?language=en", "/publications?language=hy",
        "/publications?language=ru");
    assertThat(all.select(".filter-chips")).isEmpty();
    assertThat(all.select("meta[name=robots]")).isEmpty();
  }

  @Test
  void aFilteredPageShowsWhatTheListingOfTheSameFilterShowsAndIsNotForSearchEngines() {
    Document energy = page("/publications?topic=energy");
    assertThat(cards(energy)).isEqualTo(cards(page("/topics/energy")));
    assertThat(energy.select("link[rel=canonical]").attr("href")).isEqualTo(TestSite.BASE_URL + "/publications?topic=energy");
    assertThat(energy.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(energy.select(".filter-group a[aria-current=true]").eachAttr("href")).containsExactly("/publications");
    assertThat(energy.select(".filter-chips a").eachText()).containsExactly("Remove filter: Energy and Climate",
        "Clear all filters");
    assertThat(site.get("/sitemap.xml").body()).doesNotContain("?topic=");
  }

  @Test
  void filtersCombineAndEachLinkIsTheCanonicalAddressOfItsCombination() {
    Document both = page("/publications?type=analysis&region=south-caucasus");
    assertThat(filterLinks(both, "Topic")).allMatch(href -> href.startsWith("/publications?type=analysis&topic="))
        .allMatch(href -> href.endsWith("&region=south-caucasus"));
    assertThat(both.select(".filter-chips a").eachAttr("href"))
        .containsExactly("/publications?region=south-caucasus", "/publications?type=analysis", "/publications");
    for (String href : cards(both)) {
      Document piece = page(href);
      assertThat(piece.select("meta[property=article:section]").attr("content")).isEqualTo("Analysis");
    }
    HttpResponse<String> reordered = site.get("/publications?region=south-caucasus&type=analysis");
    assertThat(reordered.statusCode()).isEqualTo(301);
    assertThat(reordered.headers().firstValue("Location")).hasValue("/publications?type=analysis&region=south-caucasus");
  }

  @Test
  void aLanguageFilterShowsThatLanguagesPiecesAndEditionsFilterToo() {
    Document russian = page("/publications?language=ru");
    assertThat(russian.select(".card")).isNotEmpty().allMatch(card -> card.attr("lang").equals("ru"));
    Document ruEnergy = page("/ru/publications?topic=energy");
    assertThat(ruEnergy.select(".filter-group summary").eachText()).contains("Тема", "Год");
    assertThat(ruEnergy.select(".filter-chips a").first().text()).isEqualTo("Убрать условие: Энергетика и климат");
    assertThat(filterLinks(ruEnergy, "Тип")).allMatch(href -> href.startsWith("/ru/publications?type="));
  }

  @Test
  void filtersThatMatchNothingSaySoAndAPageBeyondTheEndIsNotFound() {
    Document none = page("/publications?type=interview&language=hy");
    assertThat(none.select(".card")).isEmpty();
    assertThat(none.select(".empty").text()).isEqualTo("No publication matches these filters.");
    assertThat(site.get("/publications?topic=energy&page=9").statusCode()).isEqualTo(404);
  }

  @Test
  void filteredPagesAreCachedUnderTheirCanonicalAddressApartFromTheSitesOtherPages() {
    PageCache pages = site.serving().pageCache();
    page("/publications");
    long before = pages.size();
    HttpResponse<String> first = site.get("/publications?type=analysis&year=2025");
    for (String year : List.of("2023", "2024", "2025", "2026")) {
      for (String type : List.of("analysis", "report", "interview", "policy-brief")) {
        site.get("/publications?type=" + type + "&year=" + year);
      }
    }
    HttpResponse<String> again = site.get("/publications?type=analysis&year=2025");
    assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).isPresent();
    assertThat(pages.size()).isEqualTo(before);
    assertThat(pages.peek("/publications")).isNotNull();
    assertThat(pages.peek("/publications?type=analysis&year=2025")).isNull();
  }

  @Test
  void whatLinksCarryForTheirSendersIsNoFilterAndLeavesTheCanonicalAddress() {
    assertThat(cards(page("/publications?utm_source=newsletter"))).isEqualTo(cards(page("/publications")));
    HttpResponse<String> tracked = site.get("/publications?topic=energy&utm_source=newsletter");
    assertThat(tracked.statusCode()).isEqualTo(301);
    assertThat(tracked.headers().firstValue("Location")).hasValue("/publications?topic=energy");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/publications?topic=energy&topic=economy | 400 | the filter 'topic' is given 2 times; give it once",
      "/publications?year=20x5 | 400 | the year '20x5' is not a year such as 2025",
      "/publications?topic= | 400 | the topic '' is not a topic name as its address writes it, such as energy",
      "/publications?language=Russian | 400 | the language 'Russian' is not a language tag such as en or ru",
      "/publications?topic=energy&page=0 | 400 | the page number '0' is not a whole number from 1 to 100000",
      "/publications?topic=no-such-topic | 404 | ",
      "/publications?type=novel | 404 | ",
      "/publications?language=de | 404 | "})
  void badFiltersAreRefusedWithAMessageNamingTheFilter(String path, int status, String message) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).isEqualTo(status);
    if (message != null) {
      assertThat(Jsoup.parse(response.body()).text()).contains(message);
    }
  }
}
