package org.thinkpress.content;

import java.time.Instant;
import java.util.List;

/**
 * What a listing shows of a publication: no body.
 *
 * @param imageUrl the featured image's upload address ({@link FeaturedImage#url()}), or {@code ""}
 * @param imageAlt its alternative text, or {@code ""}
 */
public record PublicationSummary(
    long id, String slug, String language, String translationGroup, String title, String standfirst, String type,
    Status status, boolean featured, Instant publishedAt, Instant updatedAt, int readingMinutes,
    List<Long> expertIds, List<Long> topicIds, List<Long> regionIds, String imageUrl, String imageAlt) {

  /** A summary without a featured image (as the search index keeps it). */
  public PublicationSummary(
      long id, String slug, String language, String translationGroup, String title, String standfirst, String type,
      Status status, boolean featured, Instant publishedAt, Instant updatedAt, int readingMinutes,
      List<Long> expertIds, List<Long> topicIds, List<Long> regionIds) {
    this(id, slug, language, translationGroup, title, standfirst, type, status, featured, publishedAt, updatedAt,
        readingMinutes, expertIds, topicIds, regionIds, "", "");
  }

  public PublicationSummary {
    expertIds = List.copyOf(expertIds);
    topicIds = List.copyOf(topicIds);
    regionIds = List.copyOf(regionIds);
    imageUrl = imageUrl == null ? "" : imageUrl;
    imageAlt = imageAlt == null ? "" : imageAlt;
  }
}
