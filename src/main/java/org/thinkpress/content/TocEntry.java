package org.thinkpress.content;

/**
 * One section heading of a publication, for its table of contents.
 *
 * @param level the HTML heading level, 2 for a section and 3 for a subsection
 * @param id the heading's anchor in the rendered body
 * @param text the heading's plain text
 */
public record TocEntry(int level, String id, String text) {}
