package org.thinkpress.publishing;

import java.util.Optional;

/**
 * Where content that changed its slug lives now, so that old links keep working with a
 * {@code 301 Moved Permanently}. Asked only when a slug finds nothing, so it costs nothing on
 * pages that exist. The editorial workflow records the moves.
 */
@FunctionalInterface
public interface MovedContent {

  /** Nothing ever moves: for sites without the editorial workflow, and for tests. */
  MovedContent NONE = (kind, slug) -> Optional.empty();

  /**
   * @param kind {@code publication}, {@code topic}, {@code region} or {@code expert}
   * @param oldSlug a slug that no longer names anything of that kind
   * @return the slug it now has, when it moved to something readers may see
   */
  Optional<String> newSlug(String kind, String oldSlug);
}
