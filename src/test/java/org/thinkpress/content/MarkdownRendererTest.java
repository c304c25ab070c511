package org.thinkpress.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void theBodysTopHeadingLevelBecomesH2AndNoLevelIsSkipped() {
    RenderedBody body = renderer.render("# One\n\n#### Deep\n\n# Two\n\n### Three");

    assertThat(body.html()).contains("<h2 id=\"one\">One</h2>", "<h3 id=\"deep\">Deep</h3>",
        "<h2 id=\"two\">Two</h2>", "<h3 id=\"three\">Three</h3>");
    assertThat(body.toc()).containsExactly(new TocEntry(2, "one", "One"), new TocEntry(3, "deep", "Deep"),
        new TocEntry(2, "two", "Two"), new TocEntry(3, "three", "Three"));
    assertThat(renderer.render("### A\n\n#### B\n\n### C").html())
        .contains("<h2 id=\"a\">A</h2>", "<h3 id=\"b\">B</h3>", "<h2 id=\"c\">C</h2>");
  }

  @Test
  void headingIdsAreUniqueAndNeverTakeThePageLayoutsIds() {
    RenderedBody body = renderer.render("## Main\n\n## Summary\n\n## Summary\n\n## Other materials");

    assertThat(body.toc()).extracting(TocEntry::id).containsExactly("main-1", "summary", "summary-1", "other-materials-1");
  }

  @Test
  void headingsInOtherScriptsGetReadableAnchors() {
    RenderedBody body = renderer.render("## Введение\n\n## Եզրակացություն");

    assertThat(body.toc()).extracting(TocEntry::id).containsExactly("введение", "եզրակացություն");
  }

  @Test
  void tablesAreWrappedToScrollAndAlignWithClassesNotObsoleteAttributes() {
    RenderedBody body = renderer.render("| Year | Tonnes |\n|:-----|-------:|\n| 2024 | 12 |\n");

    assertThat(body.html())
        .contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>")
        .contains("<th class=\"align-left\">Year</th>", "<td class=\"align-right\">12</td>")
        .doesNotContain("align=");
  }

  @Test
  void imagesLoadLazily() {
    assertThat(renderer.render("![A map](/assets/map.png)").html())
        .contains("<img src=\"/assets/map.png\" alt=\"A map\" loading=\"lazy\" decoding=\"async\">");
  }

  @Test
  void readingTimeCountsWordsAtTwoHundredAndThirtyAMinute() {
    String words = "word ".repeat(690);

    RenderedBody body = renderer.render(words);

    assertThat(body.words()).isEqualTo(690);
    assertThat(body.readingMinutes()).isEqualTo(3);
    assertThat(renderer.render("").readingMinutes()).isEqualTo(1);
  }

  @Test
  void keepsCommonFormattingAndSafeRawHtml() {
    String html = renderer.render("Some *emphasis*, **strong** and `code`.\n\n> A quote\n\n"
        + "- one\n- two\n\n<abbr title=\"European Union\">EU</abbr> <sup>1</sup>\n\n[link](https://example.org/x)").html();

    assertThat(html).contains("<em>emphasis</em>", "<strong>strong</strong>", "<code>code</code>",
        "<blockquote>", "<ul>", "<abbr title=\"European Union\">EU</abbr>", "<sup>1</sup>",
        "<a href=\"https://example.org/x\" rel=\"noopener\">link</a>");
  }
}
