package org.thinkpress.content;

import java.util.Set;

/**
 * What one committed write changed, handed to every {@link ContentListener}.
 *
 * @param version the content version after the write; versions only grow
 * @param publicationIds the publications saved, deleted or re-linked by the write
 * @param taxonomyChanged whether experts, topics, regions or settings changed, which can alter any page
 */
public record ContentChange(long version, Set<Long> publicationIds, boolean taxonomyChanged) {

  public ContentChange {
    publicationIds = Set.copyOf(publicationIds);
  }
}
