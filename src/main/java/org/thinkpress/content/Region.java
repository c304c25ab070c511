package org.thinkpress.content;

import java.util.Map;

/**
 * A stored region. {@code parentId} is {@code 0} for a top-level region.
 */
public record Region(long id, String slug, String name, Map<String, String> names, long parentId) {

  /** The name for readers of {@code language}, or the main name. */
  public String nameIn(String language) {
    return names.getOrDefault(language, name);
  }

  public boolean isTopLevel() {
    return parentId == 0;
  }
}
