package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;

/** The public site over real HTTP: every page type, the headers, validators, errors. */
class SiteHttpTest {

  static final String ENGLISH = "/publications/black-sea-grain-exports-under-pressure";
  static final String RUSSIAN = "/publications/eksport-zerna-cherez-chernoe-more-pod-davleniem";

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Document html(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    return Jsoup.parse(response.body(), TestSite.BASE_URL + path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/publications", ENGLISH, RUSSIAN, "/topics", "/topics/energy", "/regions",
      "/regions/south-caucasus", "/experts", "/experts/lilit-arakelyan", "/types/report", "/archive", "/archive/2025",
      "/ru/", "/ru/publications", "/hy/topics/energy", "/publications?page=2"})
  void everyPageTypeHasOneH1AUniqueTitleAndACanonicalLink(String path) {
    Document page = html(path);

    assertThat(page.select("h1")).hasSize(1);
    assertThat(page.title()).endsWith("The Meridian Institute");
    assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(TestSite.BASE_URL + path);
    assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
    assertThat(page.select("main#main")).hasSize(1);
    assertThat(page.select("a.skip-link[href=#main]")).hasSize(1);
    assertThat(page.select("script:not([type=application/ld+json])")).isEmpty();
  }

  @Test
  void titlesDifferBetweenPages() {
    List<String> paths = List.of("/", "/publications", ENGLISH, RUSSIAN, "/topics", "/topics/energy",
        "/regions/south-caucasus", "/experts/lilit-arakelyan", "/types/report", "/archive/2025", "/publications?page=2");
    assertThat(paths.stream().map(path -> html(path).title()).distinct()).hasSameSizeAs(paths);
  }

  @Test
  void publicationPageShowsEverythingAReaderNeeds() {
    Document page = html(ENGLISH);

    assertThat(page.select("h1").text()).isEqualTo("Black Sea Grain Exports Under Pressure");
    assertThat(page.select(".standfirst").text()).startsWith("Ukraine's wheat and maize");
    assertThat(page.select(".kicker a").first().attr("href")).isEqualTo("/types/analysis");
    assertThat(page.select(".byline a").eachAttr("href")).containsExactly("/experts/irina-moraru");
    assertThat(page.select(".publication-header time").attr("datetime")).isEqualTo("2024-05-21T07:30:00Z");
    assertThat(page.select(".meta").text()).contains("min read");
    assertThat(page.select(".toc a").eachAttr("href")).first().isEqualTo("#why-black-sea-grain-matters");
    assertThat(page.select(".prose h2#why-black-sea-grain-matters")).hasSize(1);
    assertThat(page.select(".tags a").eachAttr("href")).contains("/topics/economy", "/regions/ukraine");
    assertThat(page.select(".translations a").attr("href")).isEqualTo(RUSSIAN);
    assertThat(page.select(".translations a").attr("hreflang")).isEqualTo("ru");
    assertThat(page.select(".authors img").attr("alt")).isEqualTo("Irina Moraru");
    assertThat(page.select(".other-materials .card-title a").eachAttr("href"))
        .isNotEmpty().doesNotContain(ENGLISH, RUSSIAN);
  }

