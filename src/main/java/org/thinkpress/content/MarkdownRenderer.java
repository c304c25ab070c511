package org.thinkpress.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns Markdown (CommonMark with tables and heading anchors) into HTML that is safe to serve.
 *
 * <p>The steps: parse; renumber headings so the body's top level is {@code h2} (the page title is
 * the only {@code h1}) and no heading skips a level below the one before it; render with an id on every heading; pass the result
 * through {@link HtmlSanitizer}; then give each heading a unique id that cannot clash with the
 * page's own, wrap tables so that they scroll on narrow screens, and read off the table of contents
 * and the word count. It runs when content is saved, not when a page is served.
 */
public final class MarkdownRenderer {

  /** Words an average reader reads in a minute of careful reading. */
  static final int WORDS_PER_MINUTE = 230;

  /** Ids the page layout uses; a heading that would take one gets a suffix. */
  static final Set<String> RESERVED_IDS = Set.of("main", "content", "toc", "top", "site-nav", "skip", "footer",
      "header", "search", "subscribe", "other-materials", "experts", "body");

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer = HtmlRenderer.builder()
        .extensions(extensions)
        .attributeProviderFactory(context -> new SafeAttributes())
        .build();
  }

  /** Renders a publication body: HTML, table of contents, words and reading time. */
  public RenderedBody render(String markdown) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    document.accept(new HeadingLevels(collectLevels(document)));
    String sanitized = HtmlSanitizer.sanitize(renderer.render(document));
    Document html = Jsoup.parseBodyFragment(sanitized);
    html.outputSettings().prettyPrint(false);
    List<TocEntry> toc = finishHeadings(html.body());
    wrapTables(html.body());
    int words = countWords(html.body().text());
    int minutes = Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
    return new RenderedBody(html.body().html(), toc, words, minutes);
  }

  /** Renders a short text such as a biography: sanitized HTML, headings kept below {@code h2}. */
  public String renderSnippet(String markdown) {
    return render(markdown).html();
  }

  private static Set<Integer> collectLevels(Node document) {
    Set<Integer> levels = new TreeSet<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        levels.add(heading.getLevel());
      }
    });
    return levels;
  }

  /**
   * Renumbers headings: the levels in use map, in order, onto h2, h3... ({1, 3, 4} becomes
   * {2, 3, 4}), and no heading goes more than one level below the one before it, so that the
   * outline has no gaps (h2 then h4 becomes h2 then h3).
   */
  private static final class HeadingLevels extends AbstractVisitor {
    private final List<Integer> used;
    private int previous = 1;

    HeadingLevels(Set<Integer> used) {
      this.used = new ArrayList<>(used);
    }

    @Override
    public void visit(Heading heading) {
      int mapped = 2 + used.indexOf(heading.getLevel());
      int level = Math.min(6, Math.min(mapped, previous + 1));
      heading.setLevel(level);
      previous = level;
      visitChildren(heading);
    }
  }

  /** Table cells carry a class instead of the obsolete {@code align}; images load lazily. */
  private static final class SafeAttributes implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof TableCell) {
        String align = attributes.remove("align");
        if (align != null) {
          attributes.put("class", "align-" + align);
        }
      } else if (node instanceof Image) {
        attributes.put("loading", "lazy");
        attributes.put("decoding", "async");
      }
    }
  }

  private static List<TocEntry> finishHeadings(Element body) {
    Set<String> taken = new HashSet<>(RESERVED_IDS);
    List<TocEntry> toc = new ArrayList<>();
    for (Element heading : body.select("h2, h3, h4, h5, h6")) {
      String base = heading.id().isEmpty() ? "section" : heading.id();
      String id = base;
      for (int n = 1; !taken.add(id); n++) {
        id = base + "-" + n;
      }
      heading.id(id);
      int level = heading.tagName().charAt(1) - '0';
      if (level <= 3 && !heading.text().isBlank()) {
        toc.add(new TocEntry(level, id, heading.text()));
      }
    }
    return toc;
  }

  private static void wrapTables(Element body) {
    for (Element table : body.select("table")) {
      Element caption = table.selectFirst("caption");
      String label = caption != null ? caption.text() : "Table";
      table.wrap("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"></div>");
      table.parent().attr("aria-label", label);
    }
  }

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
