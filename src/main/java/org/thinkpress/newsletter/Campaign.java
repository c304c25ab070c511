package org.thinkpress.newsletter;

import java.time.Instant;
import java.util.List;

/**
 * A message written by an editor in Markdown, for a segment: subscribers of any of {@code lists}
 * whose interests match any of {@code topics} or {@code regions} (both empty: all of them).
 */
public record Campaign(long id, String subject, String bodyMarkdown, List<String> lists, List<String> topics,
                       List<String> regions, Instant createdAt) {

  public Campaign {
    lists = List.copyOf(lists);
    topics = List.copyOf(topics);
    regions = List.copyOf(regions);
  }
}
