package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Inline HTML (text, emphasis, links, images, code, line breaks) written as CommonMark inline text
 * that reads back as the same thing: every Markdown special in the text is escaped, so that text
 * never turns into markup.
 *
 * <p>Emphasis is written with stars where CommonMark will read it back, and as {@code <strong>} or
 * {@code <em>} where its flanking rules would not (a run that starts with punctuation right after
 * a letter, two runs that touch). Elements the sanitizer keeps and Markdown lacks ({@code sup},
 * {@code sub}, {@code del}...) stay as inline HTML.
 */
final class MarkdownInline {

  /** Where the text goes: decides what a line break becomes and what else needs escaping. */
  enum Where {
    /** A paragraph: breaks are hard breaks, two in a row start a new paragraph. */
    PARAGRAPH,
    /** A heading: one line, breaks are spaces. */
    HEADING,
    /** A pipe-table cell: one line, breaks are {@code <br>}, pipes are escaped. */
    CELL
  }

  /** The tag of the element that stands for a file that was not brought over (see {@link BodyUrls}). */
  static final String PLACEHOLDER = "tp-missing";

  private static final char BREAK = '\uE000';
  private static final char STRONG_OPEN = '\uE001';
  private static final char STRONG_CLOSE = '\uE002';
  private static final char EM_OPEN = '\uE003';
  private static final char EM_CLOSE = '\uE004';

