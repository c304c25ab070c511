package org.thinkpress.content;

import java.util.List;

/**
 * A Markdown body turned into safe HTML, with what the site needs to show it.
 *
 * @param html sanitized HTML, safe to insert into a page as it is
 * @param toc the section headings, in order
 * @param words how many words the body has
 * @param readingMinutes the minutes an average reader needs, at least 1
 */
public record RenderedBody(String html, List<TocEntry> toc, int words, int readingMinutes) {

  public RenderedBody {
    toc = List.copyOf(toc);
  }
}
