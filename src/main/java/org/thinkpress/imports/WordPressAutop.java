package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What WordPress's {@code wpautop} does to classic-editor text, done on the parsed body: a blank
 * line ends a paragraph and a single newline is a line break. Text inside {@code pre}, headings
 * and code is left as it is, and newlines beside block elements make no break.
 */
final class WordPressAutop {

  /** Where runs of text always become paragraphs; in list items and cells only when a blank line splits them. */
  private static final Set<String> FLOWS = Set.of("body", "div", "blockquote", "section", "article", "aside",
      "header", "footer", "main", "nav", "details", "center");
  private static final Set<String> CELLS = Set.of("li", "td", "th", "dd");
  private static final Set<String> VERBATIM = Set.of("pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "script",
      "style", "textarea", "table", "tr", "thead", "tbody", "tfoot", "ul", "ol");
  private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t\u00A0]*\n\\s*");
  private static final Pattern NEWLINE = Pattern.compile("[ \t]*\n[ \t]*");

  private WordPressAutop() {}

  static void apply(Element container) {
    for (Element child : new ArrayList<>(container.children())) {
      String name = child.normalName();
      if (name.equals("p")) {
        breakLines(new ArrayList<>(child.childNodes()), true);
      } else if (HtmlToMarkdown.isBlock(name) && !name.equals("pre") && !name.matches("h[1-6]")) {
        apply(child);
      }
    }
    String name = container.normalName();
    if (FLOWS.contains(name) || CELLS.contains(name)) {
      wrapRuns(container, FLOWS.contains(name));
    }
  }

  private static void wrapRuns(Element container, boolean always) {
    List<Node> run = new ArrayList<>();
    for (Node child : new ArrayList<>(container.childNodes())) {
      if (child instanceof Element e && HtmlToMarkdown.isBlock(e.normalName())) {
        paragraphs(run, always);
        run = new ArrayList<>();
      } else {
        run.add(child);
      }
    }
    paragraphs(run, always);
  }

  private static void paragraphs(List<Node> run, boolean always) {
    if (run.stream().allMatch(WordPressAutop::blank)) {
      return;
    }
    List<List<Node>> paragraphs = split(run);
    if (!always && paragraphs.size() == 1) {
      breakLines(paragraphs.get(0), true);
      return;
    }
    for (List<Node> paragraph : paragraphs) {
      if (paragraph.stream().allMatch(WordPressAutop::blank)) {
        paragraph.forEach(Node::remove);
        continue;
      }
      Element p = new Element("p");
      paragraph.get(0).before(p);
      for (Node node : paragraph) {
        p.appendChild(node);
      }
      breakLines(new ArrayList<>(p.childNodes()), true);
    }
  }

  /** The run cut at its blank lines; text nodes that hold one are split in place. */
  private static List<List<Node>> split(List<Node> run) {
    List<List<Node>> paragraphs = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    for (Node node : run) {
      if (!(node instanceof TextNode text) || !BLANK_LINE.matcher(text.getWholeText()).find()) {
        current.add(node);
        continue;
      }
      String[] parts = BLANK_LINE.split(text.getWholeText(), -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          paragraphs.add(current);
          current = new ArrayList<>();
        }
        if (!parts[i].isEmpty()) {
          TextNode part = new TextNode(parts[i]);
          text.before(part);
          current.add(part);
        }
      }
      text.remove();
    }
    paragraphs.add(current);
    paragraphs.removeIf(List::isEmpty);
    return paragraphs;
  }

  /** Single newlines inside one paragraph become line breaks (a verse block's lines). */
  static void breakLines(Element paragraph) {
    breakLines(new ArrayList<>(paragraph.childNodes()), true);
  }

  /** Single newlines in {@code nodes} become {@code <br>}, except at the edges and beside an existing break. */
  private static void breakLines(List<Node> nodes, boolean trimEdges) {
    for (int k = 0; k < nodes.size(); k++) {
      Node node = nodes.get(k);
      if (node instanceof Element e && !VERBATIM.contains(e.normalName()) && !HtmlToMarkdown.isBlock(e.normalName())) {
        breakLines(new ArrayList<>(e.childNodes()), false);
      }
      if (!(node instanceof TextNode text)) {
        continue;
      }
      String value = text.getWholeText();
      if (trimEdges && k == 0) {
        value = value.replaceFirst("^\\s+", "");
      }
      if (trimEdges && k == nodes.size() - 1) {
        value = value.replaceFirst("\\s+$", "");
      }
      String[] lines = NEWLINE.split(value, -1);
      if (lines.length == 1) {
        text.text(value);
        continue;
      }
      boolean breakBefore = isBreak(text.previousSibling());
      boolean breakAfter = isBreak(text.nextSibling());
      for (int i = 0; i < lines.length; i++) {
        boolean afterBreak = i == 1 && lines[0].isEmpty() && breakBefore;
        boolean beforeBreak = i == lines.length - 1 && lines[i].isEmpty() && breakAfter;
        if (i > 0 && !afterBreak && !beforeBreak) {
          text.before(new Element("br"));
        }
        if (!lines[i].isEmpty()) {
          text.before(new TextNode(lines[i]));
        }
      }
      text.remove();
    }
  }

  private static boolean isBreak(Node node) {
    return node instanceof Element e && e.normalName().equals("br");
  }

  private static boolean blank(Node node) {
    return node instanceof TextNode text && text.isBlank();
  }
}
