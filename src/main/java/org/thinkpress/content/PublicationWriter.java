package org.thinkpress.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL that writes one publication: its row, its body, and its links to experts, topics and
 * regions. Runs inside a transaction that {@link ContentStore} opens and commits.
 */
final class PublicationWriter {

  private PublicationWriter() {}

  /** Creates or updates the piece with the input's slug; returns its id. */
  static long upsert(Handle handle, PublicationInput input, RenderedBody body, long now) {
    return write(handle, idOf(handle, "publications", input.slug()).orElse(null), input, body, now);
  }

  /** Updates the piece with {@code id} (slug included), or inserts one when {@code id} is null. */
  static long write(Handle handle, Long existing, PublicationInput input, RenderedBody body, long now) {
    checkTranslationGroup(handle, input, existing);
    String columns = "language = :language, translation_group = :group, title = :title, standfirst = :standfirst,"
        + " reading_minutes = :minutes, type = :type, status = :status, featured = :featured,"
        + " published_at = :published, updated_at = :updated, changed_at = :now";
    long id;
    if (existing != null) {
      id = existing;
      bindPublication(handle.createUpdate("UPDATE publications SET slug = :slug, " + columns + " WHERE id = :id"),
          input, body, now).bind("id", id).execute();
      handle.createUpdate("UPDATE publication_bodies SET body_md = :md, body_html = :html, toc = :toc"
              + " WHERE publication_id = :id")
          .bind("md", input.bodyMarkdown()).bind("html", body.html()).bind("toc", ContentRows.encodeToc(body.toc()))
          .bind("id", id).execute();
    } else {
      id = bindPublication(handle.createQuery("INSERT INTO publications (slug, language, translation_group, title,"
              + " standfirst, reading_minutes, type, status, featured, published_at, updated_at, created_at, changed_at)"
              + " VALUES (:slug, :language, :group, :title, :standfirst, :minutes, :type, :status, :featured, :published,"
              + " :updated, :now, :now) RETURNING id"), input, body, now)
          .mapTo(Long.class).one();
      handle.createUpdate("INSERT INTO publication_bodies (publication_id, body_md, body_html, toc)"
              + " VALUES (:id, :md, :html, :toc)")
          .bind("md", input.bodyMarkdown()).bind("html", body.html()).bind("toc", ContentRows.encodeToc(body.toc()))
          .bind("id", id).execute();
    }
    replaceLinks(handle, id, "publication_experts", "expert_id", resolve(handle, "experts", "expert", input.experts()));
    replaceLinks(handle, id, "publication_topics", "topic_id", resolve(handle, "topics", "topic", input.topics()));
    replaceLinks(handle, id, "publication_regions", "region_id", resolve(handle, "regions", "region", input.regions()));
    return id;
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
