package org.thinkpress.search;

import java.util.List;

/**
 * A short passage of a result's text, in parts, some of them matching the query. The parts are
 * plain text: the page escapes each one and marks the matching ones, so that no text from a piece
 * can ever become markup through a highlight.
 */
public record Snippet(List<Part> parts) {

  /** Plain text; {@code match} when it is (part of) what the reader searched for. */
  public record Part(String text, boolean match) {}

  public Snippet {
    parts = List.copyOf(parts);
  }

  static final Snippet EMPTY = new Snippet(List.of());

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The text without marks, for feeds and tests. */
  public String plainText() {
    StringBuilder text = new StringBuilder();
    parts.forEach(part -> text.append(part.text()));
    return text.toString();
  }
}
