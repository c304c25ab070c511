package org.thinkpress.content;

import java.time.Instant;
import java.util.List;

/** What a listing shows of a publication: no body. */
public record PublicationSummary(
    long id, String slug, String language, String translationGroup, String title, String standfirst, String type,
    Status status, boolean featured, Instant publishedAt, Instant updatedAt, int readingMinutes,
    List<Long> expertIds, List<Long> topicIds, List<Long> regionIds) {

  public PublicationSummary {
    expertIds = List.copyOf(expertIds);
    topicIds = List.copyOf(topicIds);
    regionIds = List.copyOf(regionIds);
  }
}
