package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.MarkdownRenderer;

class SubstackBodyTest {

  private final BodyConverter converter = new BodyConverter("");
  private final List<String> notes = new ArrayList<>();

  private String markdown(String html) {
    return converter.toMarkdown(html, Flavour.SUBSTACK, BodyLinks.UNCHANGED, id -> Optional.empty(), notes::add);
  }

  @Test
  void aCaptionedImageIsAFigureWithoutItsZoomLink() {
    String html = "<div class=\"captioned-image-container\"><figure><a class=\"image-link image2 is-viewable-img\" target=\"_blank\" "
        + "href=\"https://substackcdn.com/image/fetch/f_auto/https%3A%2F%2Fmedia.example%2Fchart.png\"><div class=\"image2-inset\"><picture>"
        + "<source type=\"image/webp\" srcset=\"https://substackcdn.com/image/fetch/w_424,c_limit,f_webp/chart.png 424w\">"
        + "<img src=\"https://substackcdn.com/image/fetch/w_1456,c_limit/chart.png\" srcset=\"https://substackcdn.com/image/fetch/w_424,c_limit/chart.png 424w, "
        + "https://substackcdn.com/image/fetch/w_1456,c_limit/chart.png 1456w\" alt=\"Chart\" width=\"1456\" height=\"816\"></picture>"
        + "<div class=\"image-link-expand\"><button>Expand</button></div></div></a><figcaption class=\"image-caption\">Exports, 2024</figcaption></figure></div>";

    String markdown = markdown(html);

    assertThat(markdown).isEqualTo("<figure>\n\n![Chart](https://substackcdn.com/image/fetch/w_1456,c_limit/chart.png)\n\n"
        + "<figcaption>Exports, 2024</figcaption>\n</figure>\n");
    assertThat(converter.references(html, Flavour.SUBSTACK, id -> Optional.empty()))
        .containsExactly(new BodyConverter.Reference("https://substackcdn.com/image/fetch/w_1456,c_limit/chart.png", true));
  }

  @Test
  void footnotesBecomeNumbersAndAListAtTheEnd() {
    String markdown = markdown("<p>A claim<a class=\"footnote-anchor\" data-component-name=\"FootnoteAnchorToDOM\" id=\"footnote-anchor-1\" "
        + "href=\"#footnote-1\" target=\"_self\">1</a> made.</p><div class=\"footnote\" data-component-name=\"FootnoteToDOM\">"
        + "<a id=\"footnote-1\" href=\"#footnote-anchor-1\" class=\"footnote-number\" contenteditable=\"false\" target=\"_self\">1</a>"
        + "<div class=\"footnote-content\"><p>The first note.</p></div></div>");

    assertThat(markdown).isEqualTo("A claim<sup>1</sup> made.\n\n---\n\n1. The first note.\n");
    assertThat(new MarkdownRenderer().render(markdown).html()).isEqualTo("<p>A claim<sup>1</sup> made.</p>\n<hr>\n<ol><li>The first note.</li></ol>\n");
  }

  @Test
  void subscribeWidgetsAndButtonsAreRemovedWithANote() {
    assertThat(markdown("<p>Text.</p><div class=\"subscription-widget-wrap\" data-attrs=\"{}\"><div class=\"subscription-widget show-subscribe\">"
        + "<div class=\"preamble\"><p class=\"cta-caption\">Thanks for reading! Subscribe for free.</p></div><form class=\"subscription-widget-subscribe\">"
        + "<input type=\"email\" name=\"email\"><input type=\"submit\" value=\"Subscribe\"></form></div></div>"
        + "<p class=\"button-wrapper\" data-attrs=\"{&quot;url&quot;:&quot;https://x.substack.com/subscribe?&quot;}\">"
        + "<a class=\"button primary\" href=\"https://x.substack.com/subscribe?\"><span>Subscribe now</span></a></p>"
        + "<p class=\"button-wrapper\"><a class=\"button primary\" href=\"https://x.substack.com/p/post?action=share\"><span>Share</span></a></p>"
        + "<p class=\"button-wrapper\"><a class=\"button primary\" href=\"https://example.org/report\"><span>Read the report</span></a></p>"))
        .isEqualTo("Text.\n\n[Read the report](https://example.org/report)\n");
    assertThat(notes).containsExactly("a subscribe widget was removed", "a subscribe button was removed", "a share button was removed");
  }

  @Test
  void embeddedTweetsAndVideosAreLinks() {
    assertThat(markdown("<div class=\"tweet\" data-attrs=\"{&quot;url&quot;:&quot;https://twitter.com/a/status/5&quot;,&quot;full_text&quot;:&quot;Hi&quot;}\">"
        + "<div class=\"tweet-header\">A</div><div class=\"tweet-text\">Hi</div></div>"
        + "<div id=\"youtube2-Q1\" class=\"youtube-wrap\" data-attrs=\"{&quot;videoId&quot;:&quot;Q1&quot;,&quot;startTime&quot;:null}\">"
        + "<div class=\"youtube-inner\"><iframe src=\"https://www.youtube-nocookie.com/embed/Q1?rel=0\"></iframe></div></div>"))
        .isEqualTo("<https://twitter.com/a/status/5>\n\n<https://www.youtube.com/watch?v=Q1>\n");
    assertThat(notes).containsExactly("an embedded tweet became a link: https://twitter.com/a/status/5",
        "an embedded video became a link: https://www.youtube.com/watch?v=Q1");
  }
}
