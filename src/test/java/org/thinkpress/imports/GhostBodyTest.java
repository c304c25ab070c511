package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.MarkdownRenderer;

class GhostBodyTest {

  private static final String SITE = "https://blog.example.org";

  private final BodyConverter converter = new BodyConverter(SITE);
  private final List<String> notes = new ArrayList<>();

  private String markdown(String html) {
    return converter.toMarkdown(html, Flavour.GHOST, BodyLinks.UNCHANGED, id -> Optional.empty(), notes::add);
  }

  private List<BodyConverter.Reference> references(String html) {
    return converter.references(html, Flavour.GHOST, id -> Optional.empty());
  }

  @Test
  void anImageCardIsAFigureOfItsLargestImage() {
    String html = "<figure class=\"kg-card kg-image-card kg-card-hascaption\"><img src=\"/content/images/2024/01/port.jpg\" "
        + "class=\"kg-image\" alt=\"Port\" loading=\"lazy\" width=\"2000\" height=\"1333\" srcset=\"/content/images/size/w600/2024/01/port.jpg 600w, "
        + "/content/images/size/w1600/2024/01/port.jpg 1600w, /content/images/2024/01/port.jpg 2000w\" sizes=\"(min-width: 720px) 720px\">"
        + "<figcaption><span style=\"white-space: pre-wrap;\">The port</span></figcaption></figure>";

    String markdown = markdown(html);

    assertThat(markdown).isEqualTo("<figure>\n\n![Port](" + SITE + "/content/images/2024/01/port.jpg)\n\n<figcaption>The port</figcaption>\n</figure>\n");
    assertThat(new MarkdownRenderer().render(markdown).html()).contains("<figcaption>The port</figcaption>");
  }

  @Test
  void aGalleryCardIsItsImagesAndItsCaption() {
    String html = "<figure class=\"kg-card kg-gallery-card kg-width-wide\"><div class=\"kg-gallery-container\"><div class=\"kg-gallery-row\">"
        + "<div class=\"kg-gallery-image\"><img src=\"/content/images/a.jpg\" alt=\"\"></div><div class=\"kg-gallery-image\">"
        + "<img src=\"/content/images/b.jpg\" alt=\"B\"></div></div></div><figcaption>Two pictures</figcaption></figure>";

    assertThat(markdown(html)).isEqualTo("![](" + SITE + "/content/images/a.jpg)\n\n![B](" + SITE + "/content/images/b.jpg)\n\n*Two pictures*\n");
    assertThat(references(html)).containsExactly(new BodyConverter.Reference(SITE + "/content/images/a.jpg", true),
        new BodyConverter.Reference(SITE + "/content/images/b.jpg", true));
  }

  @Test
  void aBookmarkCardIsALinkWithItsTitleAndDescription() {
    String html = "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\" href=\"https://example.com/article\">"
        + "<div class=\"kg-bookmark-content\"><div class=\"kg-bookmark-title\">An article</div><div class=\"kg-bookmark-description\">What it says.</div>"
        + "<div class=\"kg-bookmark-metadata\"><img class=\"kg-bookmark-icon\" src=\"https://example.com/favicon.ico\" alt=\"\">"
        + "<span class=\"kg-bookmark-author\">Example</span></div></div><div class=\"kg-bookmark-thumbnail\">"
        + "<img src=\"https://example.com/thumb.jpg\" alt=\"\"></div></a></figure>";

    assertThat(markdown(html)).isEqualTo("[An article](https://example.com/article) — What it says.\n");
    assertThat(references(html)).containsExactly(new BodyConverter.Reference("https://example.com/article", false));
  }

  @Test
  void aCalloutCardIsAQuoteWithItsEmoji() {
    assertThat(markdown("<div class=\"kg-card kg-callout-card kg-callout-card-grey\"><div class=\"kg-callout-emoji\">💡</div>"
        + "<div class=\"kg-callout-text\">A <b>tip</b>.</div></div>")).isEqualTo("> 💡 A **tip**.\n");
  }

