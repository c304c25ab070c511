package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.RenderedBody;
import org.thinkpress.content.TocEntry;

class BodyConverterTest {

  private static final String OLD = "https://old.example.org";
  private static final String UPLOADS = OLD + "/wp-content/uploads/";
  private static final Pattern LEFTOVER_MARKUP = Pattern.compile(
      "(?<![\\\\\\[])\\[/?(?:caption|wp_caption|gallery|embed|audio|video|playlist|contact-form-7|tabs?)\\b|<!--|wp:");

  private final BodyConverter converter = new BodyConverter(OLD);
  private final List<String> notes = new ArrayList<>();

  /** What the importer would say: uploads it brought in move to /media/, "gone" files it could not fetch. */
  private static final BodyLinks IMPORTED = (url, embedded) -> {
    if (url.contains("gone")) {
      return BodyLinks.Rewrite.MISSING_FILE;
    }
    if (url.startsWith(UPLOADS) || url.startsWith(OLD + "/content/")) {
      return BodyLinks.Rewrite.to("/media/" + BodyUrls.fileName(url));
    }
    if (url.equals(OLD + "/2023/11/earlier-analysis/")) {
      return BodyLinks.Rewrite.to("/publications/earlier-analysis");
    }
    return BodyLinks.Rewrite.KEEP_IT;
  };

  private static Optional<String> attachment(String id) {
    return Optional.ofNullable(Map.of("41", UPLOADS + "2024/03/corridor.jpg", "42", UPLOADS + "2024/03/port.jpg").get(id));
  }

