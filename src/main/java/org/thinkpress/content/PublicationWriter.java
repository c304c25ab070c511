package org.thinkpress.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * The SQL that writes one publication: its row, its body, and its links to experts, topics and
 * regions, each only when it differs from what is stored. Runs inside a transaction that
 * {@link ContentStore} opens and commits.
 */
final class PublicationWriter {

  private PublicationWriter() {}

  /** What a write did: the piece's id, and whether any stored value changed. */
  record Written(long id, boolean changed) {}

  /** Creates or updates the piece with the input's slug. */
  static Written upsert(Handle handle, PublicationInput input, RenderedBody body, long now) {
    return write(handle, idOf(handle, "publications", input.slug()).orElse(null), input, body, now);
  }

  /**
   * Updates the piece with {@code id} (slug included), or inserts one when {@code id} is null. An
   * update writes only the values that differ from the stored ones, and leaves the piece untouched
   * (its {@code changed_at} too) when none does.
   */
  static Written write(Handle handle, Long existing, PublicationInput input, RenderedBody body, long now) {
    checkTranslationGroup(handle, input, existing);
    Links links = new Links(resolve(handle, "experts", "expert", input.experts()),
        resolve(handle, "topics", "topic", input.topics()), resolve(handle, "regions", "region", input.regions()));
    if (existing != null) {
      return new Written(existing, update(handle, existing, input, body, links, now));
    }
    long id = bindPublication(handle.createQuery("INSERT INTO publications (slug, language, translation_group, title,"
            + " standfirst, reading_minutes, type, status, featured, published_at, updated_at, created_at, changed_at,"
            + " image_url, image_alt, image_caption, image_credit)"
            + " VALUES (:slug, :language, :group, :title, :standfirst, :minutes, :type, :status, :featured, :published,"
            + " :updated, :now, :now, :imageUrl, :imageAlt, :imageCaption, :imageCredit) RETURNING id"), input, body, now)
        .mapTo(Long.class).one();
    handle.createUpdate("INSERT INTO publication_bodies (publication_id, body_md, body_html, toc, keywords, seo_title,"
            + " seo_description) VALUES (:id, :md, :html, :toc, :keywords, :seoTitle, :seoDescription)")
        .bind("md", input.bodyMarkdown()).bind("html", body.html()).bind("toc", ContentRows.encodeToc(body.toc()))
        .bind("keywords", ContentRows.encodeKeywords(input.keywords())).bind("seoTitle", input.seoTitle())
        .bind("seoDescription", input.seoDescription())
        .bind("id", id).execute();
    replaceLinks(handle, id, "publication_experts", "expert_id", links.experts());
    replaceLinks(handle, id, "publication_topics", "topic_id", links.topics());
    replaceLinks(handle, id, "publication_regions", "region_id", links.regions());
    return new Written(id, true);
  }

  /** The ids an input links to, in its order. */
  private record Links(List<Long> experts, List<Long> topics, List<Long> regions) {}

  /** Writes the columns, body and links that differ from the stored piece; returns whether any did. */
  private static boolean update(Handle handle, long id, PublicationInput input, RenderedBody body, Links links, long now) {
    ContentRows.Row stored = handle.createQuery("SELECT " + ContentRows.FULL_COLUMNS + " FROM " + ContentRows.WITH_BODY
            + " WHERE p.id = :id")
        .bind("id", id).map((rs, ctx) -> ContentRows.Row.full(rs)).one();
    ContentRows.Links storedLinks = ContentRows.Links.of(handle, List.of(id));
    Map<String, Column> columns = new LinkedHashMap<>();
    changed(columns, "slug", String.class, stored.slug(), input.slug());
    changed(columns, "language", String.class, stored.language(), input.language());
    changed(columns, "translation_group", String.class, stored.translationGroup(), input.translationGroup());
    changed(columns, "title", String.class, stored.title(), input.title());
    changed(columns, "standfirst", String.class, stored.standfirst(), input.standfirst());
    changed(columns, "reading_minutes", Integer.class, stored.readingMinutes(), body.readingMinutes());
    changed(columns, "type", String.class, stored.type(), input.type());
    changed(columns, "status", String.class, stored.status().key(), input.status().key());
    changed(columns, "featured", Boolean.class, stored.featured(), input.featured());
    changed(columns, "published_at", Long.class, ContentRows.millis(stored.publishedAt()),
        ContentRows.millis(input.publishedAt()));
    changed(columns, "updated_at", Long.class, ContentRows.millis(stored.updatedAt()),
        ContentRows.millis(input.updatedAt()));
    FeaturedImage image = input.image();
    changed(columns, "image_url", String.class, stored.imageUrl(), image == null ? "" : image.url());
    changed(columns, "image_alt", String.class, stored.imageAlt(), image == null ? "" : image.alt());
    changed(columns, "image_caption", String.class, stored.imageCaption(), image == null ? "" : image.caption());
    changed(columns, "image_credit", String.class, stored.imageCredit(), image == null ? "" : image.credit());
    String toc = ContentRows.encodeToc(body.toc());
    String keywords = ContentRows.encodeKeywords(input.keywords());
    boolean bodyChanged = !stored.bodyMarkdown().equals(input.bodyMarkdown()) || !stored.bodyHtml().equals(body.html())
        || !Objects.equals(stored.toc(), toc) || !stored.keywords().equals(keywords)
        || !stored.seoTitle().equals(input.seoTitle()) || !stored.seoDescription().equals(input.seoDescription());
    boolean linksChanged = false;
    linksChanged |= relink(handle, id, "publication_experts", "expert_id", storedLinks.experts(id), links.experts());
    linksChanged |= relink(handle, id, "publication_topics", "topic_id", storedLinks.topics(id), links.topics());
    linksChanged |= relink(handle, id, "publication_regions", "region_id", storedLinks.regions(id), links.regions());
    if (columns.isEmpty() && !bodyChanged && !linksChanged) {
      return false;
    }
    columns.put("changed_at", new Column(Long.class, now));
    Update update = handle.createUpdate("UPDATE publications SET " + columns.keySet().stream()
        .map(column -> column + " = :" + column).collect(Collectors.joining(", ")) + " WHERE id = :id");
    columns.forEach((name, column) -> update.bindByType(name, column.value(), column.type()));
    update.bind("id", id).execute();
    if (bodyChanged) {
      handle.createUpdate("UPDATE publication_bodies SET body_md = :md, body_html = :html, toc = :toc,"
              + " keywords = :keywords, seo_title = :seoTitle, seo_description = :seoDescription WHERE publication_id = :id")
          .bind("md", input.bodyMarkdown()).bind("html", body.html()).bind("toc", toc).bind("keywords", keywords)
          .bind("seoTitle", input.seoTitle()).bind("seoDescription", input.seoDescription()).bind("id", id).execute();
    }
    return true;
  }

