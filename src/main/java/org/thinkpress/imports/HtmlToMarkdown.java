package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cleaned HTML as ThinkPress Markdown: CommonMark with GFM tables. Headings stay headings (the table
 * of contents is built from them), an image with a caption becomes a {@code figure} around a
 * Markdown image, and what Markdown cannot say but the sanitizer keeps stays HTML ({@code sup},
 * rich tables). Blocks are separated by one blank line; no line ends in a space; comments, scripts
 * and unknown wrappers leave only their text.
 *
 * <p>It expects the body already cleaned by {@link BodyConverter}: no cards, shortcodes, frames or
 * players are left, and every URL is the one to write.
 */
final class HtmlToMarkdown {

  private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dir", "menu",
      "li", "blockquote", "pre", "hr", "table", "figure", "figcaption", "div", "section", "article", "aside", "header",
      "footer", "nav", "main", "address", "center", "dl", "dt", "dd", "details", "summary", "fieldset", "legend",
      "hgroup", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "body");
  private static final Pattern LANGUAGE = Pattern.compile("(?:^|\\s)(?:language|lang)-([A-Za-z0-9+#_-]{1,30})");
  private static final Pattern BRUSH = Pattern.compile("brush:\\s*([A-Za-z0-9+#_-]{1,30})");
  private static final Pattern CLOSING_HASHES = Pattern.compile("(^|\\s)(#+)$");
  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \t]+$", Pattern.MULTILINE);

  /** One block of output; {@code list} is the marker a list used (so that the next list uses another), or 0. */
  private record Block(String text, char list) {
    static Block of(String text) {
      return new Block(text, '\0');
    }
  }

  private HtmlToMarkdown() {}

  /** Whether an element of this name starts a block of its own rather than running on in a paragraph. */
  static boolean isBlock(String name) {
    return BLOCKS.contains(name);
  }

  /** The Markdown of everything inside {@code root}, ending in a newline, or {@code ""} when nothing is left. */
  static String convert(Element root) {
    List<Block> blocks = new ArrayList<>();
    appendBlocks(root, blocks);
    List<String> texts = new ArrayList<>();
    for (Block block : blocks) {
      texts.add(block.text());
    }
    String markdown = TRAILING_SPACES.matcher(String.join("\n\n", texts)).replaceAll("").strip();
    return markdown.isEmpty() ? "" : markdown + "\n";
  }

  private static void appendBlocks(Element container, List<Block> out) {
    List<Node> run = new ArrayList<>();
    for (Node child : container.childNodes()) {
      if (child instanceof Element e && BLOCKS.contains(e.normalName())) {
        flush(run, out);
        block(e, out);
      } else {
        run.add(child);
      }
    }
    flush(run, out);
  }

  private static void flush(List<Node> run, List<Block> out) {
    for (String paragraph : MarkdownInline.paragraphs(run)) {
      out.add(Block.of(paragraph));
    }
    run.clear();
  }

  private static void block(Element e, List<Block> out) {
    String name = e.normalName();
    switch (name) {
      case "p" -> flush(new ArrayList<>(e.childNodes()), out);
      case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e, name.charAt(1) - '0', out);
      case "ul", "dir", "menu" -> list(e, false, out);
      case "ol" -> list(e, true, out);
      case "blockquote" -> quote(e, out);
      case "pre" -> out.add(Block.of(code(e)));
      case "hr" -> out.add(Block.of("---"));
      case "table" -> {
        String table = MarkdownTable.of(e);
        if (!table.isEmpty()) {
          out.add(Block.of(table));
        }
      }
      case "figure" -> figure(e, out);
      case "dt", "summary" -> MarkdownInline.boldParagraphs(e.childNodes()).forEach(p -> out.add(Block.of(p)));
      default -> appendBlocks(e, out);
    }
  }

  private static void heading(Element e, int level, List<Block> out) {
    String text = MarkdownInline.line(e.childNodes(), MarkdownInline.Where.HEADING);
    if (text.isEmpty()) {
      return;
    }
    // a space and hashes at the end would be read as the heading's closing sequence
    Matcher closing = CLOSING_HASHES.matcher(text);
    if (closing.find()) {
      text = text.substring(0, closing.start(2)) + "\\" + closing.group(2);
    }
    out.add(Block.of("#".repeat(level) + " " + text));
  }

  private static void list(Element e, boolean ordered, List<Block> out) {
    List<List<Block>> items = new ArrayList<>();
    for (Element child : e.children()) {
      List<Block> item = new ArrayList<>();
      if (child.normalName().equals("li")) {
        appendBlocks(child, item);
      } else if (!items.isEmpty() && List.of("ul", "ol").contains(child.normalName())) {
        // a list nested straight inside a list, as old editors wrote it, belongs to the item before it
        block(child, items.get(items.size() - 1));
        continue;
      } else {
        block(child, item);
      }
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    if (items.isEmpty()) {
      return;
    }
    char marker = marker(ordered, out);
    boolean loose = items.stream().anyMatch(item -> item.stream().skip(1).anyMatch(b -> b.list() == '\0'));
    int number = ordered ? start(e) : 0;
    StringBuilder text = new StringBuilder();
    for (List<Block> item : items) {
      if (text.length() > 0) {
        text.append(loose ? "\n\n" : "\n");
      }
      String prefix = ordered ? (number++) + String.valueOf(marker) : String.valueOf(marker);
      text.append(indent(prefix + " ", join(item, loose)));
    }
    out.add(new Block(text.toString(), marker));
  }

  /** Two lists in a row need different markers, or CommonMark reads them as one. */
  private static char marker(boolean ordered, List<Block> out) {
    char previous = out.isEmpty() ? '\0' : out.get(out.size() - 1).list();
    if (ordered) {
      return previous == '.' ? ')' : '.';
    }
    return previous == '-' ? '*' : '-';
  }

  private static int start(Element ol) {
    try {
      return Math.max(0, Integer.parseInt(ol.attr("start").strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String join(List<Block> blocks, boolean loose) {
    StringBuilder text = new StringBuilder();
    for (Block block : blocks) {
      if (text.length() > 0) {
        text.append(!loose && block.list() != '\0' ? "\n" : "\n\n");
      }
      text.append(block.text());
    }
    return text.toString();
  }

  private static String indent(String marker, String text) {
    String pad = " ".repeat(marker.length());
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(i == 0 ? marker : lines[i].isEmpty() ? "" : pad).append(lines[i]);
    }
    return out.toString();
  }

  private static void quote(Element e, List<Block> out) {
    List<Block> inner = new ArrayList<>();
    appendBlocks(e, inner);
    if (inner.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (String line : join(inner, true).split("\n", -1)) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(line.isEmpty() ? ">" : "> " + line);
    }
    out.add(Block.of(text.toString()));
  }

  private static String code(Element pre) {
    StringBuilder raw = new StringBuilder();
    preText(pre, raw);
    String code = raw.toString().replace("\r\n", "\n").replaceFirst("^\n", "").replaceAll("[ \t]+\n", "\n")
        .replaceAll("\\s+$", "");
    String fence = "`".repeat(Math.max(3, MarkdownInline.longestRun(code, '`') + 1));
    return fence + language(pre) + "\n" + (code.isEmpty() ? "" : code + "\n") + fence;
  }

  private static void preText(Node node, StringBuilder out) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode text) {
        out.append(text.getWholeText());
      } else if (child instanceof Element e && e.normalName().equals("br")) {
        out.append('\n');
      } else {
        preText(child, out);
      }
    }
  }

  private static String language(Element pre) {
    Element code = pre.selectFirst("code");
    for (String classes : new String[] {code == null ? "" : code.className(), pre.className()}) {
      Matcher matcher = LANGUAGE.matcher(classes);
      if (matcher.find()) {
        return matcher.group(1).toLowerCase(Locale.ROOT);
      }
      Matcher brush = BRUSH.matcher(classes);
      if (brush.find()) {
        return brush.group(1).toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }

  /**
   * An image with a caption becomes a {@code figure} holding the Markdown image and the caption as
   * inline HTML; anything else in a figure (a table, a quote, a gallery) keeps its own form and the
   * caption follows as an italic paragraph.
   */
  private static void figure(Element figure, List<Block> out) {
    Element caption = null;
    Element content = figure.shallowClone();
    for (Node child : figure.childNodes()) {
      if (child instanceof Element e && e.normalName().equals("figcaption") && caption == null) {
        caption = e;
      } else {
        content.appendChild(child.clone());
      }
    }
    List<Block> inner = new ArrayList<>();
    appendBlocks(content, inner);
    boolean captioned = caption != null && !caption.text().isBlank();
    boolean oneImage = inner.size() == 1 && content.select("img").size() == 1
        && inner.get(0).text().matches("(?s)\\[?!\\[.*\\)");
    if (oneImage && captioned) {
      out.add(Block.of("<figure>\n\n" + inner.get(0).text() + "\n\n<figcaption>" + HtmlFragments.inline(caption)
          + "</figcaption>\n</figure>"));
      return;
    }
    out.addAll(inner);
    if (captioned) {
      Element italic = new Element("em");
      for (Node child : caption.childNodes()) {
        italic.appendChild(child.clone());
      }
      flush(new ArrayList<>(List.of(italic)), out);
    }
  }
}
