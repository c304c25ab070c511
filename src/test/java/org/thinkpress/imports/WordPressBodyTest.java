package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.MarkdownRenderer;

class WordPressBodyTest {

  private static final String UPLOADS = "https://old.example.org/wp-content/uploads/2024/01/";

  private final BodyConverter converter = new BodyConverter("https://old.example.org");
  private final Map<String, String> attachments = Map.of("4", UPLOADS + "a.jpg", "5", UPLOADS + "b.jpg");
  private final List<String> notes = new ArrayList<>();

  private String markdown(String html) {
    return converter.toMarkdown(html, Flavour.WORDPRESS, BodyLinks.UNCHANGED,
        id -> Optional.ofNullable(attachments.get(id)), notes::add);
  }

  @Test
  void blockCommentsGoAndBlockWrappersKeepTheirContent() {
    String html = """
        <!-- wp:heading -->
        <h2 class="wp-block-heading">Context</h2>
        <!-- /wp:heading -->

        <!-- wp:group {"layout":{"type":"constrained"}} -->
        <div class="wp-block-group"><!-- wp:paragraph -->
        <p>Inside a group.</p>
        <!-- /wp:paragraph --></div>
        <!-- /wp:group -->

        <!-- wp:more -->
        <!--more-->
        <!-- /wp:more -->

        <!-- wp:nextpage -->
        <!--nextpage-->
        <!-- /wp:nextpage -->

        <!-- wp:separator -->
        <hr class="wp-block-separator has-alpha-channel-opacity"/>
        <!-- /wp:separator -->
        """;

    assertThat(markdown(html)).isEqualTo("## Context\n\nInside a group.\n\n---\n");
    assertThat(notes).isEmpty();
  }

  @Test
  void aDynamicBlockTheExportHoldsNothingOfIsNoted() {
    assertThat(markdown("<!-- wp:latest-posts {\"postsToShow\":3} /-->\n<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph -->"))
        .isEqualTo("Text.\n");
    assertThat(notes).containsExactly("unsupported block wp:latest-posts removed");
  }

  @Test
  void classicTextGetsParagraphsAndLineBreaksButNotInsidePre() {
    String html = "First paragraph with a\nline break.\n\nSecond <strong>paragraph</strong>.\n"
        + "<pre>code\n  stays\n\nas is</pre>\n<ul>\n<li>item one</li>\n<li>item two</li>\n</ul>\n"
        + "<blockquote>Quoted\ntext</blockquote>\n<h3>A heading</h3>\nAfter the heading<br />\nand a break.";

    assertThat(markdown(html)).isEqualTo("First paragraph with a\\\nline break.\n\nSecond **paragraph**.\n\n"
        + "```\ncode\n  stays\n\nas is\n```\n\n- item one\n- item two\n\n> Quoted\\\n> text\n\n### A heading\n\n"
        + "After the heading\\\nand a break.\n");
  }

  @Test
  void aBareUrlOnItsOwnLineIsALinkParagraph() {
    assertThat(markdown("Watch this:\n\nhttps://www.youtube.com/watch?v=abc\n\nThen read on."))
        .isEqualTo("Watch this:\n\n<https://www.youtube.com/watch?v=abc>\n\nThen read on.\n");
  }

  @Test
  void anEmbedBlockIsALinkToTheEmbeddedPage() {
    String html = """
        <!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","type":"video"} -->
        <figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
        https://www.youtube.com/watch?v=abc
        </div><figcaption class="wp-element-caption">The <em>talk</em></figcaption></figure>
        <!-- /wp:embed -->
        """;

    assertThat(markdown(html)).isEqualTo("<https://www.youtube.com/watch?v=abc>\n\n*The talk*\n");
    assertThat(notes).containsExactly("an embed became a link: https://www.youtube.com/watch?v=abc");
  }