  private static final Set<String> RAW_TAGS = Set.of("sup", "sub", "u", "s", "del", "ins", "mark", "small", "abbr",
      "cite", "q", "kbd", "samp", "var");
  private static final Set<String> BLOCKS_INSIDE = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "figure", "figcaption", "section", "article", "dt", "dd", "tr", "ul", "ol", "table", "pre");
  private static final Pattern SPACES = Pattern.compile("[ \t\n\r\f]+");
  private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile(" *" + BREAK + "(?: *" + BREAK + ")+ *");
  private static final Pattern SPACED_BREAK = Pattern.compile(" *" + BREAK + " *");
  private static final Pattern HEADING_START = Pattern.compile("#{1,6}(?:[ \t]|$)");
  private static final Pattern ORDERED_START = Pattern.compile("(\\d{1,9})[.)](?:[ \t]|$)");
  private static final Pattern UNDERLINE = Pattern.compile("(?:=+|-+)[ \t]*");
  private static final Pattern TABLE_DELIMITER = Pattern.compile("[|:][-|: \t]*-[-|: \t]*");
  private static final Pattern AUTOLINK = Pattern.compile("(?:https?|mailto):[^\\s<>]+");

  private final Where where;
  private int strongDepth;
  private int emDepth;
  private boolean inLink;

  private MarkdownInline(Where where) {
    this.where = where;
  }

  /** The paragraphs that {@code nodes} make (two line breaks in a row start a new one); none when blank. */
  static List<String> paragraphs(List<Node> nodes) {
    return new MarkdownInline(Where.PARAGRAPH).render(nodes, false);
  }

  /** Like {@link #paragraphs}, with the whole text bold (a toggle's or a term's title). */
  static List<String> boldParagraphs(List<Node> nodes) {
    return new MarkdownInline(Where.PARAGRAPH).render(nodes, true);
  }

  /** The text of a heading or a table cell, on one line; {@code ""} when blank. */
  static String line(List<Node> nodes, Where where) {
    List<String> lines = new MarkdownInline(where).render(nodes, false);
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /** A link's destination, in angle brackets where a space or a parenthesis would end it early. */
  static String destination(String url) {
    String safe = url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace("\n", "");
    return safe.matches(".*[ ()\\\\].*") ? "<" + safe + ">" : safe;
  }

  private List<String> render(List<Node> nodes, boolean bold) {
    StringBuilder out = new StringBuilder();
    if (bold) {
      out.append(STRONG_OPEN);
      strongDepth++;
    }
    for (Node node : nodes) {
      node(node, out);
    }
    if (bold) {
      out.append(STRONG_CLOSE);
    }
    return finish(out.toString());
  }

  private void node(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      text(text.getWholeText(), out);
    } else if (node instanceof Element element) {
      element(element, out);
    }
  }

  private void element(Element e, StringBuilder out) {
    String name = e.normalName();
    switch (name) {
      case "br" -> out.append(where == Where.HEADING || inLink ? ' ' : BREAK);
      case "strong", "b" -> emphasis(e, out, true);
      case "em", "i" -> emphasis(e, out, false);
      case "code", "tt" -> code(e.wholeText(), out);
      case "a" -> link(e, out);
      case "img" -> image(e, out);
      case PLACEHOLDER -> placeholder(e.text(), out);
      case "strike" -> raw("del", e, out);
      default -> {
        if (RAW_TAGS.contains(name)) {
          raw(name, e, out);
        } else if (BLOCKS_INSIDE.contains(name)) {
          separate(out);
          children(e, out);
          separate(out);
        } else {
          children(e, out);
        }
      }
    }
  }

  private void children(Element e, StringBuilder out) {
    for (Node child : e.childNodes()) {
      node(child, out);
    }
  }

  /** A block met inside inline content (a paragraph inside a cell or a link) stands on a line of its own. */
  private void separate(StringBuilder out) {
    if (out.length() == 0 || last(out) == BREAK) {
      return;
    }
    out.append(inLink || where == Where.HEADING ? ' ' : BREAK);
  }

  private void text(String raw, StringBuilder out) {
    String text = SPACES.matcher(raw).replaceAll(" ");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        space(out);
        continue;
      }
      if (needsEscape(text, i, out)) {
        out.append('\\');
      }
      out.append(c);
    }
  }

  /** One space, unless the text already ends with one or with a break. */
  private static void space(StringBuilder out) {
    if (out.length() == 0 || (last(out) != ' ' && last(out) != BREAK)) {
      out.append(' ');
    }
  }

  private boolean needsEscape(String text, int i, StringBuilder out) {
    char c = text.charAt(i);
    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    return switch (c) {
      case '\\', '*', '`', '<' -> true;
      case '_' -> !wordChar(i > 0 ? text.charAt(i - 1) : last(out)) || i + 1 == text.length() || !wordChar(next);
      case '[' -> inLink;
      case ']' -> inLink || i + 1 == text.length() || next == '(' || next == '[' || next == ':';
      case '&' -> ENTITY.matcher(text).region(i, text.length()).lookingAt();
      case '|' -> where == Where.CELL;
      default -> false;
    };
  }

  private static char last(StringBuilder out) {
    return out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private void emphasis(Element e, StringBuilder out, boolean strong) {
    if ((strong ? strongDepth : emDepth) > 0) {
      children(e, out);
      return;
    }
    StringBuilder inner = new StringBuilder();
    if (strong) {
      strongDepth++;
    } else {
      emDepth++;
    }
    children(e, inner);
    if (strong) {
      strongDepth--;
    } else {
      emDepth--;
    }
    wrap(inner, out, strong ? STRONG_OPEN : EM_OPEN, strong ? STRONG_CLOSE : EM_CLOSE);
  }

  /** Writes {@code open inner close}, with the spaces and breaks at the inner text's edges moved outside. */
  private static void wrap(StringBuilder inner, StringBuilder out, char open, char close) {
    int start = 0;
    int end = inner.length();
    while (start < end && edge(inner.charAt(start))) {
      start++;
    }
    while (end > start && edge(inner.charAt(end - 1))) {
      end--;
    }
    appendEdge(inner, 0, start, out);
    if (start < end) {
      out.append(open).append(inner, start, end).append(close);
    }
    appendEdge(inner, end, inner.length(), out);
  }

  private static boolean edge(char c) {
    return c == ' ' || c == BREAK;
  }

  private static void appendEdge(StringBuilder inner, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      if (inner.charAt(i) == BREAK) {
        out.append(BREAK);
      } else {
        space(out);
      }
    }
  }

  private void code(String raw, StringBuilder out) {
    String code = SPACES.matcher(raw).replaceAll(" ").strip();
    if (code.isEmpty()) {
      return;
    }
    if (where == Where.CELL) {
      code = code.replace("|", "\\|");
    }
    String fence = "`".repeat(longestRun(code, '`') + 1);
    String pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
    out.append(fence).append(pad).append(code).append(pad).append(fence);
  }

  static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private void link(Element e, StringBuilder out) {
    String href = e.attr("href").strip();
    if (href.isEmpty() || inLink) {
      children(e, out);
      return;
    }
    if (e.text().strip().equals(href) && AUTOLINK.matcher(href).matches() && e.select("img").isEmpty()) {
      out.append('<').append(href).append('>');
      return;
    }
    StringBuilder inner = new StringBuilder();
    inLink = true;
    children(e, inner);
    inLink = false;
    int start = 0;
    int end = inner.length();
    while (start < end && inner.charAt(start) == ' ') {
      start++;
    }
    while (end > start && inner.charAt(end - 1) == ' ') {
      end--;
    }
    if (start == end) {
      return;
    }
    if (start > 0) {
      space(out);
    }
    out.append('[').append(inner, start, end).append("](").append(destination(href)).append(')');
    if (end < inner.length()) {
      out.append(' ');
    }
  }

  private void image(Element e, StringBuilder out) {
    String src = e.attr("src").strip();
    if (src.isEmpty()) {
      return;
    }
    StringBuilder alt = new StringBuilder();
    boolean wasInLink = inLink;
    inLink = true;
    text(e.attr("alt").strip(), alt);
    inLink = wasInLink;
    out.append("![").append(alt).append("](").append(destination(src)).append(')');
  }

  private void placeholder(String text, StringBuilder out) {
    StringBuilder escaped = new StringBuilder();
    text(text, escaped);
    String body = "[" + escaped.toString().replace("\\]", "]").replace("\\[", "[") + "]";
    if (emDepth > 0) {
      out.append(body);
    } else {
      out.append(EM_OPEN).append(body).append(EM_CLOSE);
    }
  }

  private void raw(String tag, Element e, StringBuilder out) {
    out.append('<').append(tag);
    if (tag.equals("abbr") && e.hasAttr("title")) {
      out.append(" title=\"").append(HtmlFragments.escapeAttribute(e.attr("title"))).append('"');
    }
    out.append('>');
    children(e, out);
    out.append("</").append(tag).append('>');
  }

  private List<String> finish(String rendered) {
    List<String> result = new ArrayList<>();
    List<String> chunks = where == Where.PARAGRAPH
        ? List.of(PARAGRAPH_BREAK.split(rendered))
        : List.of(rendered);
    for (String chunk : chunks) {
      String text = Emphasis.resolve(trimEdges(SPACED_BREAK.matcher(chunk).replaceAll(String.valueOf(BREAK))));
      if (blank(text)) {
        continue;
      }
      if (where != Where.PARAGRAPH) {
        String oneLine = text.replace(String.valueOf(BREAK), where == Where.CELL ? "<br>" : " ");
        result.add(SPACES.matcher(oneLine).replaceAll(" ").strip());
        continue;
      }
      StringBuilder paragraph = new StringBuilder();
      for (String line : text.split(String.valueOf(BREAK), -1)) {
        if (paragraph.length() > 0) {
          paragraph.append("\\\n");
        }
        paragraph.append(escapeLineStart(line.strip()));
      }
      result.add(paragraph.toString());
    }
    return result;
  }

  private static String trimEdges(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (edge(text.charAt(start)) || Character.isWhitespace(text.charAt(start)))) {
      start++;
    }
    while (end > start && (edge(text.charAt(end - 1)) || Character.isWhitespace(text.charAt(end - 1)))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Blank also when it holds only no-break or zero-width spaces, as editors leave ({@code <p>&nbsp;</p>}). */
  private static boolean blank(String text) {
    return text.chars().allMatch(c -> Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF');
  }

  /** Escapes what would start a block (heading, list, quote, fence, underline) at a line's start. */
  static String escapeLineStart(String line) {
    if (line.isEmpty()) {
      return line;
    }
    char c = line.charAt(0);
    boolean block = c == '>'
        || (c == '#' && HEADING_START.matcher(line).lookingAt())
        || ((c == '-' || c == '+') && (line.length() == 1 || line.charAt(1) == ' ' || line.charAt(1) == '\t'))
        || UNDERLINE.matcher(line).matches()
        || line.startsWith("~~~")
        || TABLE_DELIMITER.matcher(line).matches();
    if (block) {
      return "\\" + line;
    }
    Matcher ordered = ORDERED_START.matcher(line);
    if (ordered.lookingAt()) {
      int digits = ordered.group(1).length();
      return line.substring(0, digits) + "\\" + line.substring(digits);
    }
    return line;
  }

  /** Turns the emphasis marks into stars or tags; see the class comment. */
  static final class Emphasis {
    private Emphasis() {}

    static String resolve(String text) {
      int[] partner = pair(text);
      StringBuilder out = new StringBuilder(text.length() + 16);
      boolean[] tags = new boolean[text.length()];
      for (int i = 0; i < text.length(); i++) {
        if (isOpen(text.charAt(i)) && partner[i] >= 0) {
          tags[i] = !starsWork(text, i, partner[i]);
          tags[partner[i]] = tags[i];
        }
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < STRONG_OPEN || c > EM_CLOSE) {
          out.append(c);
        } else if (partner[i] >= 0) {
          out.append(mark(c, tags[i]));
        }
      }
      return out.toString();
    }

    private static int[] pair(String text) {
      int[] partner = new int[text.length()];
      java.util.Arrays.fill(partner, -1);
      java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (isOpen(c)) {
          open.push(i);
        } else if ((c == STRONG_CLOSE || c == EM_CLOSE) && !open.isEmpty() && text.charAt(open.peek()) == c - 1) {
          int o = open.pop();
          partner[o] = i;
          partner[i] = o;
        }
      }
      return partner;
    }

    private static boolean isOpen(char c) {
      return c == STRONG_OPEN || c == EM_OPEN;
    }

    private static String mark(char c, boolean tag) {
      return switch (c) {
        case STRONG_OPEN -> tag ? "<strong>" : "**";
        case STRONG_CLOSE -> tag ? "</strong>" : "**";
        case EM_OPEN -> tag ? "<em>" : "*";
        default -> tag ? "</em>" : "*";
      };
    }

    /** Whether CommonMark reads stars at {@code open} and {@code close} as this emphasis (its flanking rules). */
    private static boolean starsWork(String text, int open, int close) {
      char before = open > 0 ? text.charAt(open - 1) : ' ';
      char first = text.charAt(open + 1);
      char lastInside = text.charAt(close - 1);
      char after = close + 1 < text.length() ? text.charAt(close + 1) : ' ';
      if (before == STRONG_CLOSE || before == EM_CLOSE) {
        return false;
      }
      return !(punctuation(first) && word(before)) && !(punctuation(lastInside) && word(after));
    }

    private static boolean punctuation(char c) {
      if (c >= STRONG_OPEN && c <= EM_CLOSE) {
        return true;
      }
      if (c < 128) {
        return c > ' ' && !Character.isLetterOrDigit(c);
      }
      int type = Character.getType(c);
      return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
          || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
          || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
          || type == Character.OTHER_PUNCTUATION || type == Character.MATH_SYMBOL
          || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL;
    }

    private static boolean word(char c) {
      return c != BREAK && !Character.isWhitespace(c) && c != '\u00A0' && !punctuation(c);
    }
  }
}