  @Test
  void aToggleCardIsABoldLineAndItsContentNotAHeading() {
    String markdown = markdown("<div class=\"kg-card kg-toggle-card\" data-kg-toggle-state=\"close\"><div class=\"kg-toggle-heading\">"
        + "<h4 class=\"kg-toggle-heading-text\">Why now?</h4><button class=\"kg-toggle-card-icon\"><svg></svg></button></div>"
        + "<div class=\"kg-toggle-content\"><p>Because.</p></div></div>");

    assertThat(markdown).isEqualTo("**Why now?**\n\nBecause.\n");
    assertThat(new MarkdownRenderer().render(markdown).toc()).isEmpty();
  }

  @Test
  void anEmbedCardIsALinkToWhatItShowed() {
    assertThat(markdown("<figure class=\"kg-card kg-embed-card\"><iframe width=\"200\" height=\"113\" "
        + "src=\"https://www.youtube.com/embed/XYZ?feature=oembed\" frameborder=\"0\"></iframe><figcaption>The talk</figcaption></figure>"
        + "<figure class=\"kg-card kg-embed-card\"><blockquote class=\"twitter-tweet\"><p>Hello</p>&mdash; A (@a) "
        + "<a href=\"https://twitter.com/a/status/5\">May 1, 2024</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\"></script></figure>"))
        .isEqualTo("<https://www.youtube.com/watch?v=XYZ>\n\n*The talk*\n\n<https://twitter.com/a/status/5>\n");
    assertThat(notes).containsExactly("an embed became a link: https://www.youtube.com/watch?v=XYZ",
        "an embed became a link: https://twitter.com/a/status/5");
  }

  @Test
  void aButtonCardIsALink() {
    assertThat(markdown("<div class=\"kg-card kg-button-card kg-align-center\"><a href=\"https://example.com/join\" class=\"kg-btn kg-btn-accent\">Join us</a></div>"))
        .isEqualTo("[Join us](https://example.com/join)\n");
  }

  @Test
  void videoAudioAndFileCardsAreLinksToFilesTheImporterFetches() {
    String html = "<figure class=\"kg-card kg-video-card\"><div class=\"kg-video-container\"><video src=\"/content/media/2024/01/clip.mp4\" "
        + "poster=\"https://img.spacergif.org/v1/640x360/0a/spacer.png\" playsinline preload=\"metadata\"></video><div class=\"kg-video-overlay\">"
        + "<button class=\"kg-video-large-play-icon\"><svg></svg></button></div><div class=\"kg-video-player-container\"><div class=\"kg-video-player\">"
        + "<span class=\"kg-video-current-time\">0:00</span><div class=\"kg-video-time\">/<span class=\"kg-video-duration\">0:04</span></div>"
        + "<input type=\"range\" class=\"kg-video-seek-slider\" max=\"100\" value=\"0\"></div></div></div><figcaption>A clip</figcaption></figure>"
        + "<div class=\"kg-card kg-audio-card\"><img src=\"/content/images/cover.jpg\" alt=\"\" class=\"kg-audio-thumbnail\">"
        + "<div class=\"kg-audio-player-container\"><audio src=\"/content/media/2024/01/talk.mp3\" preload=\"metadata\"></audio>"
        + "<div class=\"kg-audio-title\">The talk</div><div class=\"kg-audio-player\"><span class=\"kg-audio-current-time\">0:00</span></div></div></div>"
        + "<div class=\"kg-card kg-file-card\"><a class=\"kg-file-card-container\" href=\"/content/files/2024/01/report.pdf\" title=\"Download\" download>"
        + "<div class=\"kg-file-card-contents\"><div class=\"kg-file-card-title\">Annual report</div><div class=\"kg-file-card-caption\">The 2024 one</div>"
        + "<div class=\"kg-file-card-metadata\"><div class=\"kg-file-card-filename\">report.pdf</div><div class=\"kg-file-card-filesize\">1 MB</div></div></div>"
        + "<div class=\"kg-file-card-icon\"><svg></svg></div></a></div>";

    assertThat(markdown(html)).isEqualTo("[clip.mp4](" + SITE + "/content/media/2024/01/clip.mp4)\n\n*A clip*\n\n"
        + "[The talk](" + SITE + "/content/media/2024/01/talk.mp3)\n\n[Annual report](" + SITE + "/content/files/2024/01/report.pdf) — The 2024 one\n");
    assertThat(notes).containsExactly("a video became a link to its file: /content/media/2024/01/clip.mp4",
        "an audio became a link to its file: /content/media/2024/01/talk.mp3");
    assertThat(references(html)).containsExactly(new BodyConverter.Reference(SITE + "/content/media/2024/01/clip.mp4", true),
        new BodyConverter.Reference(SITE + "/content/media/2024/01/talk.mp3", true),
        new BodyConverter.Reference(SITE + "/content/files/2024/01/report.pdf", true));
  }

