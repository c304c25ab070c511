package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thinkpress.app.TestSite;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** RSS and Atom feeds, read back with Rome; the sitemap, read back as XML. */
class FeedsAndSitemapTest {

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static SyndFeed feed(String path) throws Exception {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(response.body()));
  }

  // the main language's feeds: its pieces and those with no English version (the others are in /ru/feed.xml, /hy/feed.xml)
  @ParameterizedTest
  @CsvSource({
      "15, /feed.xml, rss_2.0, application/rss+xml; charset=utf-8",
      "15, /atom.xml, atom_1.0, application/atom+xml; charset=utf-8",
      "6, /topics/energy/feed.xml, rss_2.0, application/rss+xml; charset=utf-8",
      "6, /topics/energy/atom.xml, atom_1.0, application/atom+xml; charset=utf-8",
      "7, /regions/south-caucasus/feed.xml, rss_2.0, application/rss+xml; charset=utf-8",
      "5, /regions/armenia/atom.xml, atom_1.0, application/atom+xml; charset=utf-8",
      "4, /experts/lilit-arakelyan/feed.xml, rss_2.0, application/rss+xml; charset=utf-8",
      "4, /experts/irina-moraru/atom.xml, atom_1.0, application/atom+xml; charset=utf-8"})
  void feedsParseBackWithTheirEntries(int entries, String path, String type, String contentType) throws Exception {
    SyndFeed feed = feed(path);

    assertThat(site.get(path).headers().firstValue("Content-Type")).hasValue(contentType);
    assertThat(feed.getFeedType()).isEqualTo(type);
    assertThat(feed.getTitle()).contains("The Meridian Institute");
    assertThat(feed.getEntries()).hasSize(entries);
    for (SyndEntry entry : feed.getEntries()) {
      assertThat(entry.getLink()).startsWith(TestSite.BASE_URL + "/publications/");
      assertThat(entry.getPublishedDate()).isNotNull();
      assertThat(entry.getTitle()).isNotBlank();
    }
  }

  @Test
  void siteFeedHasTheNewestPublishedPiecesFirstWithFullContent() throws Exception {
    SyndFeed feed = feed("/atom.xml");
    List<SyndEntry> entries = feed.getEntries();

    assertThat(entries).hasSize(15);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i - 1).getPublishedDate()).isAfterOrEqualTo(entries.get(i).getPublishedDate());
    }
    SyndEntry newest = entries.get(0);
    assertThat(newest.getLink()).isEqualTo(TestSite.BASE_URL + "/publications/critical-minerals-central-asia-value-chains");
    assertThat(newest.getAuthors()).extracting("name").containsExactly("Daniyar Abenov");
    assertThat(newest.getContents().get(0).getValue()).contains("<h2 id=");
    assertThat(feed.getLinks()).anySatisfy(link -> {
      assertThat(link.getRel()).isEqualTo("self");
      assertThat(link.getHref()).isEqualTo(TestSite.BASE_URL + "/atom.xml");
    });
  }

  @Test
  void feedLinksInsideContentAreAbsolute() throws Exception {
    List<SyndEntry> entries = feed("/feed.xml").getEntries();
    assertThat(entries).hasSize(15);
    assertThat(entries).anySatisfy(entry -> assertThat(entry.getContents().get(0).getValue()).contains("href=\"http"));
    for (SyndEntry entry : entries) {
      String content = entry.getContents().get(0).getValue();
      assertThat(content).doesNotContain("href=\"/");
    }
  }

  @Test
  void topicFeedHoldsOnlyThatTopic() throws Exception {
    SyndFeed feed = feed("/topics/energy/feed.xml");
    assertThat(feed.getEntries()).hasSize(6);
    for (SyndEntry entry : feed.getEntries()) {
      assertThat(entry.getCategories()).extracting("name").anySatisfy(name -> assertThat(name.toString())
          .isIn("Energy and Climate", "Энергетика и климат", "Էներգետիկա և կլիմա"));
    }
  }

  @Test
  void unknownFeedsAreNotFound() {
    assertThat(site.get("/topics/nothing/feed.xml").statusCode()).isEqualTo(404);
    assertThat(site.get("/experts/nobody/atom.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void sitemapListsEveryPublishedPieceWithLastmodAndTranslations() throws Exception {
    HttpResponse<String> response = site.get("/sitemap.xml");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
    String ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
    NodeList urls = xml.getElementsByTagNameNS(ns, "url");
    int publications = 0;
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      String loc = url.getElementsByTagNameNS(ns, "loc").item(0).getTextContent();
      assertThat(loc).startsWith(TestSite.BASE_URL + "/");
      if (loc.contains("/publications/")) {
        publications++;
        assertThat(url.getElementsByTagNameNS(ns, "lastmod").item(0).getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}");
      }
    }
    assertThat(publications).isEqualTo(20); // 22 demo pieces less one draft and one archived
    assertThat(response.body()).contains("<loc>" + TestSite.BASE_URL + "/topics/energy</loc>",
        "hreflang=\"hy\" href=\"" + TestSite.BASE_URL + "/publications/sahmanazatum-inchpes-en-ashkhatum-tekhnikakan-handznazhoghovnery\"");
    assertThat(response.body()).doesNotContain("reconstruction-procurement-integrity-in-ukraine");
  }
}
