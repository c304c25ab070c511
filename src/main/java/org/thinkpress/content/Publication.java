package org.thinkpress.content;

import java.time.Instant;
import java.util.List;

/**
 * A stored publication with everything derived from its Markdown. Experts, topics and regions
 * are ids in byline order; {@link Taxonomy} turns them into names and slugs.
 *
 * @param changedAt when any field last changed; for caches, not shown to readers
 * @param keywords see {@link PublicationInput#keywords()}
 * @param seoTitle see {@link PublicationInput#seoTitle()}
 * @param seoDescription see {@link PublicationInput#seoDescription()}
 * @param image see {@link PublicationInput#image()}: the featured image, or {@code null}
 */
public record Publication(
    long id, String slug, String language, String translationGroup, String title, String standfirst,
    String bodyMarkdown, String bodyHtml, List<TocEntry> toc, int readingMinutes, String type, Status status,
    boolean featured, Instant publishedAt, Instant updatedAt, Instant createdAt, Instant changedAt,
    List<Long> expertIds, List<Long> topicIds, List<Long> regionIds,
    List<String> keywords, String seoTitle, String seoDescription, FeaturedImage image) {

  /** A publication without a featured image. */
  public Publication(
      long id, String slug, String language, String translationGroup, String title, String standfirst,
      String bodyMarkdown, String bodyHtml, List<TocEntry> toc, int readingMinutes, String type, Status status,
      boolean featured, Instant publishedAt, Instant updatedAt, Instant createdAt, Instant changedAt,
      List<Long> expertIds, List<Long> topicIds, List<Long> regionIds,
      List<String> keywords, String seoTitle, String seoDescription) {
    this(id, slug, language, translationGroup, title, standfirst, bodyMarkdown, bodyHtml, toc, readingMinutes, type,
        status, featured, publishedAt, updatedAt, createdAt, changedAt, expertIds, topicIds, regionIds, keywords, seoTitle,
        seoDescription, null);
  }

  public Publication {
    toc = List.copyOf(toc);
    expertIds = List.copyOf(expertIds);
    topicIds = List.copyOf(topicIds);
    regionIds = List.copyOf(regionIds);
    keywords = List.copyOf(keywords);
  }

  /** The title for search engines and social cards: the SEO title when set, else the headline. */
  public String searchTitle() {
    return seoTitle.isEmpty() ? title : seoTitle;
  }

  /** The description for search engines and social cards: the SEO description when set, else the standfirst. */
  public String searchDescription() {
    return seoDescription.isEmpty() ? standfirst : seoDescription;
  }

  /** The time readers see as its last change: updated when set, else published. */
  public Instant lastRevisedAt() {
    return updatedAt != null ? updatedAt : publishedAt;
  }

  /** The editable document this publication was saved from. */
  public PublicationInput toInput(Taxonomy taxonomy) {
    return new PublicationInput(slug, language, translationGroup, title, standfirst, bodyMarkdown, type, status,
        publishedAt, updatedAt, featured, taxonomy.expertSlugs(expertIds), taxonomy.topicSlugs(topicIds),
        taxonomy.regionSlugs(regionIds), keywords, seoTitle, seoDescription, image);
  }
}
