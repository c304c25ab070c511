package org.thinkpress.content;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The SQL that writes experts, topics, regions (with their names in other languages) and site
 * settings. Runs inside a transaction that {@link ContentStore} opens and commits.
 */
final class TaxonomyWriter {

  private TaxonomyWriter() {}

  static long upsertExpert(Handle handle, ExpertInput input, String bioHtml, long now) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("name", input.name());
    columns.put("role", input.role());
    columns.put("affiliation", input.affiliation());
    columns.put("bio_md", input.bioMarkdown());
    columns.put("bio_html", bioHtml);
    columns.put("photo_url", input.photoUrl());
    columns.put("links", ContentRows.encodeLinks(input.links()));
    columns.put("expertise", String.join("\n", input.expertise()));
    columns.put("languages", String.join(" ", input.languages()));
    columns.put("media_contact", input.mediaContact());
    return upsert(handle, TaxonKind.EXPERT, input.slug(), columns, -1, input.names(), now);
  }

  /** Creates or updates a topic; {@code position} is its place in the list, or -1 for last when new. */
  static long upsertTopic(Handle handle, TopicInput input, int position, long now) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("name", input.name());
    columns.put("description", input.description());
    return upsert(handle, TaxonKind.TOPIC, input.slug(), columns, position, input.names(), now);
  }

  /** Creates or updates a region, leaving its parent to {@link #setRegionParent}. */
  static long upsertRegion(Handle handle, RegionInput input, int position, long now) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("name", input.name());
    return upsert(handle, TaxonKind.REGION, input.slug(), columns, position, input.names(), now);
  }

  /**
   * Updates the {@code kind} with {@code slug}, or inserts it when there is none, setting
   * {@code columns} either way; then replaces its names in other languages. Topics and regions
   * have a place in their list: {@code position} when it is 0 or more; when it is negative, an
   * update keeps the place and an insert puts the new one last. Experts have none.
   *
   * @param columns column names (of this class's own, never from input) to their values
   * @return the row's id
   */
  private static long upsert(Handle handle, TaxonKind kind, String slug, Map<String, String> columns, int position,
                             Map<String, String> names, long now) {
    boolean ordered = kind != TaxonKind.EXPERT;
    boolean placed = ordered && position >= 0;
    Optional<Long> existing = PublicationWriter.idOf(handle, kind.table, slug);
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      StringBuilder set = new StringBuilder();
      columns.keySet().forEach(column -> set.append(column).append(" = :").append(column).append(", "));
      Update update = handle.createUpdate("UPDATE " + kind.table + " SET " + set
          + (placed ? "position = :position, " : "") + "changed_at = :now WHERE id = :id");
      columns.forEach(update::bind);
      if (placed) {
        update.bind("position", position);
      }
      update.bind("now", now).bind("id", id).execute();
    } else {
      String columnList = String.join(", ", columns.keySet());
      String values = columns.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
      Query insert = handle.createQuery("INSERT INTO " + kind.table + " (slug, " + columnList
          + (ordered ? ", position" : "") + ", created_at, changed_at) VALUES (:slug, " + values
          + (ordered ? ", " + positionFor(position, kind.table) : "") + ", :now, :now) RETURNING id");
      columns.forEach(insert::bind);
      if (placed) {
        insert.bind("position", position);
      }
      id = insert.bind("slug", slug).bind("now", now).mapTo(Long.class).one();
    }
    replaceLabels(handle, kind.key(), id, names);
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
