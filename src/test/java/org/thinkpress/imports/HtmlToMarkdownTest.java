package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.thinkpress.content.MarkdownRenderer;

class HtmlToMarkdownTest {

  private static String markdown(String html) {
    return HtmlToMarkdown.convert(Jsoup.parseBodyFragment(html).body());
  }

  private static String rendered(String markdown) {
    return new MarkdownRenderer().render(markdown).html();
  }

  @Test
  void paragraphsAndHeadingsAreSeparatedByOneBlankLine() {
    assertThat(markdown("<h2>Context</h2><p>First.</p><p>Second.</p><h3>Detail</h3><hr><p>After.</p>"))
        .isEqualTo("## Context\n\nFirst.\n\nSecond.\n\n### Detail\n\n---\n\nAfter.\n");
  }

  @Test
  void anEmptyBodyIsAnEmptyString() {
    assertThat(markdown("")).isEmpty();
    assertThat(markdown("<p>&nbsp;</p><p> </p><h2></h2>")).isEmpty();
  }

  @Test
  void inlineFormattingBecomesMarkdown() {
    assertThat(markdown("<p><strong>Bold</strong>, <b>b</b>, <em>it</em>, <i>i</i>, <code>x = 1</code> and a "
        + "<a href=\"https://example.org/a\">link</a>.</p>"))
        .isEqualTo("**Bold**, **b**, *it*, *i*, `x = 1` and a [link](https://example.org/a).\n");
  }

  @Test
  void emphasisKeepsItsSpacesOutsideTheStars() {
    assertThat(markdown("<p>a<em> spaced </em>b and <strong>bold </strong>c</p>")).isEqualTo("a *spaced* b and **bold** c\n");
  }

  @Test
  void emphasisThatStarsCouldNotExpressStaysHtml() {
    assertThat(markdown("<p>word<strong>\"quoted\"</strong>word and <em>a</em><em>b</em></p>"))
        .isEqualTo("word<strong>\"quoted\"</strong>word and *a*<em>b</em>\n");
    assertThat(rendered("word<strong>\"quoted\"</strong>word and *a*<em>b</em>\n"))
        .isEqualTo("<p>word<strong>\"quoted\"</strong>word and <em>a</em><em>b</em></p>\n");
  }

  @Test
  void nestedEmphasisOfOneKindIsWrittenOnce() {
    assertThat(markdown("<p><b>bold <strong>still</strong></b> <i>it <em>still</em></i> <strong><em>both</em></strong></p>"))
        .isEqualTo("**bold still** *it still* ***both***\n");
  }

  @Test
  void textNeverTurnsIntoMarkup() {
    String html = "<p># not a heading</p><p>+ plus</p><p>- dash</p><p>---</p><p>===</p><p>2024. A year</p>"
        + "<p>1) one</p><p>&gt; not a quote</p><p>~~~ no fence</p><p>|---|---|</p>"
        + "<p>*stars* _under_ `ticks` \\back &lt;b&gt; &amp;copy; [a](b) ![c](d) [x]: y</p>";

    String markdown = markdown(html);

    assertThat(markdown).isEqualTo("\\# not a heading\n\n\\+ plus\n\n\\- dash\n\n\\---\n\n\\===\n\n2024\\. A year\n\n"
        + "1\\) one\n\n\\> not a quote\n\n\\~~~ no fence\n\n\\|---|---|\n\n"
        + "\\*stars\\* \\_under\\_ \\`ticks\\` \\\\back \\<b> \\&copy; [a\\](b) ![c\\](d) [x\\]: y\n");
    assertThat(rendered(markdown)).isEqualTo("<p># not a heading</p>\n<p>+ plus</p>\n<p>- dash</p>\n<p>---</p>\n"
        + "<p>===</p>\n<p>2024. A year</p>\n<p>1) one</p>\n<p>&gt; not a quote</p>\n<p>~~~ no fence</p>\n"
        + "<p>|---|---|</p>\n<p>*stars* _under_ `ticks` \\back &lt;b&gt; &amp;copy; [a](b) ![c](d) [x]: y</p>\n");
  }

  @Test
  void underscoresInsideWordsAndPlainBracketsStayReadable() {
    assertThat(markdown("<p>snake_case_name and [sic] and [1] and 5 &gt; 3</p>"))
        .isEqualTo("snake_case_name and [sic] and [1] and 5 > 3\n");
  }

