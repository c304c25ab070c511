package org.thinkpress.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.Fixtures;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.TopicInput;
import org.thinkpress.kit.SiteIdentity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every feed the site serves, read the way a feed reader reads it: parse the XML, take the text of
 * each element that readers render as HTML (RSS titles and descriptions, Atom titles, subtitles
 * and summaries), parse that as HTML, and show it. Hostile text written by an editor, a site
 * setting or a reader's search must come back as exactly that text, with no element.
 */
class FeedMarkupTest {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String MARKER = "qwzfeedmark";

  static TestSite site;

  /** One topic, region, expert and piece named after each payload that fits, indexed before the first test. */
  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
    List<Payload> all = payloads().toList();
    for (int n = 1; n <= all.size(); n++) {
      Payload payload = all.get(n - 1);
      if (payload.fits() != Fits.SETTING) {
        String line = line(payload, n);
        site.app().contentStore().saveTopic(new TopicInput("t-" + n, line, Map.of(), payload.text()));
        site.app().contentStore().saveRegion(new RegionInput("r-" + n, line, Map.of(), null));
        site.app().contentStore().saveExpert(new ExpertInput("e-" + n, line, Map.of(), line, "", "", null));
        site.app().contentStore().savePublication(Fixtures.publication("p-" + n).experts("e-" + n).topics("t-" + n)
            .regions("r-" + n).title(line).standfirst(payload.text()).body("A body with the word " + MARKER + ".")
            .published(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(60L * n).toString()).build());
      }
    }
    long version = site.app().contentReader().version().current();
    assertThat(site.serving().search().awaitVersion(version, 30_000)).as("searches see content version " + version).isTrue();
  }

  /** The payload where a single line is needed, or a plain line when it spans several. */
  static String line(Payload payload, int n) {
    return payload.fits() == Fits.LINE ? payload.text() : "Line " + n;
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /**
   * Hostile text, and where it may be stored: {@code LINE} fits every field (names and titles are
   * single lines), {@code TEXT} only the fields that take several lines, {@code SETTING} only the
   * site's settings, which take anything.
   */
  enum Fits { LINE, TEXT, SETTING }

  record Payload(String text, Fits fits) {
    @Override
    public String toString() {
      return text.replaceAll("\\p{Cntrl}", "�");
    }
  }

  static Stream<Payload> payloads() {
    return Stream.of(
        new Payload("<img src=x onerror=alert(1)>", Fits.LINE),
        new Payload("<script>alert('feed')</script>", Fits.LINE),
        new Payload("<svg/onload=alert(1)><b>bold</b><!-- a comment -->", Fits.LINE),
        new Payload("<a href=\"javascript:alert(1)\">read more</a>", Fits.LINE),
        new Payload("javascript:alert(document.domain)", Fits.LINE),
        new Payload("\" onmouseover=\"alert(1)\" x=\"", Fits.LINE),
        new Payload("' onfocus='alert(1)' autofocus='", Fits.LINE),
        new Payload("&lt;script&gt;alert(1)&lt;/script&gt;", Fits.LINE),
        new Payload("&amp;lt;b&amp;gt; and &#60;i&#62; and &#x3C;u&#x3E; and &copy &nbsp;", Fits.LINE),
        new Payload("]]><script>alert(1)</script><![CDATA[ and ]]>", Fits.LINE),
        new Payload("Energy & Security, R&D, AT&T, 1 < 2 > 0", Fits.LINE),
        new Payload("Ереван — Երևան — Тбилиси — 東京 — العربية — 🙂", Fits.LINE),
        new Payload("a first line\nand a second,\twith a tab", Fits.TEXT),
        new Payload("bell\u0007 escape\u001b\u0001 delete\u007f next-line\u0085 <b>x</b>", Fits.SETTING));
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void everyHtmlTypedElementOfEveryFeedReadsAsTheTextThatWasWritten(Payload payload) throws Exception {
    int n = payloads().toList().indexOf(payload) + 1;
    String siteName = payload.text();
    site.app().contentStore().saveSettings(Map.of(SiteIdentity.NAME, siteName, SiteIdentity.DESCRIPTION, payload.text()));
    if (payload.fits() == Fits.SETTING) {
      thenReadsAsText("/feed.xml", channel("/feed.xml"), siteName, payload.text());
      thenReadsAsText("/atom.xml", channel("/atom.xml"), siteName, payload.text());
      return;
    }
    String line = line(payload, n);
    String topic = "t-" + n;
    String region = "r-" + n;
    String expert = "e-" + n;
    String slug = "p-" + n;
    String piece = TestSite.BASE_URL + "/publications/" + slug;
    for (String path : List.of("/feed.xml", "/atom.xml")) {
      thenReadsAsText(path, channel(path), siteName, payload.text());
      thenReadsAsText(path, item(path, piece), line, payload.text());
    }
    for (String kind : List.of("topics/" + topic, "regions/" + region, "experts/" + expert)) {
      String description = kind.startsWith("topics") ? payload.text() : kind.startsWith("experts") ? line : payload.text();
      for (String file : List.of("/feed.xml", "/atom.xml")) {
        String path = "/" + kind + file;
        thenReadsAsText(path, channel(path), line + " | " + siteName, description);
        thenReadsAsText(path, item(path, piece), line, payload.text());
      }
    }
    for (String format : List.of("", "&format=rss")) {
      String entries = "/search/feed?q=" + MARKER + format;
      thenReadsAsText(entries, item(entries, piece), line, payload.text());
      String query = "/search/feed?q=" + URLEncoder.encode(payload.text(), StandardCharsets.UTF_8) + format;
      String asRead = Jsoup.parse(site.get("/search?q=" + URLEncoder.encode(payload.text(), StandardCharsets.UTF_8)).body())
          .selectFirst("#search-q").attr("value");
      thenReadsAsText(query, channel(query), "Search: " + asRead + " | " + siteName, "Search: " + asRead);
    }
  }

  @Test
  void aCodeBlockInAFeedKeepsItsLinesAndItsIndentation() throws Exception {
    site.app().contentStore().saveTopic(new TopicInput("code-blocks", "Code blocks", Map.of(), ""));
    site.app().contentStore().savePublication(Fixtures.publication("code-block").experts("irina-moraru")
        .topics("code-blocks").regions("armenia").body("Run:\n\n```\nline one\n    indented two\n```\n").build());

    for (String path : List.of("/topics/code-blocks/feed.xml", "/topics/code-blocks/atom.xml")) {
      Document feed = xml(path);
      String content = feed.getDocumentElement().getLocalName().equals("rss")
          ? feed.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded").item(0).getTextContent()
          : feed.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent();
      assertThat(content).as(path).contains("<pre><code>line one\n    indented two\n</code></pre>");
    }
  }

  /** The title and the description (RSS), or the title and the subtitle or summary (Atom), of one part of a feed. */
  record Part(String where, Element title, Element text) {}

  static Document xml(String path) throws Exception {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
  }

  static Part channel(String path) throws Exception {
    Element root = xml(path).getDocumentElement();
    if (root.getLocalName().equals("rss")) {
      Element channel = child(root, null, "channel");
      return new Part(path + " channel", child(channel, null, "title"), child(channel, null, "description"));
    }
    return new Part(path + " feed", child(root, ATOM, "title"), child(root, ATOM, "subtitle"));
  }

  static Part item(String path, String link) throws Exception {
    Element root = xml(path).getDocumentElement();
    List<String> links = new ArrayList<>();
    if (root.getLocalName().equals("rss")) {
      for (Element item : children(child(root, null, "channel"), null, "item")) {
        links.add(child(item, null, "link").getTextContent());
        if (links.get(links.size() - 1).equals(link)) {
          return new Part(path + " item", child(item, null, "title"), child(item, null, "description"));
        }
      }
    } else {
      for (Element entry : children(root, ATOM, "entry")) {
        links.add(child(entry, ATOM, "link").getAttribute("href"));
        if (links.get(links.size() - 1).equals(link)) {
          return new Part(path + " entry", child(entry, ATOM, "title"), child(entry, ATOM, "summary"));
        }
      }
    }
    throw new AssertionError(path + " has no entry for " + link + "; it has " + links);
  }

  static void thenReadsAsText(String path, Part part, String title, String text) {
    thenReadsAsText(part.where() + " title", part.title(), title);
    thenReadsAsText(part.where() + " " + part.text().getLocalName(), part.text(), text);
  }

  /** What a reader shows for an HTML-typed element: exactly {@code written}, as text, less what XML cannot carry. */
  static void thenReadsAsText(String where, Element element, String written) {
    if (ATOM.equals(element.getNamespaceURI())) {
      assertThat(element.getAttribute("type")).as(where + " type").isEqualTo("html");
    }
    org.jsoup.nodes.Element body = Jsoup.parseBodyFragment(element.getTextContent()).body();
    assertThat(body.children()).as(where + ": elements").isEmpty();
    assertThat(body.childNodes()).as(where + ": only text").allMatch(TextNode.class::isInstance);
    assertThat(body.wholeText()).as(where).isEqualTo(readable(written));
  }

  /** The text as an XML 1.0 document can carry it: control characters but tab and line feed left out. */
  static String readable(String text) {
    return text.codePoints().filter(c -> c == '\t' || c == '\n' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  static Element child(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    assertThat(found).as("<" + name + "> in <" + parent.getLocalName() + ">").isNotEmpty();
    return found.get(0);
  }

  static List<Element> children(Element parent, String namespace, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())
          && (namespace == null ? element.getNamespaceURI() == null : namespace.equals(element.getNamespaceURI()))) {
        found.add(element);
      }
    }
    return found;
  }
}
