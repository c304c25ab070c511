package org.thinkpress.imports;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The few places where a body keeps HTML inside its Markdown, because Markdown has no form for it
 * and the sanitizer keeps it: a figure's caption and a table too rich for a pipe table. What is
 * written is already reduced to tags the sanitizer allows, on lines with no blank line between
 * them, so that CommonMark passes it as one HTML block.
 */
final class HtmlFragments {

  private static final Safelist INLINE = new Safelist()
      .addTags("a", "img", "strong", "em", "b", "i", "u", "s", "del", "ins", "code", "br", "sup", "sub", "small",
          "mark", "abbr", "cite", "q", "kbd", "samp", "var")
      .addAttributes("a", "href")
      .addAttributes("img", "src", "alt")
      .addAttributes("abbr", "title");

  private static final Safelist TABLE = new Safelist(INLINE)
      .addTags("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "p", "ul", "ol", "li", "pre",
          "blockquote")
      .addAttributes("th", "colspan", "rowspan", "scope")
      .addAttributes("td", "colspan", "rowspan");

  private HtmlFragments() {}

  /** The element's content as inline HTML on one line: a figure's caption. */
  static String inline(Element element) {
    return clean(flat(element, false), INLINE).replaceAll("\\s*\n\\s*", " ").strip();
  }

  /** The whole table as HTML with no blank line in it. */
  static String table(Element table) {
    return clean(flat(table, true), TABLE).replaceAll("\n[ \t]*(?=\n)", "").replaceAll("\n{2,}", "\n").strip();
  }

  static String escapeAttribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String escapeText(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The element's HTML as it stands, without the line breaks and indents of pretty printing. */
  private static String flat(Element element, boolean outer) {
    Document copy = Document.createShell("");
    copy.outputSettings().prettyPrint(false);
    copy.body().appendChild(element.clone());
    Element clone = copy.body().child(0);
    return outer ? clone.outerHtml() : clone.html();
  }

  private static String clean(String html, Safelist safelist) {
    Document fragment = Jsoup.parseBodyFragment(html);
    fragment.outputSettings().prettyPrint(false);
    for (Element placeholder : fragment.select(MarkdownInline.PLACEHOLDER)) {
      placeholder.tagName("em").text("[" + placeholder.text() + "]");
    }
    Document.OutputSettings flat = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(fragment.body().html(), "", safelist, flat);
  }
}