  @Test
  void lineBreaksAreBackslashBreaksAndTwoInARowStartAParagraph() {
    assertThat(markdown("<p>one<br>- two<br><br>three<br></p>")).isEqualTo("one\\\n\\- two\n\nthree\n");
  }

  @Test
  void whitespaceCollapsesAndNoLineEndsInASpace() {
    assertThat(markdown("<p>  tab\tand   spaces\nnewline  </p><pre>kept   \n  indent</pre>"))
        .isEqualTo("tab and spaces newline\n\n```\nkept\n  indent\n```\n");
  }

  @Test
  void linksWithSpacesOrParenthesesKeepTheirWholeAddress() {
    String markdown = markdown("<p><a href=\"https://e.org/wiki/Foo_(bar)\">paren</a> <a href=\"https://e.org/a b\">space</a></p>");

    assertThat(markdown).isEqualTo("[paren](<https://e.org/wiki/Foo_(bar)>) [space](<https://e.org/a b>)\n");
    assertThat(rendered(markdown)).contains("href=\"https://e.org/wiki/Foo_%28bar%29\"", "href=\"https://e.org/a%20b\"");
  }

  @Test
  void aLinkWhoseTextIsItsAddressIsAnAutolinkAndEmptyLinksLeaveNothing() {
    assertThat(markdown("<p><a href=\"https://e.org/x\">https://e.org/x</a> <a href=\"\">no address</a> "
        + "<a name=\"top\">anchor</a> <a href=\"https://e.org\"> </a>end</p>"))
        .isEqualTo("<https://e.org/x> no address anchor end\n");
  }

  @Test
  void imagesKeepTheirAltTextEscaped() {
    assertThat(markdown("<p><img src=\"/a.png\" alt=\"A [map] of *x*\"> <a href=\"/big.png\"><img src=\"/a.png\" alt=\"\"></a></p>"))
        .isEqualTo("![A \\[map\\] of \\*x\\*](/a.png) [![](/a.png)](/big.png)\n");
  }

  @Test
  void listsNestAndKeepTheirNumbering() {
    assertThat(markdown("<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul><p>x</p>"
        + "<ol start=\"9\"><li>Nine</li><li>Ten<ol><li>Inner</li></ol></li></ol>"))
        .isEqualTo("- One\n- Two\n  - Nested\n\nx\n\n9. Nine\n10. Ten\n    1. Inner\n");
  }

  @Test
  void aListItemWithSeveralParagraphsMakesTheListLoose() {
    assertThat(markdown("<ol><li><p>First</p><p>more</p></li><li>Second</li></ol>"))
        .isEqualTo("1. First\n\n   more\n\n2. Second\n");
  }

  @Test
  void twoListsInARowUseDifferentMarkersSoTheyStayTwo() {
    String markdown = markdown("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>");

    assertThat(markdown).isEqualTo("- a\n\n* b\n\n1. c\n\n1) d\n");
    assertThat(rendered(markdown)).isEqualTo("<ul><li>a</li></ul>\n<ul><li>b</li></ul>\n<ol><li>c</li></ol>\n<ol><li>d</li></ol>\n");
  }

  @Test
  void quotesNestAndHoldOtherBlocks() {
    assertThat(markdown("<blockquote><p>One</p><blockquote><p>Deep</p></blockquote><ul><li>item</li></ul></blockquote>"))
        .isEqualTo("> One\n>\n> > Deep\n>\n> - item\n");
  }

  @Test
  void codeBlocksKeepTheirLanguageAndAFenceLongerThanAnyInside() {
    assertThat(markdown("<pre><code class=\"language-java\">int x = 1;\n```\n</code></pre><p>Inline <code>a`b</code></p>"))
        .isEqualTo("````java\nint x = 1;\n```\n````\n\nInline ``a`b``\n");
  }

