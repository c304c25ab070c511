package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.Fixtures;
import org.thinkpress.content.Publication;
import org.thinkpress.testing.TestClock;

/** The search pages over real HTTP, on the demo site. */
class SearchHttpTest {

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static Document page(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path.length() > 100 ? path.substring(0, 100) + "…" : path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    return Jsoup.parse(response.body(), TestSite.BASE_URL + path);
  }

  static List<String> resultLinks(Document page) {
    return page.select(".search-hits .card-title a").eachAttr("href");
  }

  @Test
  void theSearchPageShowsRankedResultsWithSnippetsFacetsAndTheSiteDesign() {
    Document page = page("/search?q=" + q("grain exports"));

    assertThat(page.select("h1").text()).isEqualTo("Results for “grain exports”");
    assertThat(page.title()).isEqualTo("Search: grain exports | The Meridian Institute");
    assertThat(resultLinks(page)).first().isEqualTo("/publications/black-sea-grain-exports-under-pressure");
    assertThat(page.select(".search-hits .snippet mark").eachText()).contains("grain", "exports");
    assertThat(page.select(".search-hits .meta time").first().attr("datetime")).isNotBlank();
    assertThat(page.select(".facets h3").eachText()).contains("Topic", "Region", "Type", "Expert", "Year", "Language");
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(TestSite.BASE_URL + "/search?q=grain+exports");
    assertThat(page.select("header.site-header")).hasSize(1);
    assertThat(page.select("footer.site-footer")).hasSize(1);
    assertThat(page.select("label[for=search-q]")).hasSize(1);
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.select("script").attr("src")).matches("/assets/search\\.[0-9a-f]{10}\\.js").doesNotContain("'");
    assertThat(page.select("script").html()).isEmpty();
  }

  @Test
  void everyPageHasALabelledSearchBoxInTheHeaderThatWorksWithoutJavaScript() {
    for (String path : List.of("/", "/publications", "/topics/energy")) {
      Element form = page(path).selectFirst("header form[role=search]");
      assertThat(form).as(path).isNotNull();
      assertThat(form.attr("action")).isEqualTo("/search");
      assertThat(form.attr("method")).isEqualTo("get");
      String id = form.selectFirst("input[name=q]").id();
      assertThat(form.select("label[for=" + id + "]").text()).isEqualTo("Search for");
    }
  }

  @Test
  void theSearchPageHasOneSearchLandmarkItsOwnForm() {
    for (String path : List.of("/search", "/search?q=" + q("grain"))) {
      Document page = page(path);
      assertThat(page.select("[role=search]")).as(path).hasSize(1);
      assertThat(page.select("header form[role=search]")).as(path).isEmpty();
      assertThat(page.select("main form[role=search] input[name=q]")).as(path).hasSize(1);
    }
  }

  @Test
  void facetLinksCombineFiltersAndFilteredPagesKeepThem() {
    Document all = page("/search?q=" + q("black sea"));
    String analysisHref = all.select("#facet-type ~ ul a:contains(Analysis)").attr("href");
    assertThat(analysisHref).isEqualTo("/search?q=black+sea&type=analysis");

    Document analysis = page(analysisHref);
    String russianHref = analysis.select("#facet-language ~ ul a[href*=language=ru]").attr("href");
    assertThat(russianHref).isEqualTo("/search?q=black+sea&type=analysis&language=ru".replace("&type=analysis&language=ru",
        "&type=analysis&language=ru"));
    Document both = page("/search?q=" + q("black sea") + "&type=analysis&language=ru");

    assertThat(resultLinks(both)).containsExactly("/publications/eksport-zerna-cherez-chernoe-more-pod-davleniem");
    assertThat(both.select("form.search-form input[type=hidden]").eachAttr("name")).containsExactly("type", "language");
    assertThat(both.select(".search-selected a").eachAttr("href")).containsExactly(
        "/search?q=black+sea&language=ru", "/search?q=black+sea&type=analysis");
  }

  @Test
  void phrasesDateOrderAndPagination() {
    assertThat(resultLinks(page("/search?q=" + q("\"grain exports\""))))
        .allMatch(href -> href.startsWith("/publications/"))
        .contains("/publications/black-sea-grain-exports-under-pressure");

    Document byDate = page("/search?sort=date");
    assertThat(byDate.select(".search-order strong").text()).isEqualTo("Newest first");
    assertThat(byDate.select(".search-hits time").eachAttr("datetime")).isSortedAccordingTo((a, b) -> b.compareTo(a));
    // 20 published pieces and the demo's 5 site pages, which search finds too
    assertThat(byDate.select(".pager-position").text()).isEqualTo("Page 1 of 3");
    Document second = page(byDate.select(".pager a[rel=next]").attr("href"));
    assertThat(second.select(".pager-position").text()).isEqualTo("Page 2 of 3");
    assertThat(resultLinks(second)).doesNotContainAnyElementsOf(resultLinks(byDate));
    assertThat(resultLinks(byDate).size() + resultLinks(second).size()).isEqualTo(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"q=%22", "q=%22unbalanced", "q=AND+OR+NOT", "q=%28%28%28", "q=title%3A*", "q=%00%01%1B",
      "q=%F0%9F%99%82", "q=%ED%A0%80", "q=", "", "q=x&page=abc", "q=x&page=999999999999", "page=-1", "page=50",
      "topic=%3Cscript%3E", "topic=no-such-topic", "year=20x5", "language=%22%3E", "sort=%3Cb%3E", "q=a&q=b",
      "q=%5C", "q=-", "q=*%3F~%5E"})
  void hostileQueriesGiveASensiblePage(String query) {
    Document page = page("/search?" + query);

    assertThat(page.select("h1")).hasSize(1);
    assertThat(page.select(".search-summary").text()).isNotBlank();
    assertThat(page.html()).doesNotContain("<script>alert").doesNotContain("Exception");
  }

  @Test
  void aTenThousandCharacterQueryIsShortenedNotRefused() {
    Document page = page("/search?q=" + "grain+".repeat(2_000) + "x".repeat(5_000));

    assertThat(page.select("#search-q").attr("value").length()).isLessThanOrEqualTo(UserQuery.MAX_CHARS);
  }

  @Test
  void markupInAPieceIsShownAsTextInTitlesAndSnippets() {
    site.app().contentStore().savePublication(Fixtures.publication("markup-test").experts("irina-moraru")
        .topics("energy").regions("armenia").title("Quoting <script>alert('t')</script> in titles")
        .body("A paragraph that quotes `<img src=x onerror=alert(1)>` and &lt;b&gt;zanzibar&lt;/b&gt; markup.").build());
    awaitIndexed();

    HttpResponse<String> response = site.get("/search?q=zanzibar");
    assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>zanzibar")
        .contains("Quoting &lt;script&gt;alert(", "&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;<mark>zanzibar</mark>&lt;/b&gt;");
    site.app().contentStore().deletePublication("markup-test");
    awaitIndexed();
  }

  @Test
  void aPublishedPieceIsFoundOnceIndexedAndAnUnpublishedOneIsGoneAsSoon() {
    site.app().contentStore().savePublication(Fixtures.publication("quokka-piece").experts("irina-moraru")
        .topics("energy").regions("armenia").title("Quokkas and Energy Policy").build());
    awaitIndexed();
    assertThat(resultLinks(page("/search?q=quokkas"))).containsExactly("/publications/quokka-piece");

    site.app().contentStore().deletePublication("quokka-piece");
    awaitIndexed();
    assertThat(resultLinks(page("/search?q=quokkas"))).isEmpty();
  }

  static void awaitIndexed() {
    long version = site.app().contentReader().version().current();
    assertThat(site.serving().search().awaitVersion(version, 30_000)).as("searches see content version " + version).isTrue();
  }

  @Test
  void suggestionsAreJsonTitlesMatchingTheStartOfTheLastWord() throws Exception {
    HttpResponse<String> response = site.get("/search/suggest?q=" + q("grai"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    JsonNode suggestions = new ObjectMapper().readTree(response.body()).get("suggestions");
    assertThat(suggestions.size()).isBetween(1, SearchPages.SUGGESTIONS);
    assertThat(suggestions.get(0).get("url").asText()).isEqualTo("/publications/black-sea-grain-exports-under-pressure");
    assertThat(suggestions.get(0).get("title").asText()).isEqualTo("Black Sea Grain Exports Under Pressure");
    assertThat(new ObjectMapper().readTree(site.get("/search/suggest?q=%22%5C%00").body()).get("suggestions").size()).isZero();
    assertThat(new ObjectMapper().readTree(site.get("/search/suggest").body()).get("suggestions").size()).isZero();
  }

  @Test
  void aSearchHasAnAtomAndAnRssFeed() {
    HttpResponse<String> atom = site.get("/search/feed?q=grain&type=analysis");
    assertThat(atom.statusCode()).isEqualTo(200);
    assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
    Document feed = Jsoup.parse(atom.body(), "", org.jsoup.parser.Parser.xmlParser());
    assertThat(feed.select("feed > title").text()).isEqualTo("Search: grain | The Meridian Institute");
    assertThat(feed.select("entry > link").eachAttr("href"))
        .contains(TestSite.BASE_URL + "/publications/black-sea-grain-exports-under-pressure");
    assertThat(feed.select("link[rel=self]").attr("href")).isEqualTo(TestSite.BASE_URL + "/search/feed?q=grain&type=analysis");

    HttpResponse<String> rss = site.get("/search/feed?q=grain&format=rss");
    assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
    assertThat(Jsoup.parse(rss.body(), "", org.jsoup.parser.Parser.xmlParser()).select("rss > channel > item")).isNotEmpty();
    assertThat(page("/search?q=grain").select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/search/feed?q=grain");
  }

  @Test
  void otherMaterialsOnAPublicationPageComeFromTheIndexAndLeaveOutItsTranslations() {
    Publication grain = site.app().contentReader().publicPublication("black-sea-grain-exports-under-pressure").orElseThrow();
    Document page = page("/publications/black-sea-grain-exports-under-pressure");
    List<String> shown = page.select(".card-title a").eachAttr("href");

    List<String> expected = site.serving().search().otherMaterials().forPublication(grain, 4).stream()
        .map(s -> "/publications/" + s.slug()).toList();
    assertThat(shown).containsAll(expected).hasSize(4);
    assertThat(shown).doesNotContain("/publications/black-sea-grain-exports-under-pressure",
        "/publications/eksport-zerna-cherez-chernoe-more-pod-davleniem");
  }

  @Test
  void theScriptIsServedAsAnImmutableAsset() {
    String src = page("/search").select("script").attr("src");
    HttpResponse<String> script = site.get(src);

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
  }

  @Test
  void tooManyRequestsFromOneAddressAreRefusedWithRetryAfterUntilTheAllowanceComesBack() {
    TestClock clock = new TestClock(Instant.now());
    try (TestSite limited = TestSite.start(Map.of("search.requests-per-minute", "3"), true, clock)) {
      Set<Integer> statuses = List.of("/search?q=a", "/search/suggest?q=a", "/search/feed?q=a").stream()
          .map(path -> limited.get(path).statusCode()).collect(Collectors.toSet());
      assertThat(statuses).containsExactly(200);

      HttpResponse<String> refused = limited.get("/search?q=b");
      assertThat(refused.statusCode()).isEqualTo(429);
      // a minute's allowance of 3 comes back at one request every 20 seconds
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
      assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Too many requests");
      assertThat(limited.get("/search/suggest?q=b").statusCode()).isEqualTo(429);
      assertThat(limited.get("/").statusCode()).isEqualTo(200); // only search is limited

      clock.advance(Duration.ofSeconds(19));
      assertThat(limited.get("/search?q=b").headers().firstValue("Retry-After")).hasValue("1");
      clock.advance(Duration.ofSeconds(1));
      assertThat(limited.get("/search?q=b").statusCode()).isEqualTo(200);
      assertThat(limited.get("/search?q=b").statusCode()).isEqualTo(429);
    }
  }
}
