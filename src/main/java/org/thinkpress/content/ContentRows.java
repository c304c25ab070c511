package org.thinkpress.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Row mapping and the small queries shared by {@link ContentStore} and {@link ContentReader}. */
final class ContentRows {

  static final String SUMMARY_COLUMNS = "p.id, p.slug, p.language, p.translation_group, p.title, p.standfirst, p.type,"
      + " p.status, p.featured, p.published_at, p.updated_at, p.reading_minutes, p.image_url, p.image_alt";

  static final String FULL_COLUMNS = SUMMARY_COLUMNS
      + ", b.body_md, b.body_html, b.toc, b.keywords, b.seo_title, b.seo_description, p.created_at, p.changed_at"
      + ", p.image_caption, p.image_credit";

  /** The FROM clause for {@link #FULL_COLUMNS}: a publication with its body. */
  static final String WITH_BODY = "publications p JOIN publication_bodies b ON b.publication_id = p.id";

  private ContentRows() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** The experts, topics and regions of a set of publications, in byline order. */
  static final class Links {
    final Map<Long, List<Long>> experts = new HashMap<>();
    final Map<Long, List<Long>> topics = new HashMap<>();
    final Map<Long, List<Long>> regions = new HashMap<>();

    static Links of(Handle handle, Collection<Long> publicationIds) {
      Links links = new Links();
      if (publicationIds.isEmpty()) {
        return links;
      }
      handle.createQuery("SELECT 'e' AS k, publication_id, expert_id AS ref, position FROM publication_experts"
              + " WHERE publication_id IN (<ids>)"
              + " UNION ALL SELECT 't', publication_id, topic_id, position FROM publication_topics WHERE publication_id IN (<ids>)"
              + " UNION ALL SELECT 'r', publication_id, region_id, position FROM publication_regions WHERE publication_id IN (<ids>)"
              + " ORDER BY 1, 2, 4")
          .bindList("ids", List.copyOf(publicationIds))
          .map((rs, ctx) -> {
            Map<Long, List<Long>> target = switch (rs.getString(1)) {
              case "e" -> links.experts;
              case "t" -> links.topics;
              default -> links.regions;
            };
            target.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(rs.getLong(3));
            return Boolean.TRUE;
          })
          .list();
      return links;
    }

    List<Long> experts(long id) {
      return experts.getOrDefault(id, List.of());
    }

    List<Long> topics(long id) {
      return topics.getOrDefault(id, List.of());
    }

    List<Long> regions(long id) {
      return regions.getOrDefault(id, List.of());
    }
  }

  /** A publication row before its links are attached. */
  record Row(long id, String slug, String language, String translationGroup, String title, String standfirst,
             String type, Status status, boolean featured, Instant publishedAt, Instant updatedAt, int readingMinutes,
             String bodyMarkdown, String bodyHtml, String toc, String keywords, String seoTitle, String seoDescription,
             Instant createdAt, Instant changedAt, String imageUrl, String imageAlt, String imageCaption,
             String imageCredit) {

    static Row summary(ResultSet rs) throws SQLException {
      return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("language"), rs.getString("translation_group"),
          rs.getString("title"), rs.getString("standfirst"), rs.getString("type"), Status.ofKey(rs.getString("status")),
          rs.getBoolean("featured"), instant(rs, "published_at"), instant(rs, "updated_at"), rs.getInt("reading_minutes"),
          null, null, null, null, null, null, null, null, rs.getString("image_url"), rs.getString("image_alt"), null, null);
    }

