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
 * @param type a configured publication type key (analysis, commentary, report...)
 * @param status where it stands in its life
 * @param publishedAt when it was or will be published; required unless a draft or in review
 * @param updatedAt when it was last substantively updated, shown to readers; or {@code null}
 * @param featured whether the home page shows it first
 * @param experts the slugs of its authors, in byline order
 * @param topics the slugs of its topics, most important first
 * @param regions the slugs of its regions, most important first
 */
public record PublicationInput(
    String slug, String language, String translationGroup, String title, String standfirst,
    String bodyMarkdown, String type, Status status, Instant publishedAt, Instant updatedAt,
    boolean featured, List<String> experts, List<String> topics, List<String> regions) {

  public static final int MAX_TITLE = 300;
  public static final int MAX_STANDFIRST = 1000;

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
        newPublishedAt, updatedAt, featured, experts, topics, regions);
  }
}