  @Test
  void productAndHeaderCardsAreTheirText() {
    String html = "<div class=\"kg-card kg-product-card\"><div class=\"kg-product-card-container\"><img src=\"/content/images/book.jpg\" "
        + "class=\"kg-product-card-image\" alt=\"\"><div class=\"kg-product-card-title-container\"><h4 class=\"kg-product-card-title\">The book</h4></div>"
        + "<div class=\"kg-product-card-description\"><p>Our study.</p></div><a href=\"https://shop.example.org/book\" "
        + "class=\"kg-product-card-button kg-product-card-btn-accent\"><span>Buy it</span></a></div></div>"
        + "<div class=\"kg-card kg-header-card kg-size-small kg-style-dark\"><h2 class=\"kg-header-card-header\">Big news</h2>"
        + "<h3 class=\"kg-header-card-subheader\">Smaller words</h3><a href=\"https://example.org/more\" class=\"kg-header-card-button\">Read</a></div>";

    String markdown = markdown(html);

    assertThat(markdown).isEqualTo("![](" + SITE + "/content/images/book.jpg)\n\n**The book**\n\nOur study.\n\n[Buy it](https://shop.example.org/book)\n\n"
        + "**Big news**\n\nSmaller words\n\n[Read](https://example.org/more)\n");
    assertThat(new MarkdownRenderer().render(markdown).toc()).isEmpty();
  }

  @Test
  void footnotesBecomeNumbersAndAListAtTheEnd() {
    String html = "<p>A claim<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">[1]</a></sup> and another"
        + "<sup class=\"footnote-ref\"><a href=\"#fn2\" id=\"fnref2\">[2]</a></sup>.</p>\n<hr class=\"footnotes-sep\">\n"
        + "<section class=\"footnotes\"><ol class=\"footnotes-list\"><li id=\"fn1\" class=\"footnote-item\"><p>The source, "
        + "<a href=\"https://example.com/src\">here</a>. <a href=\"#fnref1\" class=\"footnote-backref\">↩︎</a></p></li>"
        + "<li id=\"fn2\" class=\"footnote-item\"><p>Second. <a href=\"#fnref2\" class=\"footnote-backref\">↩︎</a></p></li></ol></section>";

    String markdown = markdown(html);

    assertThat(markdown).isEqualTo("A claim<sup>1</sup> and another<sup>2</sup>.\n\n---\n\n1. The source, [here](https://example.com/src).\n2. Second.\n");
    assertThat(new MarkdownRenderer().render(markdown).html()).contains("A claim<sup>1</sup>",
        "<ol><li>The source, <a href=\"https://example.com/src\" rel=\"noopener\">here</a>.</li><li>Second.</li></ol>");
  }

  @Test
  void theMembersOnlyMarkerAndCardMarkersGo() {
    assertThat(markdown("<p>Free part.</p><!--members-only--><p>Paid part.</p><!--kg-card-begin: html--><p>Raw</p><!--kg-card-end: html-->"))
        .isEqualTo("Free part.\n\nPaid part.\n\nRaw\n");
    assertThat(notes).containsExactly("members-only marker removed: the whole piece is public now");
  }

  @Test
  void aSignUpCardIsRemovedWithANote() {
    assertThat(markdown("<p>Text.</p><div class=\"kg-card kg-signup-card\"><h2 class=\"kg-signup-card-heading\">Sign up</h2>"
        + "<form class=\"kg-signup-card-form\" data-members-form=\"signup\"><input type=\"email\"><button>Subscribe</button></form></div>"))
        .isEqualTo("Text.\n");
    assertThat(notes).containsExactly("a sign-up form was removed");
  }
}
