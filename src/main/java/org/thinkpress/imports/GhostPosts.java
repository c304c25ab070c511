package org.thinkpress.imports;

import static org.thinkpress.imports.GhostExport.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns one row of a Ghost export's {@code posts} table into a {@link SourceItem}, using what
 * {@link GhostTables} gathered about the rest of the file.
 *
 * <p>Statuses: {@code published}, {@code scheduled} and {@code draft} are themselves. {@code sent} is a
 * post that went out by email only and never appeared on the site: it becomes a {@link SourceStatus#DRAFT}
 * (keeping its {@code published_at}, when it was sent), so that moving in never puts on the new site what
 * the old one did not show. Members-only and paid posts ({@code visibility}) are read like any other; who
 * may read them is the importer's decision.
 */
final class GhostPosts {

  private static final Map<String, SourceStatus> STATUSES = Map.of(
      "published", SourceStatus.PUBLISHED,
      "scheduled", SourceStatus.SCHEDULED,
      "draft", SourceStatus.DRAFT,
      "sent", SourceStatus.DRAFT);

  private final String file;
  private final GhostTables tables;
  private final GhostUrls urls;
  private final String siteLanguage;

  GhostPosts(String file, GhostTables tables, GhostUrls urls, String siteLanguage) {
    this.file = file;
    this.tables = tables;
    this.urls = urls;
    this.siteLanguage = siteLanguage;
  }

  /**
   * Tells the visitor about one post: an item, or a skip for a type Ghost does not have. A post whose
   * export has no rendered {@code html} but a {@code lexical} or {@code mobiledoc} document is still an
   * item, with an empty body, and a {@code body} skip says so: this reader does not render Ghost's editor
   * documents, and every Ghost since 4 writes the html beside them.
   *
   * @throws ImportException for a post without an id or a title, with an unknown status or a bad time
   */
  void read(ObjectNode post, int line, SourceVisitor visitor) {
    String id = text(post, "id");
    if (id.isBlank()) {
      throw ImportException.at(file, line, "a post without an \"id\"");
    }
    String title = text(post, "title");
    if (title.isBlank()) {
      throw ImportException.at(file, line, "post " + id + " has no \"title\"");
    }
    String type = type(post);
    if (!type.equals("post") && !type.equals("page")) {
      visitor.skipped(type, id, "a Ghost " + type + " is not imported");
      return;
    }
    SourceItem item = item(post, line, id, title, type.equals("page"));
    unrenderedEditor(post).ifPresent(editor ->
        visitor.skipped("body", id, "the export has no rendered html; " + editor + " is not converted"));
    visitor.item(item);
  }

  private SourceItem item(ObjectNode post, int line, String id, String title, boolean page) {
    String slug = text(post, "slug");
    String locale = GhostTables.language(text(post, "locale"));
    // Ghost 4 and later keep the search-engine texts in posts_meta; earlier exports have them on the post.
    GhostTables.Meta meta = tables.meta(id).orElse(GhostTables.Meta.NONE);
    return new SourceItem(id, line, page, title, slug, status(post, id, line),
        time(post, "published_at", id, line), time(post, "updated_at", id, line), text(post, "custom_excerpt"),
        urls.resolve(text(post, "html")), authors(post, id), List.of(), tables.tagSlugs(id),
        urls.resolve(text(post, "feature_image")), "",
        or(meta.title(), text(post, "meta_title")), or(meta.description(), text(post, "meta_description")),
        flag(post, "featured"), locale.isEmpty() ? siteLanguage : locale, "", "",
        slug.isEmpty() ? List.of() : List.of("/" + slug + "/"));
  }

  /** The editor document a post has instead of rendered html, if it has one. */
  private static Optional<String> unrenderedEditor(ObjectNode post) {
    if (!text(post, "html").isEmpty()) {
      return Optional.empty();
    }
    return Stream.of("lexical", "mobiledoc").filter(field -> !text(post, field).isEmpty()).findFirst();
  }

  /** Ghost 1 and later write {@code type}; Ghost 0.x wrote a {@code page} flag instead. */
  private static String type(ObjectNode post) {
    String type = text(post, "type");
    if (!type.isEmpty()) {
      return type;
    }
    return flag(post, "page") ? "page" : "post";
  }

  private SourceStatus status(ObjectNode post, String id, int line) {
    String status = text(post, "status");
    if (status.isEmpty()) {
      return SourceStatus.DRAFT; // Ghost's default
    }
    SourceStatus mapped = STATUSES.get(status);
    if (mapped == null) {
      throw ImportException.at(file, line, "post " + id + " has status '" + status
          + "', not one of published, scheduled, draft, sent");
    }
    return mapped;
  }

  /** Recent exports write ISO-8601 instants; Ghost 0.x wrote milliseconds since the epoch. */
  private Instant time(ObjectNode post, String field, String id, int line) {
    JsonNode value = post.get(field);
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw ImportException.at(file, line, "post " + id + ": " + field + " '" + value.asText()
          + "' is not a time such as 2024-03-01T10:00:00.000Z");
    }
  }

  /** The byline from {@code posts_authors}; exports from before Ghost had several authors name an {@code author_id}. */
  private List<String> authors(ObjectNode post, String id) {
    List<String> authors = tables.authorIds(id);
    if (!authors.isEmpty()) {
      return authors;
    }
    String single = text(post, "author_id");
    return single.isEmpty() ? List.of() : List.of(single);
  }

  private static String or(String first, String second) {
    return first.isEmpty() ? second : first;
  }

  /** Booleans as Ghost writes them: {@code true}/{@code false}, or {@code 1}/{@code 0} in older exports. */
  private static boolean flag(ObjectNode post, String field) {
    JsonNode value = post.get(field);
    return value != null && value.asBoolean();
  }
}
