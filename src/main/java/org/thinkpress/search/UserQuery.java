package org.thinkpress.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed into the search box, read forgivingly: words, {@code "phrases in quotes"},
 * and {@code -words} or {@code -"phrases"} to leave out. Nothing else is syntax: operators,
 * and wildcards are ordinary characters that the analyzers drop; colons, brackets and bars separate
 * words. An unclosed
 * quote runs to the end; control and formatting characters count as spaces; only the first
 * {@link #MAX_CHARS} characters and {@link #MAX_PARTS} parts are read. No input makes parsing fail.
 *
 * @param text the query as read (cleaned and shortened), to show back to the reader
 * @param parts the words and phrases, in order
 */
record UserQuery(String text, List<Part> parts) {

  static final int MAX_CHARS = 300;
  static final int MAX_PARTS = 12;
  /**
   * Characters read as spaces. A colon joins letters into one word for Unicode ("title:grain"),
   * but a reader who types one means two words; brackets and bars likewise.
   */
  private static final String SEPARATORS = ":()[]{}|";

  /** A word or a phrase; {@code excluded} when it must not occur. */
  record Part(String text, boolean phrase, boolean excluded) {}

  UserQuery {
    parts = List.copyOf(parts);
  }

  static UserQuery parse(String raw) {
    String text = clean(raw);
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length() && parts.size() < MAX_PARTS) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      boolean excluded = false;
      if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '-') {
        excluded = true;
        i++;
        c = text.charAt(i);
      }
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? text.length() : close;
        String phrase = text.substring(i + 1, end).strip();
        if (!phrase.isEmpty()) {
          parts.add(new Part(phrase, true, excluded));
        }
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '"') {
          end++;
        }
        parts.add(new Part(text.substring(i, end), false, excluded));
        i = end;
      }
    }
    return new UserQuery(text, parts);
  }

  /** Composed Unicode, one line, spaces for anything invisible, at most {@link #MAX_CHARS} characters. */
  private static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String limited = raw.length() > MAX_CHARS * 4 ? raw.substring(0, MAX_CHARS * 4) : raw;
    String normalized = Normalizer.normalize(limited, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(Math.min(normalized.length(), MAX_CHARS));
    normalized.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean invisible = Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
          || type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED;
      if (invisible || SEPARATORS.indexOf(cp) >= 0) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.appendCodePoint(cp);
      }
    });
    String cleaned = out.toString().strip();
    if (cleaned.length() > MAX_CHARS) {
      int cut = MAX_CHARS;
      if (Character.isLowSurrogate(cleaned.charAt(cut))) {
        cut--;
      }
      cleaned = cleaned.substring(0, cut).strip();
    }
    return cleaned;
  }

  boolean isBlank() {
    return parts.isEmpty();
  }

  /** The parts that must or may occur. */
  List<Part> positive() {
    return parts.stream().filter(p -> !p.excluded()).toList();
  }
}