    static Row full(ResultSet rs) throws SQLException {
      return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("language"), rs.getString("translation_group"),
          rs.getString("title"), rs.getString("standfirst"), rs.getString("type"), Status.ofKey(rs.getString("status")),
          rs.getBoolean("featured"), instant(rs, "published_at"), instant(rs, "updated_at"), rs.getInt("reading_minutes"),
          rs.getString("body_md"), rs.getString("body_html"), rs.getString("toc"), rs.getString("keywords"),
          rs.getString("seo_title"), rs.getString("seo_description"), instant(rs, "created_at"),
          instant(rs, "changed_at"), rs.getString("image_url"), rs.getString("image_alt"), rs.getString("image_caption"),
          rs.getString("image_credit"));
    }

    PublicationSummary toSummary(Links links) {
      return new PublicationSummary(id, slug, language, translationGroup, title, standfirst, type, status, featured,
          publishedAt, updatedAt, readingMinutes, links.experts(id), links.topics(id), links.regions(id), imageUrl, imageAlt);
    }

    Publication toPublication(Links links) {
      return new Publication(id, slug, language, translationGroup, title, standfirst, bodyMarkdown, bodyHtml,
          decodeToc(toc), readingMinutes, type, status, featured, publishedAt, updatedAt, createdAt, changedAt,
          links.experts(id), links.topics(id), links.regions(id), decodeKeywords(keywords), seoTitle, seoDescription,
          image());
    }

    /** The stored featured image, or null: the columns are empty strings when there is none. */
    FeaturedImage image() {
      return imageUrl == null || imageUrl.isEmpty() ? null
          : new FeaturedImage(imageUrl, imageAlt, imageCaption, imageCredit);
    }
  }

  /** Keywords as stored: one per line. */
  static String encodeKeywords(List<String> keywords) {
    return String.join("\n", keywords);
  }

  /** A list stored as one text: the entries joined by {@code separator}; {@code ""} is none. */
  static List<String> splitOn(String stored, String separator) {
    return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(java.util.regex.Pattern.quote(separator)));
  }

  /** An expert's links as stored: one per line, {@code kind SPACE url}. */
  static String encodeLinks(Map<String, String> links) {
    StringBuilder out = new StringBuilder();
    links.forEach((kind, url) -> out.append(kind).append(' ').append(url).append('\n'));
    return out.toString();
  }

  static Map<String, String> decodeLinks(String stored) {
    if (stored == null || stored.isEmpty()) {
      return Map.of();
    }
    Map<String, String> links = new java.util.LinkedHashMap<>();
    for (String line : stored.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        links.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return java.util.Collections.unmodifiableMap(links);
  }

  static List<String> decodeKeywords(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
  }

  static List<PublicationSummary> summaries(Handle handle, List<Row> rows) {
    Links links = Links.of(handle, rows.stream().map(Row::id).toList());
    return rows.stream().map(row -> row.toSummary(links)).toList();
  }

  static List<Publication> publications(Handle handle, List<Row> rows) {
    Links links = Links.of(handle, rows.stream().map(Row::id).toList());
    return rows.stream().map(row -> row.toPublication(links)).toList();
  }

  /** Table of contents as stored: one line per heading, {@code level TAB id TAB text}. */
  static String encodeToc(List<TocEntry> toc) {
    StringBuilder out = new StringBuilder();
    for (TocEntry entry : toc) {
      out.append(entry.level()).append('\t').append(entry.id()).append('\t')
          .append(entry.text().replace('\t', ' ').replace('\n', ' ')).append('\n');
    }
    return out.toString();
  }

  static List<TocEntry> decodeToc(String stored) {
    if (stored == null || stored.isEmpty()) {
      return List.of();
    }
    List<TocEntry> toc = new ArrayList<>();
    for (String line : stored.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3) {
        toc.add(new TocEntry(Integer.parseInt(parts[0]), parts[1], parts[2]));
      }
    }
    return toc;
  }

  /** Names in other languages of every expert, topic or region ({@code kind}), by owner id. */
  static Map<Long, Map<String, String>> labels(Handle handle, String kind) {
    Map<Long, Map<String, String>> labels = new HashMap<>();
    handle.createQuery("SELECT owner_id, language, name FROM labels WHERE kind = :kind")
        .bind("kind", kind)
        .map((rs, ctx) -> labels.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return labels;
  }

  static Taxonomy loadTaxonomy(Handle handle) {
    Map<Long, Map<String, String>> expertNames = labels(handle, "expert");
    Map<Long, Map<String, String>> topicNames = labels(handle, "topic");
    Map<Long, Map<String, String>> regionNames = labels(handle, "region");
    List<Expert> experts = handle.createQuery("SELECT id, slug, name, role, affiliation, bio_md, bio_html, photo_url, links,"
            + " expertise, languages, media_contact FROM experts ORDER BY name, id")
        .map((rs, ctx) -> new Expert(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
            expertNames.getOrDefault(rs.getLong("id"), Map.of()), rs.getString("role"), rs.getString("affiliation"),
            rs.getString("bio_md"), rs.getString("bio_html"), rs.getString("photo_url"), decodeLinks(rs.getString("links")),
            splitOn(rs.getString("expertise"), "\n"), splitOn(rs.getString("languages"), " "), rs.getString("media_contact")))
        .list();
    List<Topic> topics = handle.createQuery("SELECT id, slug, name, description FROM topics ORDER BY position, name, id")
        .map((rs, ctx) -> new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
            topicNames.getOrDefault(rs.getLong("id"), Map.of()), rs.getString("description")))
        .list();
    List<Region> regions = handle.createQuery("SELECT id, slug, name, parent_id FROM regions ORDER BY position, name, id")
        .map((rs, ctx) -> new Region(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
            regionNames.getOrDefault(rs.getLong("id"), Map.of()), rs.getLong("parent_id")))
        .list();
    return new Taxonomy(experts, topics, sortParentsFirst(regions));
  }

  /** Regions in tree order: each parent followed by its children, keeping the stored order among siblings. */
  private static List<Region> sortParentsFirst(List<Region> regions) {
    List<Region> sorted = new ArrayList<>(regions.size());
    appendChildren(0, regions, sorted);
    for (Region region : regions) { // orphans of a broken hierarchy still show
      if (!sorted.contains(region)) {
        sorted.add(region);
      }
    }
    return sorted;
  }

  private static void appendChildren(long parentId, List<Region> regions, List<Region> sorted) {
    for (Region region : regions) {
      if (region.parentId() == parentId && !sorted.contains(region)) {
        sorted.add(region);
        appendChildren(region.id(), regions, sorted);
      }
    }
  }
}