  @Test
  void aSimpleTableIsAPipeTable() {
    String markdown = markdown("<table><thead><tr><th style=\"text-align:right\">Year</th><th>Note</th></tr></thead>"
        + "<tbody><tr><td>2024</td><td>a | b<br>c</td></tr><tr><td>2025</td></tr></tbody></table>");

    assertThat(markdown).isEqualTo("| Year | Note |\n| ---: | --- |\n| 2024 | a \\| b<br>c |\n| 2025 | |\n");
    assertThat(rendered(markdown)).contains("<td class=\"align-right\">2024</td><td>a | b<br>c</td>");
  }

  @Test
  void aTableWithoutAHeaderRowOrWithMergedCellsStaysHtml() {
    assertThat(markdown("<table><tr><td>no</td><td>header</td></tr></table>"))
        .isEqualTo("<table><tbody><tr><td>no</td><td>header</td></tr></tbody></table>\n");
    String merged = markdown("<table class=\"x\" style=\"width:50%\"><tr><th colspan=\"2\" class=\"c\">Both</th></tr>"
        + "<tr><td>*a*</td><td onclick=\"x()\">b</td></tr></table>");
    assertThat(merged).isEqualTo("<table><tbody><tr><th colspan=\"2\">Both</th></tr><tr><td>*a*</td><td>b</td></tr></tbody></table>\n");
    assertThat(rendered(merged)).contains("<th colspan=\"2\">Both</th>", "<td>*a*</td>");
  }

  @Test
  void anImageWithACaptionIsAFigureTheSanitizerKeeps() {
    String markdown = markdown("<figure><img src=\"/map.png\" alt=\"Map\"><figcaption>Grain <em>routes</em>, 2024</figcaption></figure>");

    assertThat(markdown).isEqualTo("<figure>\n\n![Map](/map.png)\n\n<figcaption>Grain <em>routes</em>, 2024</figcaption>\n</figure>\n");
    assertThat(rendered(markdown)).isEqualTo("<figure>\n<p><img src=\"/map.png\" alt=\"Map\" loading=\"lazy\" decoding=\"async\"></p>\n"
        + "<figcaption>Grain <em>routes</em>, 2024</figcaption>\n</figure>\n");
  }

  @Test
  void aFigureOfSomethingElseKeepsItsContentAndAnItalicCaption() {
    assertThat(markdown("<figure><blockquote><p>Quoted</p></blockquote><figcaption>Someone</figcaption></figure>"
        + "<figure><img src=\"/a.png\"></figure>"))
        .isEqualTo("> Quoted\n\n*Someone*\n\n![](/a.png)\n");
  }

  @Test
  void headingsStayOnOneLineAndATrailingHashIsText() {
    String markdown = markdown("<h3>With <a href=\"/x\">link</a><br>and break</h3><h4>C#</h4><h5>Issue #</h5>");

    assertThat(markdown).isEqualTo("### With [link](/x) and break\n\n#### C#\n\n##### Issue \\#\n");
    assertThat(new MarkdownRenderer().render(markdown).toc()).extracting(org.thinkpress.content.TocEntry::text)
        .containsExactly("With link and break", "C#");
  }

  @Test
  void elementsTheSanitizerKeepsAndMarkdownLacksStayInlineHtml() {
    String markdown = markdown("<p>x<sup>2</sup>, H<sub>2</sub>O, <del>gone</del>, <strike>old</strike>, "
        + "<abbr title=\"North Atlantic\">NATO</abbr>, <span style=\"color:red\">plain</span></p>");

    assertThat(markdown).isEqualTo("x<sup>2</sup>, H<sub>2</sub>O, <del>gone</del>, <del>old</del>, "
        + "<abbr title=\"North Atlantic\">NATO</abbr>, plain\n");
    assertThat(rendered(markdown)).contains("x<sup>2</sup>", "<abbr title=\"North Atlantic\">NATO</abbr>");
  }

  @Test
  void definitionsAndLooseTextInDivsBecomeParagraphs() {
    assertThat(markdown("<dl><dt>Term</dt><dd>Meaning</dd></dl><div>bare <p>inner</p> tail</div>"))
        .isEqualTo("**Term**\n\nMeaning\n\nbare\n\ninner\n\ntail\n");
  }

  @Test
  void cyrillicAndArmenianTextIsUnchanged() {
    assertThat(markdown("<h2>Введение</h2><p>Армения — Հայաստան, «цитата».</p>"))
        .isEqualTo("## Введение\n\nАрмения — Հայաստան, «цитата».\n");
  }
}
