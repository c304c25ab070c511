package org.thinkpress.search;

import org.thinkpress.ThinkPressException;

/** The search index could not be opened, read or written (disk full, folder not writable, in use). */
public final class SearchIndexException extends ThinkPressException {

  SearchIndexException(String message, Throwable cause) {
    super(Kind.INTERNAL, message, cause);
  }
}
