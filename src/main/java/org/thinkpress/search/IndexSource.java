package org.thinkpress.search;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the index reads from the database: published pieces (by id, or all of them in batches),
 * the content version, and the change log ({@code content_changes}) that tells which pieces a run
 * of versions touched. Only {@code published} pieces are ever indexed; a piece asked for by id
 * that is not published (a draft, archived, deleted) comes back absent, which means "remove it".
 */
final class IndexSource {

  private static final String COLUMNS = "p.id, p.slug, p.language, p.translation_group, p.title, p.standfirst,"
      + " b.body_html, b.keywords, p.type, p.featured, p.published_at, p.updated_at, p.reading_minutes";

  /** Publications with their bodies, which live in a table of their own. */
  private static final String FROM = " FROM publications p JOIN publication_bodies b ON b.publication_id = p.id";

  private final Jdbi jdbi;

  IndexSource(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  /** The content version now in the database. */
  long currentVersion() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT version FROM content_state WHERE id = 1")
        .mapTo(Long.class).one());
  }

  /** How many pieces are published. */
  long publishedCount() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM publications WHERE status = 'published'")
        .mapTo(Long.class).one());
  }

  /** The pieces written by the versions after {@code after}, up to and including {@code upTo}. */
  Set<Long> changedBetween(long after, long upTo) {
    return new LinkedHashSet<>(jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT publication_id"
            + " FROM content_changes WHERE version > :after AND version <= :upTo")
        .bind("after", after).bind("upTo", upTo).mapTo(Long.class).list()));
  }

  /** The pieces linked to any of these experts, topics or regions. */
  Set<Long> linkedTo(Collection<Long> experts, Collection<Long> topics, Collection<Long> regions) {
    Set<Long> ids = new LinkedHashSet<>();
    jdbi.useHandle(handle -> {
      ids.addAll(linked(handle, "publication_experts", "expert_id", experts));
      ids.addAll(linked(handle, "publication_topics", "topic_id", topics));
      ids.addAll(linked(handle, "publication_regions", "region_id", regions));
    });
    return ids;
  }

  private static List<Long> linked(Handle handle, String table, String column, Collection<Long> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    return handle.createQuery("SELECT DISTINCT publication_id FROM " + table + " WHERE " + column + " IN (<refs>)")
        .bindList("refs", List.copyOf(refs)).mapTo(Long.class).list();
  }

  /** The published pieces among {@code ids}; the others are not published (or no longer exist). */
  List<Piece> published(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Piece> pieces = new ArrayList<>();
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
      pieces.addAll(jdbi.withHandle(handle -> withLinks(handle, handle.createQuery("SELECT " + COLUMNS
              + FROM + " WHERE p.status = 'published' AND p.id IN (<ids>)")
          .bindList("ids", chunk).map((rs, ctx) -> row(rs)).list())));
    }
    return pieces;
  }

  /**
   * Hands every published piece to {@code batches}, in batches of at most {@code size}, in id order.
   *
   * <p>The pages are walked along the primary key and other states are skipped here rather than
   * in SQL: with {@code status = 'published'} in the query, SQLite reads through its index on
   * status instead, joins every remaining body and sorts them for each page, which made a rebuild
   * quadratic (a quarter of a second per page of 250 at 100,000 pieces).
   */
  void forEachPublished(int size, Consumer<List<Piece>> batches) {
    long after = 0;
    while (true) {
      long from = after;
      List<Row> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT p.status, " + COLUMNS
              + FROM + " WHERE p.id > :after ORDER BY p.id LIMIT :size")
          .bind("after", from).bind("size", size)
          .map((rs, ctx) -> "published".equals(rs.getString("status")) ? row(rs) : new Row(rs.getLong("id")))
          .list());
      if (rows.isEmpty()) {
        return;
      }
      List<Row> published = rows.stream().filter(row -> row.slug() != null).toList();
      if (!published.isEmpty()) {
        batches.accept(jdbi.withHandle(handle -> withLinks(handle, published)));
      }
      after = rows.get(rows.size() - 1).id();
    }
  }

  /** A row before its links; the links come in one query per batch. */
  private record Row(long id, String slug, String language, String group, String title, String standfirst, String html,
                     String type, boolean featured, Instant published, Instant updated, int minutes, String keywords) {
    /** A row of a piece that is not published: only its id, to page on. */
    Row(long id) {
      this(id, null, null, null, null, null, null, null, false, null, null, 0, null);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    long updated = rs.getLong("updated_at");
    Instant updatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(updated);
    return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("language"), rs.getString("translation_group"),
        rs.getString("title"), rs.getString("standfirst"), rs.getString("body_html"), rs.getString("type"),
        rs.getBoolean("featured"), Instant.ofEpochMilli(rs.getLong("published_at")), updatedAt,
        rs.getInt("reading_minutes"), rs.getString("keywords"));
  }

  private static List<Piece> withLinks(Handle handle, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Long>> experts = new HashMap<>();
    Map<Long, List<Long>> topics = new HashMap<>();
    Map<Long, List<Long>> regions = new HashMap<>();
    handle.createQuery("SELECT 'e' AS k, publication_id, expert_id AS ref, position FROM publication_experts"
            + " WHERE publication_id IN (<ids>)"
            + " UNION ALL SELECT 't', publication_id, topic_id, position FROM publication_topics WHERE publication_id IN (<ids>)"
            + " UNION ALL SELECT 'r', publication_id, region_id, position FROM publication_regions WHERE publication_id IN (<ids>)"
            + " ORDER BY 1, 2, 4")
        .bindList("ids", rows.stream().map(Row::id).toList())
        .map((rs, ctx) -> {
          Map<Long, List<Long>> target = switch (rs.getString(1)) {
            case "e" -> experts;
            case "t" -> topics;
            default -> regions;
          };
          return target.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(rs.getLong(3));
        })
        .list();
    List<Piece> pieces = new ArrayList<>(rows.size());
    for (Row r : rows) {
      pieces.add(new Piece(r.id(), r.slug(), r.language(), r.group(), r.title(), r.standfirst(), r.html(), r.type(),
          r.featured(), r.published(), r.updated(), r.minutes(), experts.getOrDefault(r.id(), List.of()),
          topics.getOrDefault(r.id(), List.of()), regions.getOrDefault(r.id(), List.of()), r.keywords()));
    }
    return pieces;
  }

}
