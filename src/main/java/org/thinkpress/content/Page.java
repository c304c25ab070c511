package org.thinkpress.content;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items on this page
 * @param number this page's number, from 1
 * @param size the most items a page holds
 * @param total how many items there are on all pages
 */
public record Page<T>(List<T> items, int number, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public int pageCount() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < pageCount();
  }

  /** Whether the page number lies past the last page (page 1 of an empty list exists). */
  public boolean isBeyondEnd() {
    return number > pageCount();
  }
}
