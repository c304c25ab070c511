package org.thinkpress.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which characters of text need a backslash so that CommonMark reads them back as text: in a line,
 * the ones that would open emphasis, code, a link or HTML; at a line's start, whatever would begin
 * a block (a heading, a list item, a quote, a fence, a setext underline, a table's delimiter row).
 * Characters that are safe where they stand are left bare ({@code snake_case}, {@code [sic]}), so
 * that the text stays readable.
 */
final class MarkdownEscapes {

  private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final Pattern HEADING_START = Pattern.compile("#{1,6}(?:[ \t]|$)");
  private static final Pattern ORDERED_START = Pattern.compile("(\\d{1,9})[.)](?:[ \t]|$)");
  private static final Pattern UNDERLINE = Pattern.compile("(?:=+|-+)[ \t]*");
  private static final Pattern TABLE_DELIMITER = Pattern.compile("[|:][-|: \t]*-[-|: \t]*");

  private MarkdownEscapes() {}

  /**
   * Whether {@code text.charAt(i)} needs a backslash.
   *
   * @param before the character written before {@code text} (for an underscore at its start)
   * @param inLink inside a link's text or an image's alt, where any bracket would end it
   * @param cell inside a pipe table's cell, where a pipe would end it
   */
  static boolean inText(String text, int i, char before, boolean inLink, boolean cell) {
    char c = text.charAt(i);
    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    return switch (c) {
      case '\\', '*', '`', '<' -> true;
      // a bracket or underscore at the text's end may meet markup the next node writes: escaped to be safe
      case '_' -> !Character.isLetterOrDigit(i > 0 ? text.charAt(i - 1) : before) || i + 1 == text.length()
          || !Character.isLetterOrDigit(next);
      case '[' -> inLink;
      case ']' -> inLink || i + 1 == text.length() || next == '(' || next == '[' || next == ':';
      case '&' -> ENTITY.matcher(text).region(i, text.length()).lookingAt();
      case '|' -> cell;
      default -> false;
    };
  }

  /** Escapes what would start a block (heading, list, quote, fence, underline) at a line's start. */
  static String lineStart(String line) {
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
}
