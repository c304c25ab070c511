package org.thinkpress.content;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The SQL that writes experts, topics, regions (with their names in other languages) and site
 * settings. Runs inside a transaction that {@link ContentStore} opens and commits.
 */
final class TaxonomyWriter {

  private TaxonomyWriter() {}

  static long upsertExpert(Handle handle, ExpertInput input, String bioHtml, long now) {
    Optional<Long> existing = PublicationWriter.idOf(handle, "experts", input.slug());
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      handle.createUpdate("UPDATE experts SET name = :name, role = :role, affiliation = :affiliation, bio_md = :bio,"
              + " bio_html = :html, photo_url = :photo, changed_at = :now WHERE id = :id")
          .bind("name", input.name()).bind("role", input.role()).bind("affiliation", input.affiliation())
          .bind("bio", input.bioMarkdown()).bind("html", bioHtml).bind("photo", input.photoUrl()).bind("now", now)
          .bind("id", id).execute();
    } else {
      id = handle.createQuery("INSERT INTO experts (slug, name, role, affiliation, bio_md, bio_html, photo_url,"
              + " created_at, changed_at) VALUES (:slug, :name, :role, :affiliation, :bio, :html, :photo, :now, :now)"
              + " RETURNING id")
          .bind("slug", input.slug()).bind("name", input.name()).bind("role", input.role())
          .bind("affiliation", input.affiliation()).bind("bio", input.bioMarkdown()).bind("html", bioHtml)
          .bind("photo", input.photoUrl()).bind("now", now)
          .mapTo(Long.class).one();
    }
    replaceLabels(handle, "expert", id, input.names());
    return id;
  }

  /** Creates or updates a topic; {@code position} is its place in the list, or -1 for last when new. */
  static long upsertTopic(Handle handle, TopicInput input, int position, long now) {
    Optional<Long> existing = PublicationWriter.idOf(handle, "topics", input.slug());
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      handle.createUpdate("UPDATE topics SET name = :name, description = :description, changed_at = :now"
              + (position >= 0 ? ", position = :position" : "") + " WHERE id = :id")
          .bind("name", input.name()).bind("description", input.description()).bind("now", now)
          .bind("position", position).bind("id", id).execute();
    } else {
      id = handle.createQuery("INSERT INTO topics (slug, name, description, position, created_at, changed_at)"
              + " VALUES (:slug, :name, :description, " + positionFor(position, "topics") + ", :now, :now) RETURNING id")
          .bind("slug", input.slug()).bind("name", input.name()).bind("description", input.description())
          .bind("position", position).bind("now", now)
          .mapTo(Long.class).one();
    }
    replaceLabels(handle, "topic", id, input.names());
    return id;
  }

  /** Creates or updates a region, leaving its parent to {@link #setRegionParent}. */
  static long upsertRegion(Handle handle, RegionInput input, int position, long now) {
    Optional<Long> existing = PublicationWriter.idOf(handle, "regions", input.slug());
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      handle.createUpdate("UPDATE regions SET name = :name, changed_at = :now"
              + (position >= 0 ? ", position = :position" : "") + " WHERE id = :id")
          .bind("name", input.name()).bind("now", now).bind("position", position).bind("id", id).execute();
    } else {
      id = handle.createQuery("INSERT INTO regions (slug, name, position, created_at, changed_at)"
              + " VALUES (:slug, :name, " + positionFor(position, "regions") + ", :now, :now) RETURNING id")
          .bind("slug", input.slug()).bind("name", input.name()).bind("position", position).bind("now", now)
          .mapTo(Long.class).one();
    }
    replaceLabels(handle, "region", id, input.names());
    return id;
  }

  /** A given position, or one past the last, so that a region or topic added later comes last. */
  private static String positionFor(int position, String table) {
    return position >= 0 ? ":position" : "(SELECT COALESCE(MAX(position), -1) + 1 FROM " + table + ")";
  }

  static void setRegionParent(Handle handle, long id, RegionInput input) {
    Long parentId = null;
    if (input.parentSlug() != null) {
      parentId = PublicationWriter.idOf(handle, "regions", input.parentSlug()).orElseThrow(() ->
          new InvalidContentException("region '" + input.slug() + "' has an unknown parent '" + input.parentSlug() + "'"));
      Set<Long> seen = new LinkedHashSet<>();
      for (Long ancestor = parentId; ancestor != null; ancestor = parentOf(handle, ancestor)) {
        if (ancestor == id || !seen.add(ancestor)) {
          throw new InvalidContentException("region '" + input.slug() + "' cannot be placed under '"
              + input.parentSlug() + "': that region is already below it");
        }
      }
    }
    handle.createUpdate("UPDATE regions SET parent_id = :parent WHERE id = :id")
        .bind("parent", parentId).bind("id", id).execute();
  }

  static Long parentOf(Handle handle, long regionId) {
    return handle.createQuery("SELECT parent_id FROM regions WHERE id = :id")
        .bind("id", regionId).mapTo(Long.class).findOne().orElse(null);
  }

  private static void replaceLabels(Handle handle, String kind, long ownerId, Map<String, String> names) {
    handle.createUpdate("DELETE FROM labels WHERE kind = :kind AND owner_id = :id")
        .bind("kind", kind).bind("id", ownerId).execute();
    for (Map.Entry<String, String> name : names.entrySet()) {
      handle.createUpdate("INSERT INTO labels (kind, owner_id, language, name) VALUES (:kind, :id, :language, :name)")
          .bind("kind", kind).bind("id", ownerId).bind("language", name.getKey()).bind("name", name.getValue())
          .execute();
    }
  }

  static void replaceSettings(Handle handle, Map<String, String> settings) {
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      handle.createUpdate("DELETE FROM settings WHERE name = :name").bind("name", setting.getKey()).execute();
      handle.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value)")
          .bind("name", setting.getKey()).bind("value", setting.getValue()).execute();
    }
  }

  static void deleteTaxonRow(Handle handle, TaxonKind kind, long id) {
    handle.createUpdate("DELETE FROM " + kind.linkTable + " WHERE " + kind.linkColumn + " = :id").bind("id", id).execute();
    handle.createUpdate("DELETE FROM labels WHERE kind = :kind AND owner_id = :id")
        .bind("kind", kind.key()).bind("id", id).execute();
    handle.createUpdate("DELETE FROM " + kind.table + " WHERE id = :id").bind("id", id).execute();
  }

  static long requireTaxon(Handle handle, TaxonKind kind, String slug) {
    return PublicationWriter.idOf(handle, kind.table, slug).orElseThrow(() -> new ContentNotFoundException(kind.key(), slug));
  }

}