  @Test
  void anImageBlockWithACaptionIsAFigureOfItsLargestSource() {
    String html = "<!-- wp:image {\"id\":12} --><figure class=\"wp-block-image size-large\"><a href=\"/wp-content/uploads/2024/01/map.jpg\">"
        + "<img src=\"/wp-content/uploads/2024/01/map-1024x768.jpg\" srcset=\"/wp-content/uploads/2024/01/map-300x225.jpg 300w, "
        + "/wp-content/uploads/2024/01/map.jpg 2000w, /wp-content/uploads/2024/01/map-1024x768.jpg 1024w\" alt=\"Map\" class=\"wp-image-12\"/></a>"
        + "<figcaption class=\"wp-element-caption\">Grain routes</figcaption></figure><!-- /wp:image -->";

    assertThat(markdown(html)).isEqualTo("<figure>\n\n[![Map](" + UPLOADS + "map.jpg)](" + UPLOADS + "map.jpg)\n\n"
        + "<figcaption>Grain routes</figcaption>\n</figure>\n");
  }

  @Test
  void aCaptionShortcodeBecomesAFigure() {
    String markdown = markdown("[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<img src=\"/wp-content/uploads/2024/01/b.jpg\" "
        + "alt=\"Port\" width=\"300\" /> The port of <a href=\"https://example.org/odesa\">Odesa</a>[/caption]");

    assertThat(markdown).isEqualTo("<figure>\n\n![Port](" + UPLOADS + "b.jpg)\n\n"
        + "<figcaption>The port of <a href=\"https://example.org/odesa\">Odesa</a></figcaption>\n</figure>\n");
    assertThat(new MarkdownRenderer().render(markdown).html()).isEqualTo("<figure>\n<p><img src=\"" + UPLOADS
        + "b.jpg\" alt=\"Port\" loading=\"lazy\" decoding=\"async\"></p>\n<figcaption>The port of "
        + "<a href=\"https://example.org/odesa\" rel=\"noopener\">Odesa</a></figcaption>\n</figure>\n");
  }

  @Test
  void anOldCaptionShortcodeTakesItsCaptionFromTheAttribute() {
    assertThat(markdown("[caption id=\"\" align=\"alignleft\" width=\"200\" caption=\"Old & kept\"]<img src=\"/x.jpg\" alt=\"\" />[/caption]"))
        .isEqualTo("<figure>\n\n![](https://old.example.org/x.jpg)\n\n<figcaption>Old &amp; kept</figcaption>\n</figure>\n");
  }

  @Test
  void aGalleryShortcodeBecomesItsImagesOneAfterAnother() {
    assertThat(markdown("[gallery ids=\"4, 9,5\" columns=\"2\"]")).isEqualTo("![](" + UPLOADS + "a.jpg)\n\n![](" + UPLOADS + "b.jpg)\n");
    assertThat(notes).containsExactly("gallery image 9 is not among the attachments");
  }

  @Test
  void aGalleryMayNameItsImagesWithInclude() {
    assertThat(markdown("[gallery include=\"5\"]")).isEqualTo("![](" + UPLOADS + "b.jpg)\n");
  }

  @Test
  void aGalleryWithoutIdsIsDroppedWithANote() {
    assertThat(markdown("Before.\n\n[gallery link=\"file\"]\n\nAfter.")).isEqualTo("Before.\n\nAfter.\n");
    assertThat(notes).containsExactly("a gallery without ids was dropped");
  }

  @Test
  void anEmbedShortcodeIsALink() {
    assertThat(markdown("[embed width=\"500\"]https://vimeo.com/42[/embed]")).isEqualTo("<https://vimeo.com/42>\n");
    assertThat(notes).containsExactly("an embed became a link: https://vimeo.com/42");
  }

