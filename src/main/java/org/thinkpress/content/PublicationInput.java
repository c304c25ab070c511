package org.thinkpress.content;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;

/**
 * A publication as its authors write it: the fields of a Markdown file's front matter and body, or
 * of the editor's form. The store derives the rest (HTML, table of contents, reading time).
 *
 * <p>The constructor checks everything that can be checked without the database; the store then
 * checks that the type is configured and that the experts, topics and regions exist.
 *
 * @param slug the URL name, unique across all languages
 * @param language the BCP 47 tag of the language it is written in
 * @param translationGroup a name shared by the versions of one piece in several languages, or {@code null}
 * @param title the headline
 * @param standfirst the one or two sentences under the headline that sum the piece up
 * @param bodyMarkdown the body, CommonMark with tables; raw HTML passes an allow-list; line breaks are kept as
 *     {@code \n} (CR LF and CR become LF)
 * @param type a configured publication type key (analysis, commentary, report...), or
 *     {@link PublicationTypes#PAGE} for a site page at {@code /SLUG} (whose slug {@link PageSlugs} checks)
 * @param status where it stands in its life
 * @param publishedAt when it was or will be published; required unless a draft or in review
 * @param updatedAt when it was last substantively updated, shown to readers; or {@code null}
 * @param featured whether the home page shows it first
 * @param experts the slugs of its authors, in byline order
 * @param topics the slugs of its topics, most important first
 * @param regions the slugs of its regions, most important first
 * @param keywords words and phrases the piece is about, beyond its topics (an imported site's tags):
 *     shown on its page and searched
 * @param seoTitle the title search engines and social cards show when it should differ from the headline, or {@code ""}
 * @param seoDescription the description they show when it should differ from the standfirst, or {@code ""}
 * @param image the featured image (an upload, its alternative text, caption and credit), or {@code null}
 */
public record PublicationInput(
    String slug, String language, String translationGroup, String title, String standfirst,
    String bodyMarkdown, String type, Status status, Instant publishedAt, Instant updatedAt,
    boolean featured, List<String> experts, List<String> topics, List<String> regions,
    List<String> keywords, String seoTitle, String seoDescription, FeaturedImage image) {

  public static final int MAX_TITLE = 300;
  public static final int MAX_STANDFIRST = 1000;
  public static final int MAX_KEYWORD = 100;
  public static final int MAX_KEYWORDS = 50;

  public PublicationInput {
    Slugs.require("slug", slug);
    language = Languages.require("language", language);
    if (translationGroup != null && translationGroup.isBlank()) {
      translationGroup = null;
    }
    if (translationGroup != null) {
      Slugs.require("translation_group", translationGroup);
    }
    title = Texts.requireLine("title", title, MAX_TITLE);
    standfirst = Texts.optionalText("standfirst", standfirst, MAX_STANDFIRST);
    // Line breaks as \n, whatever sent them: a form's text area submits every line break as \r\n.
    bodyMarkdown = requireNonNullElse(bodyMarkdown, "").replace("\r\n", "\n").replace('\r', '\n').strip();
    Slugs.require("type", type);
    if (PublicationTypes.isPage(type)) {
      PageSlugs.require(slug);
    }
    requireNonNull(status, "status");
    if (status.needsPublicationTime() && publishedAt == null) {
      throw new InvalidContentException("status '" + status.key() + "' needs a publication time in 'published'");
    }
    publishedAt = publishedAt == null ? null : publishedAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MILLIS);
    if (updatedAt != null && publishedAt != null && updatedAt.isBefore(publishedAt)) {
      throw new InvalidContentException("updated (" + updatedAt + ") is before published (" + publishedAt + ")");
    }
    experts = slugList("experts", experts);
    topics = slugList("topics", topics);
    regions = slugList("regions", regions);
    keywords = keywordList(keywords);
    seoTitle = Texts.optionalLine("seo_title", seoTitle, MAX_TITLE);
    seoDescription = Texts.optionalLine("seo_description", seoDescription, MAX_STANDFIRST);
  }

  /** A piece without a featured image. */
  public PublicationInput(
      String slug, String language, String translationGroup, String title, String standfirst,
      String bodyMarkdown, String type, Status status, Instant publishedAt, Instant updatedAt,
      boolean featured, List<String> experts, List<String> topics, List<String> regions,
      List<String> keywords, String seoTitle, String seoDescription) {
    this(slug, language, translationGroup, title, standfirst, bodyMarkdown, type, status, publishedAt, updatedAt,
        featured, experts, topics, regions, keywords, seoTitle, seoDescription, null);
  }

  /** A copy with another featured image (or none, {@code null}); the rest unchanged. */
  public PublicationInput withImage(FeaturedImage newImage) {
    return new PublicationInput(slug, language, translationGroup, title, standfirst, bodyMarkdown, type, status,
        publishedAt, updatedAt, featured, experts, topics, regions, keywords, seoTitle, seoDescription, newImage);
  }

  /** A piece without keywords and with the headline and standfirst for search engines too. */
  public PublicationInput(
      String slug, String language, String translationGroup, String title, String standfirst,
      String bodyMarkdown, String type, Status status, Instant publishedAt, Instant updatedAt,
      boolean featured, List<String> experts, List<String> topics, List<String> regions) {
    this(slug, language, translationGroup, title, standfirst, bodyMarkdown, type, status, publishedAt, updatedAt,
        featured, experts, topics, regions, List.of(), "", "", null);
  }

  /** Keywords stripped, each on one line, none twice (ignoring case), in their order. */
  private static List<String> keywordList(List<String> keywords) {
    if (keywords == null) {
      return List.of();
    }
    List<String> kept = new java.util.ArrayList<>();
    HashSet<String> seen = new HashSet<>();
    for (String keyword : keywords) {
      String line = Texts.requireLine("keyword", keyword, MAX_KEYWORD);
      if (seen.add(line.toLowerCase(java.util.Locale.ROOT))) {
        kept.add(line);
      }
    }
    if (kept.size() > MAX_KEYWORDS) {
      throw new InvalidContentException("keywords lists " + kept.size() + " entries; at most " + MAX_KEYWORDS
          + " are kept");
    }
    return List.copyOf(kept);
  }

  /**
   * A copy with the same keywords, search-engine texts and featured image as {@code other}, for
   * saves from forms that do not edit them.
   */
  public PublicationInput withMetadataOf(PublicationInput other) {
    return new PublicationInput(slug, language, translationGroup, title, standfirst, bodyMarkdown, type, status,
        publishedAt, updatedAt, featured, experts, topics, regions, other.keywords, other.seoTitle, other.seoDescription,
        other.image);
  }

  private static List<String> slugList(String field, List<String> slugs) {
    if (slugs == null) {
      return List.of();
    }
    HashSet<String> seen = new HashSet<>();
    for (String slug : slugs) {
      Slugs.require(field + " entry", slug);
      if (!seen.add(slug)) {
        throw new InvalidContentException(field + " lists '" + slug + "' twice");
      }
    }
    return List.copyOf(slugs);
  }

  /** A copy with another status and publication time; the rest unchanged. */
  public PublicationInput withStatus(Status newStatus, Instant newPublishedAt) {
    return new PublicationInput(slug, language, translationGroup, title, standfirst, bodyMarkdown, type, newStatus,
        newPublishedAt, updatedAt, featured, experts, topics, regions, keywords, seoTitle, seoDescription, image);
  }
}