  @Test
  void publicationPageSpeaksItsLanguageAndLinksItsTranslations() {
    Document page = html(RUSSIAN);

    assertThat(page.select("html").attr("lang")).isEqualTo("ru");
    assertThat(page.select("#other-materials").text()).isEqualTo("Другие материалы");
    assertThat(page.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("ru", "en", "x-default");
    assertThat(page.select("link[hreflang=x-default]").attr("href")).isEqualTo(TestSite.BASE_URL + ENGLISH);
  }

  @Test
  void publicationPageCarriesStructuredDataAndSharingTags() throws IOException {
    Document page = html(ENGLISH);
    JsonNode article = new ObjectMapper().readTree(page.select("script[type=application/ld+json]").html());

    assertThat(article.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(article.get("@type").asText()).isEqualTo("Article");
    assertThat(article.get("headline").asText()).isEqualTo("Black Sea Grain Exports Under Pressure");
    assertThat(article.get("inLanguage").asText()).isEqualTo("en");
    assertThat(article.get("datePublished").asText()).isEqualTo("2024-05-21T07:30:00Z");
    assertThat(article.get("dateModified").asText()).isEqualTo("2024-05-21T07:30:00Z");
    assertThat(article.get("author").get(0).get("@type").asText()).isEqualTo("Person");
    assertThat(article.get("author").get(0).get("name").asText()).isEqualTo("Irina Moraru");
    assertThat(article.get("publisher").get("@type").asText()).isEqualTo("Organization");
    assertThat(article.get("publisher").get("name").asText()).isEqualTo("The Meridian Institute");
    assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(TestSite.BASE_URL + ENGLISH);
    assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
    assertThat(page.select("meta[name=twitter:image]").attr("content")).startsWith(TestSite.BASE_URL + "/media/")
        .endsWith("-1200.jpg");
    assertThat(page.select("meta[property=article:published_time]").attr("content")).isEqualTo("2024-05-21T07:30:00Z");
    assertThat(page.select("meta[property=article:author]").attr("content"))
        .isEqualTo(TestSite.BASE_URL + "/experts/irina-moraru");
    assertThat(page.select("meta[property=article:tag]").eachAttr("content"))
        .containsExactly("Economy and Trade", "Transport and Connectivity", "Security and Defence");
  }

  @Test
  void regionPagesIncludeTheirSubRegions() {
    Document caucasus = html("/regions/south-caucasus");
    Document armenia = html("/regions/armenia");

    assertThat(caucasus.select(".card")).hasSizeGreaterThan(armenia.select(".card").size());
    assertThat(caucasus.select(".tags a").eachAttr("href")).contains("/regions/armenia", "/regions/georgia");
    assertThat(armenia.select(".breadcrumbs a").eachAttr("href")).containsExactly("/regions", "/regions/south-caucasus");
  }

  @Test
  void draftsAreNotFoundAndArchivedPiecesStayReadableButUnlisted() {
    assertThat(site.get("/publications/reconstruction-procurement-integrity-in-ukraine").statusCode()).isEqualTo(404);
    Document archived = html("/publications/remittances-and-the-armenian-economy-after-the-boom");
    assertThat(archived.select(".notice").text()).contains("archived");
    assertThat(archived.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(site.get("/sitemap.xml").body()).doesNotContain("remittances-and-the-armenian-economy");
    assertThat(site.get("/feed.xml").body()).doesNotContain("remittances-and-the-armenian-economy");
  }

  @Test
  void paginationHasStableUrls() {
    Document first = html("/publications");
    Document second = html("/publications?page=2");

    assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("/publications?page=2");
    assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo("/publications");
    assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo("/publications");
    HttpResponse<String> pageOne = site.get("/publications?page=1");
    assertThat(pageOne.statusCode()).isEqualTo(301);
    assertThat(pageOne.headers().firstValue("Location")).hasValue("/publications");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/no-such-page", "/publications/no-such-piece", "/topics/no-such-topic", "/regions/nowhere",
      "/experts/nobody", "/types/novel", "/archive/1999", "/languages/fr", "/publications?page=99",
      "/publications/UPPER", "/assets/../pom.xml", "/assets/nothing.css", "/sitemap-7.xml"})
  void unknownAddressesAreNotFoundInTheSiteDesign(String path) {
    HttpResponse<String> response = site.get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("h1").text()).isEqualTo("Page not found");
    assertThat(page.select("link[rel=stylesheet]")).hasSize(1);
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "-1", "2.5", "1e3", "%20", "99999999999999999999", "<script>"})
  void malformedPageNumbersAreBadRequests(String page) {
    HttpResponse<String> response = site.get("/topics/energy?page=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    Document document = Jsoup.parse(response.body());
    assertThat(document.select("h1").text()).isEqualTo("Bad request");
    assertThat(document.select(".standfirst").text()).contains("is not a whole number from 1 to 100000");
    assertThat(response.body()).doesNotContain("Exception", "at org.", "<script>");
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    for (String path : List.of("/", ENGLISH, "/feed.xml", "/no-such-page", "/topics/energy?page=x")) {
      HttpResponse<String> response = site.get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> {
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
      });
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void answersConditionalRequestsWith304() {
    HttpResponse<String> first = site.get(ENGLISH);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");

    HttpResponse<String> byTag = site.get(ENGLISH, "If-None-Match", etag);
    HttpResponse<String> byDate = site.get(ENGLISH, "If-Modified-Since", lastModified);
    HttpResponse<String> otherTag = site.get(ENGLISH, "If-None-Match", "\"something-else\"");

    assertThat(byTag.statusCode()).isEqualTo(304);
    assertThat(byTag.body()).isEmpty();
    assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
    assertThat(byDate.statusCode()).isEqualTo(304);
    assertThat(otherTag.statusCode()).isEqualTo(200);
  }

  @Test
  void compressesForClientsThatAcceptGzip() throws IOException {
    HttpResponse<byte[]> plain = site.getBytes(ENGLISH);
    HttpResponse<byte[]> gzipped = site.getBytes(ENGLISH, "Accept-Encoding", "gzip, deflate, br");

    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(site.getBytes(ENGLISH, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void headRequestsGetHeadersWithoutABody() {
    HttpResponse<String> head = site.send("HEAD", ENGLISH);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(head.headers().firstValue("ETag")).isPresent();
    assertThat(head.body()).isEmpty();
  }

  @Test
  void stylesheetIsFingerprintedAndCachedForAYear() {
    String stylesheet = html("/").select("link[rel=stylesheet]").attr("href");
    HttpResponse<String> css = site.get(stylesheet);

    assertThat(stylesheet).matches("/assets/site\\.[0-9a-f]{10}\\.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(site.get("/assets/site.0000000000.css").statusCode()).isEqualTo(404);
  }

  @Test
  void aContentChangeShowsAtOnce() {
    String before = site.get("/").body();
    var store = site.app().contentStore();
    PublicationInput piece = new PublicationInput("a-fresh-piece", "en", null, "A Fresh Piece On Energy", "Fresh.",
        "## New\n\nText.", "commentary", Status.PUBLISHED, java.time.Instant.parse("2026-11-01T00:00:00Z"), null, false,
        List.of("tamar-lomidze"), List.of("energy"), List.of("georgia"));
    store.savePublication(piece);
    try {
      assertThat(before).doesNotContain("A Fresh Piece On Energy");
      assertThat(site.get("/").body()).contains("A Fresh Piece On Energy");
      assertThat(site.get("/topics/energy").body()).contains("A Fresh Piece On Energy");
      assertThat(site.get("/feed.xml").body()).contains("A Fresh Piece On Energy");
    } finally {
      store.deletePublication("a-fresh-piece");
    }
    assertThat(site.get("/").body()).doesNotContain("A Fresh Piece On Energy");
  }

  @Test
  void cachedPagesAnswerTheSameAsRenderedOnes() {
    HttpResponse<String> rendered = site.get("/publications?page=2");
    HttpResponse<String> cached = site.get("/publications?page=2");
    HttpResponse<String> tracked = site.get("/publications?page=2&utm_source=newsletter");

    assertThat(cached.statusCode()).isEqualTo(200);
    assertThat(cached.body()).isEqualTo(rendered.body());
    assertThat(cached.headers().map()).containsAllEntriesOf(
        java.util.Map.of("etag", rendered.headers().allValues("etag"), "cache-control", List.of("public, max-age=60"),
            "content-security-policy", rendered.headers().allValues("content-security-policy")));
    assertThat(tracked.body()).isEqualTo(rendered.body());
    assertThat(site.send("POST", "/publications?page=2").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=2", "page=10", "page=123456"})
  void pageQueriesThatCanBeCacheKeys(String query) {
    assertThat(SiteRoutes.isPageQuery(query)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=1", "page=", "page=02", "page=2&x=1", "x=1", "page=2a", "PAGE=2", "page=12345678901"})
  void queriesThatGoToTheRoutes(String query) {
    assertThat(SiteRoutes.isPageQuery(query)).isFalse();
  }

  @Test
  void robotsPointsAtTheSitemap() {
    HttpResponse<String> robots = site.get("/robots.txt");

    assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    assertThat(robots.body()).contains("User-agent: *", "Disallow: /admin", "Sitemap: " + TestSite.BASE_URL + "/sitemap.xml");
  }

}
