package org.thinkpress.search;

import java.time.Instant;
import java.util.List;

/**
 * A published piece as the index takes it from the database: the fields that are searched, that
 * filter, and that a result shows.
 *
 * @param bodyHtml the body as the site shows it (sanitized HTML); only its text is indexed
 * @param keywords its keywords, one per line, searched with the title and standfirst
 */
record Piece(long id, String slug, String language, String translationGroup, String title, String standfirst,
             String bodyHtml, String type, boolean featured, Instant publishedAt, Instant updatedAt,
             int readingMinutes, List<Long> expertIds, List<Long> topicIds, List<Long> regionIds, String keywords) {

  Piece {
    expertIds = List.copyOf(expertIds);
    topicIds = List.copyOf(topicIds);
    regionIds = List.copyOf(regionIds);
  }
}
