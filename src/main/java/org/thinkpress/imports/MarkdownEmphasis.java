package org.thinkpress.imports;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The marks {@link MarkdownInline} leaves where emphasis opens and closes, turned into stars where
 * CommonMark reads them back as that emphasis, and into {@code <strong>} or {@code <em>} where its
 * flanking rules would not: a run that starts or ends with punctuation right against a letter
 * ({@code word**"quoted"**word}), or one that touches the run before it ({@code *a**b*}).
 */
final class MarkdownEmphasis {

  /** A line break (a hard break in a paragraph). */
  static final char BREAK = '\uE000';
  static final char STRONG_OPEN = '\uE001';
  static final char STRONG_CLOSE = '\uE002';
  static final char EM_OPEN = '\uE003';
  static final char EM_CLOSE = '\uE004';

  private MarkdownEmphasis() {}

  /** {@code text} with its marks written as stars or tags; a mark without its partner is dropped. */
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
    Arrays.fill(partner, -1);
    Deque<Integer> open = new ArrayDeque<>();
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