  @Test
  void audioAndVideoShortcodesAreLinksToTheirFiles() {
    assertThat(markdown("[audio mp3=\"/wp-content/uploads/2024/01/talk.mp3\"][/audio]\n\n[video width=\"640\" mp4=\"" + UPLOADS + "clip.mp4\"]"))
        .isEqualTo("[talk.mp3](" + UPLOADS + "talk.mp3)\n\n[clip.mp4](" + UPLOADS + "clip.mp4)\n");
    assertThat(notes).containsExactly("[audio] became a link to its file: /wp-content/uploads/2024/01/talk.mp3",
        "[video] became a link to its file: " + UPLOADS + "clip.mp4");
    assertThat(converter.references("[video src=\"/v.webm\"]", Flavour.WORDPRESS, id -> Optional.empty()))
        .containsExactly(new BodyConverter.Reference("https://old.example.org/v.webm", true));
  }

  @Test
  void unknownShortcodesAreRemovedKeepingWhatTheyEnclosed() {
    assertThat(markdown("[playlist ids=\"1,2\"]\n\n[contact-form-7 id=\"12\" title=\"Contact\"]\n\n"
        + "[note type=\"info\"]Enclosed <em>text</em> [et_pb_text]deep[/et_pb_text][/note]\n\n[vc_row][/vc_column]"))
        .isEqualTo("Enclosed *text* deep\n");
    assertThat(notes).containsExactly("unknown shortcode [playlist] removed", "unknown shortcode [contact-form-7] removed",
        "unknown shortcode [note] removed", "unknown shortcode [et_pb_text] removed", "unknown shortcode [vc_row] removed");
  }

  @Test
  void anEscapedShortcodeIsLiteralAndBracketedWordsInProseStayText() {
    assertThat(markdown("Write [[gallery]] or [[caption]x[/caption]] to show them; [sic] and [1] are prose."))
        .isEqualTo("Write [gallery] or [caption]x[/caption] to show them; [sic] and [1] are prose.\n");
    assertThat(notes).isEmpty();
  }

  @Test
  void fileAndButtonBlocksBecomeLinks() {
    String html = "<!-- wp:file --><div class=\"wp-block-file\"><object class=\"wp-block-file__embed\" data=\"/r.pdf\" type=\"application/pdf\"></object>"
        + "<a id=\"wp-block-file--media-1\" href=\"/r.pdf\">Annual report</a><a href=\"/r.pdf\" class=\"wp-block-file__button\" download>Download</a></div><!-- /wp:file -->"
        + "<!-- wp:buttons --><div class=\"wp-block-buttons\"><div class=\"wp-block-button\"><a class=\"wp-block-button__link\" href=\"/join\">Join</a></div>"
        + "<div class=\"wp-block-button\"><a class=\"wp-block-button__link\" href=\"/give\">Give</a></div></div><!-- /wp:buttons -->";

    assertThat(markdown(html)).isEqualTo("[Annual report](https://old.example.org/r.pdf)\n\n[Join](https://old.example.org/join)\n\n"
        + "[Give](https://old.example.org/give)\n");
    assertThat(converter.references(html, Flavour.WORDPRESS, id -> Optional.empty())).containsExactly(
        new BodyConverter.Reference("https://old.example.org/r.pdf", true),
        new BodyConverter.Reference("https://old.example.org/join", false),
        new BodyConverter.Reference("https://old.example.org/give", false));
  }

  @Test
  void aVerseKeepsItsLinesAndATableBlockItsCaption() {
    String html = "<!-- wp:verse --><pre class=\"wp-block-verse\">Line one\nline <em>two</em></pre><!-- /wp:verse -->"
        + "<!-- wp:table --><figure class=\"wp-block-table\"><table><thead><tr><th>Year</th><th>Tonnes</th></tr></thead>"
        + "<tbody><tr><td>2024</td><td>12</td></tr></tbody></table><figcaption class=\"wp-element-caption\">Exports</figcaption></figure><!-- /wp:table -->";

    assertThat(markdown(html)).isEqualTo("Line one\\\nline *two*\n\n| Year | Tonnes |\n| --- | --- |\n| 2024 | 12 |\n\n*Exports*\n");
  }
}