  /** A column's new value, with its type so that a null binds on every database. */
  private record Column(Class<?> type, Object value) {}

  private static void changed(Map<String, Column> columns, String column, Class<?> type, Object stored, Object wanted) {
    if (!Objects.equals(stored, wanted)) {
      columns.put(column, new Column(type, wanted));
    }
  }

  /** Replaces a piece's links of one kind when they differ from the stored ones; returns whether they did. */
  private static boolean relink(Handle handle, long id, String table, String column, List<Long> stored, List<Long> wanted) {
    if (stored.equals(wanted)) {
      return false;
    }
    replaceLinks(handle, id, table, column, wanted);
    return true;
  }

  private static <T extends SqlStatement<T>> T bindPublication(
      T statement, PublicationInput input, RenderedBody body, long now) {
    return statement
        .bind("slug", input.slug())
        .bind("language", input.language())
        .bind("group", input.translationGroup())
        .bind("title", input.title())
        .bind("standfirst", input.standfirst())
        .bind("minutes", body.readingMinutes())
        .bind("type", input.type())
        .bind("status", input.status().key())
        .bind("featured", input.featured())
        .bind("published", ContentRows.millis(input.publishedAt()))
        .bind("updated", ContentRows.millis(input.updatedAt()))
        .bind("imageUrl", input.image() == null ? "" : input.image().url())
        .bind("imageAlt", input.image() == null ? "" : input.image().alt())
        .bind("imageCaption", input.image() == null ? "" : input.image().caption())
        .bind("imageCredit", input.image() == null ? "" : input.image().credit())
        .bind("now", now);
  }

  private static void checkTranslationGroup(Handle handle, PublicationInput input, Long id) {
    if (input.translationGroup() == null) {
      return;
    }
    handle.createQuery("SELECT slug FROM publications WHERE translation_group = :group AND language = :language"
            + " AND slug <> :slug AND id <> :id")
        .bind("group", input.translationGroup())
        .bind("language", input.language())
        .bind("slug", input.slug())
        .bind("id", id == null ? -1L : id)
        .mapTo(String.class)
        .findFirst()
        .ifPresent(other -> {
          throw new InvalidContentException("translation_group '" + input.translationGroup() + "' already has a '"
              + input.language() + "' version: '" + other + "'");
        });
  }

  private static List<Long> resolve(Handle handle, String table, String what, List<String> slugs) {
    if (slugs.isEmpty()) {
      return List.of();
    }
    Map<String, Long> ids = new HashMap<>();
    handle.createQuery("SELECT slug, id FROM " + table + " WHERE slug IN (<slugs>)")
        .bindList("slugs", slugs)
        .map((rs, ctx) -> ids.put(rs.getString(1), rs.getLong(2)))
        .list();
    List<Long> resolved = new ArrayList<>(slugs.size());
    for (String slug : slugs) {
      Long id = ids.get(slug);
      if (id == null) {
        throw new InvalidContentException("unknown " + what + " '" + slug + "'");
      }
      resolved.add(id);
    }
    return resolved;
  }

  private static void replaceLinks(Handle handle, long publicationId, String table, String column, List<Long> ids) {
    handle.createUpdate("DELETE FROM " + table + " WHERE publication_id = :id").bind("id", publicationId).execute();
    if (ids.isEmpty()) {
      return;
    }
    var batch = handle.prepareBatch("INSERT INTO " + table + " (publication_id, " + column + ", position)"
        + " VALUES (:publication, :ref, :position)");
    for (int i = 0; i < ids.size(); i++) {
      batch.bind("publication", publicationId).bind("ref", ids.get(i)).bind("position", i).add();
    }
    batch.execute();
  }

  static Optional<Long> idOf(Handle handle, String table, String slug) {
    return handle.createQuery("SELECT id FROM " + table + " WHERE slug = :slug")
        .bind("slug", slug).mapTo(Long.class).findOne();
  }
}
