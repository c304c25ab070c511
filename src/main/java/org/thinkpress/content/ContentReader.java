package org.thinkpress.content;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads what the public site shows: published pieces, listings, translations, other materials,
 * feeds and the sitemap. Every query here sees only {@link Status#PUBLISHED} pieces, except
 * {@link #publicPublication}, which also finds {@link Status#ARCHIVED} ones. Site pages (type
 * {@link PublicationTypes#PAGE}) are read by {@link #publicPage} and listed only in the sitemap
 * ({@link #sitemapEntries}): listings, feeds, the home page, other materials and digests never
 * show them.
 *
 * <p>The {@link Taxonomy} and the settings are read once per {@link ContentVersion} and shared.
 */
public final class ContentReader {

  private static final String PUBLISHED = "p.status = 'published'";
  /** Published and listed: not a site page. */
  private static final String LISTED = PUBLISHED + " AND p.type <> '" + PublicationTypes.PAGE + "'";

  private final Jdbi jdbi;
  private final ContentVersion version;
  private volatile Versioned<Taxonomy> taxonomy = new Versioned<>(-1, null);
  private volatile Versioned<Map<String, String>> settings = new Versioned<>(-1, null);
  private volatile Versioned<List<String>> languages = new Versioned<>(-1, null);

  private record Versioned<T>(long version, T value) {}

  public ContentReader(Jdbi jdbi, ContentVersion version) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.version = requireNonNull(version, "version");
  }

  public ContentVersion version() {
    return version;
  }

  public Taxonomy taxonomy() {
    Versioned<Taxonomy> cached = taxonomy;
    long current = version.current();
    if (cached.version() != current) {
      cached = new Versioned<>(current, jdbi.withHandle(ContentRows::loadTaxonomy));
      taxonomy = cached;
    }
    return cached.value();
  }

  /** Site settings by name (site.title, site.description...). */
  public Map<String, String> settings() {
    Versioned<Map<String, String>> cached = settings;
    long current = version.current();
    if (cached.version() != current) {
      Map<String, String> values = new TreeMap<>();
      jdbi.useHandle(handle -> handle.createQuery("SELECT name, value FROM settings")
          .map((rs, ctx) -> values.put(rs.getString(1), rs.getString(2))).list());
      cached = new Versioned<>(current, Map.copyOf(values));
      settings = cached;
    }
    return cached.value();
  }

  /** The languages that published pieces are written in, in alphabetical order of tag. */
  public List<String> languages() {
    Versioned<List<String>> cached = languages;
    long current = version.current();
    if (cached.version() != current) {
      cached = new Versioned<>(current, jdbi.withHandle(handle -> handle.createQuery(
              "SELECT DISTINCT p.language FROM publications p WHERE " + LISTED + " ORDER BY p.language")
          .mapTo(String.class).list()));
      languages = cached;
    }
    return cached.value();
  }

  /** A piece readers may open: published or archived, and not a site page. */
  public Optional<Publication> publicPublication(String slug) {
    return publicPiece(slug, "<>");
  }

  /** A site page readers may open ({@code /SLUG}): published or archived, of type {@link PublicationTypes#PAGE}. */
  public Optional<Publication> publicPage(String slug) {
    return publicPiece(slug, "=");
  }

  private Optional<Publication> publicPiece(String slug, String pageTest) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ContentRows.FULL_COLUMNS
            + " FROM " + ContentRows.WITH_BODY + " WHERE p.slug = :slug AND p.status IN ('published', 'archived')"
            + " AND p.type " + pageTest + " :page")
        .bind("slug", slug)
        .bind("page", PublicationTypes.PAGE)
        .map((rs, ctx) -> ContentRows.Row.full(rs))
        .findOne()
        .map(row -> ContentRows.publications(handle, List.of(row)).get(0)));
  }

  /** The published versions of the same piece in other languages, ordered by language. */
  public List<PublicationSummary> translations(Publication publication) {
    if (publication.translationGroup() == null) {
      return List.of();
    }
    return jdbi.withHandle(handle -> ContentRows.summaries(handle, handle.createQuery("SELECT "
            + ContentRows.SUMMARY_COLUMNS + " FROM publications p WHERE p.translation_group = :group AND p.id <> :id"
            + " AND " + PUBLISHED + " ORDER BY p.language")
        .bind("group", publication.translationGroup())
        .bind("id", publication.id())
        .map((rs, ctx) -> ContentRows.Row.summary(rs))
        .list()));
  }

  /** One page of published pieces matching the listing, newest first. */
  public Page<PublicationSummary> list(Listing listing, int pageNumber, int pageSize) {
    if (pageNumber < 1 || pageSize < 1) {
      throw new IllegalArgumentException("page " + pageNumber + " of size " + pageSize);
    }
    return jdbi.withHandle(handle -> {
      Where where = Where.of(listing);
      long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM publications p WHERE " + where.sql))
          .mapTo(Long.class).one();
      List<PublicationSummary> items = List.of();
      long offset = (long) (pageNumber - 1) * pageSize;
      if (offset < total) {
        items = ContentRows.summaries(handle, where.bind(handle.createQuery("SELECT " + ContentRows.SUMMARY_COLUMNS
                + " FROM publications p WHERE " + where.sql + " ORDER BY p.published_at DESC, p.id DESC"
                + " LIMIT :limit OFFSET :offset"))
            .bind("limit", pageSize)
            .bind("offset", offset)
            .map((rs, ctx) -> ContentRows.Row.summary(rs))
            .list());
      }
      return new Page<>(items, pageNumber, pageSize, total);
    });
  }

  /** The newest published pieces matching the listing, with their bodies, for feeds. */
  public List<Publication> latestWithBodies(Listing listing, int limit) {
    return jdbi.withHandle(handle -> {
      Where where = Where.of(listing);
      return ContentRows.publications(handle, where.bind(handle.createQuery("SELECT " + ContentRows.FULL_COLUMNS
              + " FROM " + ContentRows.WITH_BODY + " WHERE " + where.sql + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit"))
          .bind("limit", limit)
          .map((rs, ctx) -> ContentRows.Row.full(rs))
          .list());
    });
  }

  /** The newest featured piece, if any. */
  public Optional<PublicationSummary> featured() {
    return jdbi.withHandle(handle -> ContentRows.summaries(handle, handle.createQuery("SELECT "
            + ContentRows.SUMMARY_COLUMNS + " FROM publications p WHERE " + LISTED + " AND p.featured = :yes"
            + " ORDER BY p.published_at DESC, p.id DESC LIMIT 1")
        .bind("yes", true)
        .map((rs, ctx) -> ContentRows.Row.summary(rs))
        .list()).stream().findFirst());
  }

  /**
   * Recent published pieces that share a topic or a region with {@code publication}, pieces in its
   * language first; never the piece itself or one of its translations.
   *
   * <p>Each query walks published pieces newest first along the date index and tests each for a
   * shared topic or region by primary key, so it stops after {@code limit} matches instead of
   * collecting and sorting every piece of a popular topic.
   */
  public List<PublicationSummary> sharingTopicsOrRegions(Publication publication, int limit) {
    if (publication.topicIds().isEmpty() && publication.regionIds().isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(handle -> {
      List<ContentRows.Row> rows = new ArrayList<>(sharing(handle, publication, true, limit));
      if (rows.size() < limit) {
        rows.addAll(sharing(handle, publication, false, limit - rows.size()));
      }
      return ContentRows.summaries(handle, rows);
    });
  }

  private static List<ContentRows.Row> sharing(Handle handle, Publication publication, boolean sameLanguage, int limit) {
    List<String> shared = new ArrayList<>();
    if (!publication.topicIds().isEmpty()) {
      shared.add("EXISTS (SELECT 1 FROM publication_topics t WHERE t.publication_id = p.id AND t.topic_id IN (<topics>))");
    }
    if (!publication.regionIds().isEmpty()) {
      shared.add("EXISTS (SELECT 1 FROM publication_regions r WHERE r.publication_id = p.id AND r.region_id IN (<regions>))");
    }
    Query query = handle.createQuery("SELECT " + ContentRows.SUMMARY_COLUMNS + " FROM publications p WHERE "
            + LISTED + " AND p.id <> :id"
            + (publication.translationGroup() == null ? "" : " AND (p.translation_group IS NULL OR p.translation_group <> :group)")
            + (sameLanguage ? " AND p.language = :language" : " AND p.language <> :language")
            + " AND (" + String.join(" OR ", shared) + ")"
            + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
        .bind("id", publication.id())
        .bind("group", publication.translationGroup())
        .bind("language", publication.language())
        .bind("limit", limit);
    if (!publication.topicIds().isEmpty()) {
      query.bindList("topics", publication.topicIds());
    }
    if (!publication.regionIds().isEmpty()) {
      query.bindList("regions", publication.regionIds());
    }
    return query.map((rs, ctx) -> ContentRows.Row.summary(rs)).list();
  }

  /** Every published piece and site page, newest first, as the sitemap lists it. */
  public List<SitemapEntry> sitemapEntries() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT p.slug, p.language, p.translation_group,"
            + " COALESCE(p.updated_at, p.published_at) AS revised, p.type FROM publications p WHERE " + PUBLISHED
            + " ORDER BY p.published_at DESC, p.id DESC")
        .map((rs, ctx) -> new SitemapEntry(rs.getString(1), rs.getString(2), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)))
        .list());
  }

  /** The first and last publication times of published pieces, if there are any. */
  public Optional<Instant[]> publishedRange() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT MIN(p.published_at), MAX(p.published_at)"
            + " FROM publications p WHERE " + LISTED)
        .map((rs, ctx) -> {
          long first = rs.getLong(1);
          return rs.wasNull() ? null : new Instant[] {Instant.ofEpochMilli(first), Instant.ofEpochMilli(rs.getLong(2))};
        })
        .findOne());
  }

  /** How many published pieces match the listing. */
  public long count(Listing listing) {
    return jdbi.withHandle(handle -> {
      Where where = Where.of(listing);
      return where.bind(handle.createQuery("SELECT COUNT(*) FROM publications p WHERE " + where.sql))
          .mapTo(Long.class).one();
    });
  }

  /**
   * How many published pieces of the listing each value of a dimension has, for a listing's filter
   * links: {@code type} and {@code language} by value, {@code topic}, {@code region} and
   * {@code expert} by id (a region's count is of the pieces tagged with it, not those below it).
   */
  public Map<String, Long> countBy(Listing listing, String dimension) {
    String column = switch (dimension) {
      case "type" -> "p.type";
      case "language" -> "p.language";
      case "topic" -> "x.topic_id";
      case "region" -> "x.region_id";
      case "expert" -> "x.expert_id";
      default -> throw new IllegalArgumentException("No dimension " + dimension);
    };
    String join = switch (dimension) {
      case "topic", "region", "expert" -> " JOIN publication_" + dimension + "s x ON x.publication_id = p.id";
      default -> "";
    };
    return jdbi.withHandle(handle -> {
      Where where = Where.of(listing);
      Map<String, Long> counts = new TreeMap<>();
      where.bind(handle.createQuery("SELECT " + column + " AS v, COUNT(DISTINCT p.id) AS n FROM publications p" + join
              + " WHERE " + where.sql + " GROUP BY " + column))
          .map((rs, ctx) -> Map.entry(rs.getString("v"), rs.getLong("n")))
          .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
      return counts;
    });
  }

  /** The ids of the published pieces of a listing with each of their regions, to count regions with those below them. */
  public Map<Long, List<Long>> regionsOfPieces(Listing listing) {
    return jdbi.withHandle(handle -> {
      Where where = Where.of(listing);
      Map<Long, List<Long>> regions = new TreeMap<>();
      where.bind(handle.createQuery("SELECT x.publication_id AS piece, x.region_id AS region FROM publications p"
              + " JOIN publication_regions x ON x.publication_id = p.id WHERE " + where.sql))
          .map((rs, ctx) -> new long[] {rs.getLong("piece"), rs.getLong("region")})
          .forEach(pair -> regions.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]));
      return regions;
    });
  }

  /** The WHERE clause of a listing and the binding of its parameters. */
  private record Where(String sql, Function<Query, Query> binder) {

    static Where of(Listing listing) {
      StringBuilder sql = new StringBuilder(LISTED);
      List<Function<Query, Query>> binds = new ArrayList<>();
      if (listing.topicId() != null) {
        sql.append(" AND p.id IN (SELECT publication_id FROM publication_topics WHERE topic_id = :topic)");
        binds.add(q -> q.bind("topic", listing.topicId()));
      }
      if (!listing.regionIds().isEmpty()) {
        sql.append(" AND p.id IN (SELECT publication_id FROM publication_regions WHERE region_id IN (<regions>))");
        binds.add(q -> q.bindList("regions", List.copyOf(listing.regionIds())));
      }
      if (listing.expertId() != null) {
        sql.append(" AND p.id IN (SELECT publication_id FROM publication_experts WHERE expert_id = :expert)");
        binds.add(q -> q.bind("expert", listing.expertId()));
      }
      if (listing.type() != null) {
        sql.append(" AND p.type = :type");
        binds.add(q -> q.bind("type", listing.type()));
      }
      if (listing.from() != null) {
        sql.append(" AND p.published_at >= :from");
        binds.add(q -> q.bind("from", listing.from().toEpochMilli()));
      }
      if (listing.until() != null) {
        sql.append(" AND p.published_at < :until");
        binds.add(q -> q.bind("until", listing.until().toEpochMilli()));
      }
      if (listing.language() != null && listing.untranslatedPreferring() != null) {
        sql.append(" AND (p.language = :language OR (" + noVersionIn(":language") + " AND (p.language = :preferring OR "
            + noVersionIn(":preferring") + ")))");
        binds.add(q -> q.bind("language", listing.language()).bind("preferring", listing.untranslatedPreferring()));
      } else if (listing.language() != null) {
        sql.append(" AND p.language = :language");
        binds.add(q -> q.bind("language", listing.language()));
      }
      return new Where(sql.toString(), q -> {
        Query bound = q;
        for (Function<Query, Query> bind : binds) {
          bound = bind.apply(bound);
        }
        return bound;
      });
    }

    Query bind(Query query) {
      return binder.apply(query);
    }

    /** The piece has no published version in the language bound to {@code parameter}. */
    private static String noVersionIn(String parameter) {
      return "(p.translation_group IS NULL OR NOT EXISTS (SELECT 1 FROM publications v WHERE v.translation_group ="
          + " p.translation_group AND v.language = " + parameter + " AND v.status = 'published'))";
    }
  }

}