  private String markdown(String html, Flavour flavour, BodyLinks links) {
    return converter.toMarkdown(html, flavour, links, BodyConverterTest::attachment, notes::add);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = BodyConverterTest.class.getResourceAsStream("bodies/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBlockEditorPostBecomesCleanMarkdownWithItsUrlsRewritten() throws IOException {
    String markdown = markdown(fixture("wordpress-blocks.html"), Flavour.WORDPRESS, IMPORTED);

    assertThat(markdown).isEqualTo("""
        ## Grain corridors in 2024

        The corridor carried **more grain** than planned, see [our earlier analysis](/publications/earlier-analysis).

        <figure>

        ![Ships in the corridor](/media/corridor.jpg)

        <figcaption>Ships waiting, March 2024</figcaption>
        </figure>

        ![](/media/corridor.jpg)

        ![](/media/port.jpg)

        ### What changed

        - Insurance got cheaper
        - Ports reopened

        <https://www.youtube.com/watch?v=corridor1>

        Write to us.

        The full report *[File not brought over: gone-report.pdf]* is old.
        """);
    assertThat(notes).containsExactly("unsupported block wp:latest-posts removed", "unknown shortcode [contact-form-7] removed",
        "an embed became a link: https://www.youtube.com/watch?v=corridor1",
        "missing file " + UPLOADS + "2024/03/gone-report.pdf");
  }

  @Test
  void referencesListEveryUrlOnceInOrderWithWhetherItIsEmbedded() throws IOException {
    assertThat(converter.references(fixture("wordpress-blocks.html"), Flavour.WORDPRESS, BodyConverterTest::attachment)).containsExactly(
        new BodyConverter.Reference(OLD + "/2023/11/earlier-analysis/", false),
        new BodyConverter.Reference(UPLOADS + "2024/03/corridor.jpg", true),
        new BodyConverter.Reference(UPLOADS + "2024/03/port.jpg", true),
        new BodyConverter.Reference("https://www.youtube.com/watch?v=corridor1", false),
        new BodyConverter.Reference(UPLOADS + "2024/03/gone-report.pdf", false));
  }

  @Test
  void referencesLeaveOutInPageAnchorsAndScriptUrls() {
    assertThat(converter.references("<p><a href=\"#notes\">notes</a> <a href=\"javascript:go()\">go</a> "
        + "<img src=\"data:image/gif;base64,R0lGOD\"> <a href=\"mailto:press@example.org\">mail</a> <a href=\"//cdn.example.org/x.js\">cdn</a></p>",
        Flavour.SUBSTACK, id -> Optional.empty())).containsExactly(
        new BodyConverter.Reference("mailto:press@example.org", false),
        new BodyConverter.Reference("https://cdn.example.org/x.js", false));
  }

  @Test
  void aMissingImageBecomesAVisiblePlaceholderNamingOnlyTheFile() {
    String markdown = markdown("<p>Before <img src=\"/wp-content/uploads/2020/01/gone-photo.jpg\" alt=\"Photo\"> after.</p>"
        + "<figure><img src=\"/wp-content/uploads/gone-chart.png\"><figcaption>A chart</figcaption></figure>", Flavour.WORDPRESS, IMPORTED);

    assertThat(markdown).isEqualTo("Before *[Image not brought over: gone-photo.jpg]* after.\n\n"
        + "*[Image not brought over: gone-chart.png]*\n\n*A chart*\n");
    assertThat(markdown).doesNotContain("wp-content");
    assertThat(notes).containsExactly("missing file " + UPLOADS + "2020/01/gone-photo.jpg", "missing file " + UPLOADS + "gone-chart.png");
  }

  @Test
  void aLinkToAMissingFileKeepsItsTextAndGetsAPlaceholder() {
    assertThat(markdown("<p>Read <a href=\"/files/gone-brief.pdf\">the brief</a>, <a href=\"/files/gone-data.csv\">gone-data.csv</a> "
        + "and <a href=\"/files/gone-big.jpg\"><img src=\"/wp-content/uploads/small.jpg\" alt=\"\"></a>.</p>", Flavour.WORDPRESS, IMPORTED))
        .isEqualTo("Read the brief *[File not brought over: gone-brief.pdf]*, *[File not brought over: gone-data.csv]* "
            + "and ![](/media/small.jpg).\n");
  }

  @Test
  void relativeUrlsAreMadeAbsoluteAgainstTheOldSite() {
    BodyConverter underBlog = new BodyConverter("https://old.example.org/blog/");

    assertThat(underBlog.toMarkdown("<p><a href=\"post-2\">next</a> <a href=\"/about\">about</a> <a href=\"../up\">up</a> "
        + "<a href=\"https://other.org/x\">other</a> <a href=\"#top\">top</a></p>", Flavour.GHOST, BodyLinks.UNCHANGED,
        id -> Optional.empty(), notes::add))
        .isEqualTo("[next](https://old.example.org/blog/post-2) [about](https://old.example.org/about) "
            + "[up](https://old.example.org/up) [other](https://other.org/x) [top](#top)\n");
  }

  @Test
  void withoutABaseRelativeUrlsStayAsTheyAre() {
    assertThat(new BodyConverter("").toMarkdown("<p><a href=\"/about\">about</a></p>", Flavour.SUBSTACK, BodyLinks.UNCHANGED,
        id -> Optional.empty(), notes::add)).isEqualTo("[about](/about)\n");
  }

  @Test
  void framesScriptsFormsAndPlayersNeverReachTheMarkdown() {
    String markdown = markdown("<p>Text<script>alert(1)</script><style>p{}</style></p><iframe src=\"https://maps.example.org/embed?x=1\"></iframe>"
        + "<form><input name=\"q\"><button>Go</button></form><video controls><source src=\"/v/clip.webm\" type=\"video/webm\"></video>"
        + "<object data=\"/x.swf\"></object>", Flavour.GHOST, BodyLinks.UNCHANGED);

    assertThat(markdown).isEqualTo("Text\n\n<https://maps.example.org/embed?x=1>\n\n[clip.webm](" + OLD + "/v/clip.webm)\n");
    assertThat(notes).containsExactly("a form was removed", "an embedded object was removed",
        "an embedded frame became a link: https://maps.example.org/embed?x=1", "a video became a link to its file: /v/clip.webm");
  }

  @Test
  void noShortcodeOrBlockCommentSurvivesInMixedBodies() throws IOException {
    for (String[] body : new String[][] {{"wordpress-blocks.html", "WORDPRESS"}, {"wordpress-classic.html", "WORDPRESS"},
        {"ghost-post.html", "GHOST"}, {"substack-post.html", "SUBSTACK"}}) {
      String markdown = markdown(fixture(body[0]), Flavour.valueOf(body[1]), IMPORTED);

      assertThat(LEFTOVER_MARKUP.matcher(markdown).find()).as(body[0] + ":\n" + markdown).isFalse();
      assertThat(markdown).as(body[0]).doesNotContain(" \n").endsWith("\n").doesNotContain("\n\n\n");
    }
  }

  @Test
  void aClassicPostInCyrillicAndArmenianKeepsItsTextAndHeadings() throws IOException {
    String markdown = markdown(fixture("wordpress-classic.html"), Flavour.WORDPRESS, IMPORTED);

    assertThat(markdown).isEqualTo("""
        ## Введение

        Армения и Грузия обсуждают *транзит*.\\
        Вторая строка того же абзаца.

        <figure>

        [![Карта](/media/map-640x400.jpg)](/media/map.jpg)

        <figcaption>Карта маршрутов</figcaption>
        </figure>

        <https://twitter.com/institute/status/1234>

        <https://vimeo.com/76979871>

        [podcast.mp3](/media/podcast.mp3)

        Հայերեն տեքստ

        ### Եզրակացություն

        Последний абзац.
        """);
    RenderedBody rendered = new MarkdownRenderer().render(markdown);
    assertThat(rendered.toc()).containsExactly(new TocEntry(2, "введение", "Введение"),
        new TocEntry(3, "եզրակացություն", "Եզրակացություն"));
    assertThat(rendered.html()).contains("<figcaption>Карта маршрутов</figcaption>",
        "<a href=\"/media/map.jpg\" rel=\"noopener\"><img src=\"/media/map-640x400.jpg\" alt=\"Карта\"");
  }

  @Test
  void aGhostPostRendersWithItsHeadingsImagesCaptionsAndNotes() throws IOException {
    String markdown = markdown(fixture("ghost-post.html"), Flavour.GHOST, IMPORTED);

    RenderedBody rendered = new MarkdownRenderer().render(markdown);

    assertThat(rendered.toc()).containsExactly(new TocEntry(2, "the-findings", "The findings"));
    assertThat(rendered.html()).contains("<p>Inflation fell<sup>1</sup> in every region.</p>",
        "<figure>\n<p><img src=\"/media/chart.png\" alt=\"Inflation chart\" loading=\"lazy\" decoding=\"async\"></p>\n"
            + "<figcaption>Inflation by region</figcaption>\n</figure>",
        "<blockquote>\n<p>📌 Read the method first.</p>\n</blockquote>", "<td>North</td>",
        "<a href=\"https://vimeo.com/555\" rel=\"noopener\">https://vimeo.com/555</a>",
        "<a href=\"/media/data.csv\" rel=\"noopener\">The data</a>", "<hr>\n<ol><li>Year on year.</li></ol>");
    assertThat(rendered.html()).doesNotContain("iframe", "kg-", "footnote");
  }

  @Test
  void aSubstackPostRendersWithItsCaptionAndWithoutItsWidgets() throws IOException {
    String markdown = markdown(fixture("substack-post.html"), Flavour.SUBSTACK, IMPORTED);

    RenderedBody rendered = new MarkdownRenderer().render(markdown);

    assertThat(rendered.toc()).containsExactly(new TocEntry(2, "why-the-vote-matters", "Why the vote matters"));
    assertThat(rendered.html()).contains("<figcaption>A queue in Yerevan</figcaption>",
        "<img src=\"https://substackcdn.com/image/fetch/w_1456/vote.jpg\" alt=\"Queue at a polling station\"",
        "<p>Вывод: явка выросла.</p>", "<ol><li>Official count.</li></ol>").doesNotContain("form", "input", "subscri");
  }

  @Test
  void aNullOrEmptyBodyIsEmptyMarkdown() {
    assertThat(markdown(null, Flavour.WORDPRESS, BodyLinks.UNCHANGED)).isEmpty();
    assertThat(markdown("", Flavour.GHOST, BodyLinks.UNCHANGED)).isEmpty();
    assertThat(converter.references(null, Flavour.SUBSTACK, id -> Optional.empty())).isEmpty();
  }
}
