package org.thinkpress.newsletter;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text version of an email's HTML (a campaign's body): paragraphs and headings on lines
 * of their own, list items marked, and every link written with its target, {@code text <URL>}, so
 * that a reader of the text part loses no link ("Read the analysis" alone says nowhere to go). A
 * link whose text is its URL is written once.
 */
final class PlainText {

  private PlainText() {}

  static String of(String html) {
    Writer writer = new Writer();
    NodeTraversor.traverse(writer, Jsoup.parseBodyFragment(html).body());
    return writer.result();
  }

  private static final class Writer implements NodeVisitor {
    private final StringBuilder out = new StringBuilder();
    private int listDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        inline(text.text());
        return;
      }
      if (!(node instanceof Element element)) {
        return;
      }
      switch (element.normalName()) {
        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre" -> blankLine();
        case "ul", "ol" -> {
          if (listDepth++ == 0) {
            blankLine();
          }
        }
        case "li" -> {
          newLine();
          out.append("  ".repeat(Math.max(0, listDepth - 1)))
              .append(element.parent() != null && element.parent().normalName().equals("ol")
                  ? (element.elementSiblingIndex() + 1) + ". " : "* ");
        }
        case "br", "tr" -> newLine();
        case "img" -> inline(element.attr("alt"));
        default -> { }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return;
      }
      switch (element.normalName()) {
        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre" -> blankLine();
        case "ul", "ol" -> {
          if (--listDepth == 0) {
            blankLine();
          }
        }
        case "td", "th" -> inline(" ");
        case "a" -> {
          String href = element.attr("href").strip();
          String label = element.text().strip();
          if (!href.isEmpty() && !href.equals(label) && !href.equals("mailto:" + label)) {
            inline(" <" + href + ">");
          }
        }
        default -> { }
      }
    }

    /** Text within a line: runs of white space become one space, none at a line's start. */
    private void inline(String text) {
      String collapsed = text.replaceAll("\\s+", " ");
      if (collapsed.isEmpty()) {
        return;
      }
      boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
      if ((atLineStart || out.charAt(out.length() - 1) == ' ') && collapsed.startsWith(" ")) {
        collapsed = collapsed.substring(1);
      }
      out.append(collapsed);
    }

    private void newLine() {
      trimTrailingSpace();
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    private void blankLine() {
      newLine();
      if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
        out.append('\n');
      }
    }

    private void trimTrailingSpace() {
      while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
    }

    String result() {
      return out.toString().strip();
    }
  }
}
