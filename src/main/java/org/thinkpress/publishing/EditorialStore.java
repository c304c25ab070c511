package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.thinkpress.content.Status;

/**
 * The workflow's own rows: who owns each piece and its edit version ({@code publication_edits}),
 * and the revisions. Pieces that came in through an import or the demo have no row yet: they are
 * at edit version 0 and owned by nobody (so only editors see them).
 */
final class EditorialStore {

  /** A piece's owner ({@code null}: nobody) and edit version. */
  record EditState(Long ownerId, long editVersion) {}

  private final Jdbi jdbi;

  EditorialStore(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  EditState state(long publicationId) {
    return jdbi.withHandle(handle -> state(handle, publicationId));
  }

  static EditState state(Handle handle, long publicationId) {
    return handle.createQuery("SELECT owner_id, edit_version FROM publication_edits WHERE publication_id = :id")
        .bind("id", publicationId)
        .map((rs, ctx) -> new EditState(nullableLong(rs, "owner_id"), rs.getLong("edit_version")))
        .findOne()
        .orElse(new EditState(null, 0));
  }

  /**
   * Moves the piece from {@code expected} to the next edit version, or returns the version it is
   * really at when that is not {@code expected}. The conditional update is the lock: of two
   * concurrent saves from the same version, exactly one changes the row.
   */
  static Optional<Long> advance(Handle handle, long publicationId, long expected) {
    int changed = handle.createUpdate("UPDATE publication_edits SET edit_version = edit_version + 1"
            + " WHERE publication_id = :id AND edit_version = :expected")
        .bind("id", publicationId).bind("expected", expected).execute();
    if (changed == 1) {
      return Optional.empty();
    }
    EditState state = state(handle, publicationId);
    if (state.editVersion() == 0 && expected == 0) { // imported piece, first save through the workflow
      handle.createUpdate("INSERT INTO publication_edits (publication_id, owner_id, edit_version) VALUES (:id, NULL, 1)")
          .bind("id", publicationId).execute();
      return Optional.empty();
    }
    return Optional.of(state.editVersion());
  }

  static void create(Handle handle, long publicationId, long ownerId) {
    handle.createUpdate("INSERT INTO publication_edits (publication_id, owner_id, edit_version) VALUES (:id, :owner, 1)")
        .bind("id", publicationId).bind("owner", ownerId).execute();
  }

  static long addRevision(Handle handle, long publicationId, long editVersion, String kind, Actor actor, String note,
                          String document, long now) {
    return handle.createQuery("INSERT INTO revisions (publication_id, edit_version, kind, account_id, author_name, note,"
            + " document, created_at) VALUES (:publication, :version, :kind, :account, :author, :note, :document, :now)"
            + " RETURNING id")
        .bind("publication", publicationId).bind("version", editVersion).bind("kind", kind)
        .bind("account", actor.accountId()).bind("author", actor.name()).bind("note", note)
        .bind("document", document).bind("now", now)
        .mapTo(Long.class).one();
  }

  long addRevision(long publicationId, long editVersion, String kind, Actor actor, String note, String document,
                   long now) {
    return jdbi.inTransaction(handle -> addRevision(handle, publicationId, editVersion, kind, actor, note, document, now));
  }

  /** The revisions of a piece, newest first. */
  List<Revision> revisions(long publicationId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM revisions WHERE publication_id = :id"
            + " ORDER BY id DESC")
        .bind("id", publicationId)
        .map((rs, ctx) -> revision(rs))
        .list());
  }

  Optional<Revision> revision(long publicationId, long revisionId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM revisions WHERE id = :id"
            + " AND publication_id = :publication")
        .bind("id", revisionId).bind("publication", publicationId)
        .map((rs, ctx) -> revision(rs))
        .findOne());
  }

  private static Revision revision(ResultSet rs) throws SQLException {
    return new Revision(rs.getLong("id"), rs.getLong("publication_id"), rs.getLong("edit_version"), rs.getString("kind"),
        rs.getString("author_name"), rs.getString("note"), Instant.ofEpochMilli(rs.getLong("created_at")),
        Documents.fromJson(rs.getString("document")));
  }

  List<String> languages() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT language FROM publications ORDER BY language")
        .mapTo(String.class).list());
  }

  /**
   * One page of pieces in any status matching the filter, most recently changed first. Site pages
   * are listed only when the filter asks for their type ({@code page}): without a type, the list
   * is of publications.
   */
  List<PublicationRow> list(PublicationFilter filter, Actor actor, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT p.id, p.slug, p.title, p.status, p.type, p.language, p.published_at,"
        + " p.changed_at, a.name AS owner_name, e.owner_id FROM publications p"
        + " LEFT JOIN publication_edits e ON e.publication_id = p.id LEFT JOIN accounts a ON a.id = e.owner_id WHERE 1 = 1");
    if (!actor.editor()) {
      sql.append(" AND e.owner_id = :actor");
    }
    if (filter.status() != null) {
      sql.append(" AND p.status = :status");
    }
    sql.append(filter.type() != null ? " AND p.type = :type" : " AND p.type <> :page");
    if (filter.language() != null) {
      sql.append(" AND p.language = :language");
    }
    if (filter.expert() != null) {
      sql.append(" AND p.id IN (SELECT pe.publication_id FROM publication_experts pe JOIN experts x ON x.id = pe.expert_id"
          + " WHERE x.slug = :expert)");
    }
    if (filter.topic() != null) {
      sql.append(" AND p.id IN (SELECT pt.publication_id FROM publication_topics pt JOIN topics t ON t.id = pt.topic_id"
          + " WHERE t.slug = :topic)");
    }
    if (filter.query() != null) {
      sql.append(" AND (LOWER(p.title) LIKE :query OR p.slug LIKE :query)");
    }
    sql.append(" ORDER BY p.changed_at DESC, p.id DESC LIMIT :limit OFFSET :offset");
    return jdbi.withHandle(handle -> {
      Query query = handle.createQuery(sql.toString())
          .bind("actor", actor.accountId())
          .bind("status", filter.status() == null ? null : filter.status().key())
          .bind("type", filter.type()).bind("page", org.thinkpress.content.PublicationTypes.PAGE)
          .bind("language", filter.language())
          .bind("expert", filter.expert()).bind("topic", filter.topic())
          .bind("query", filter.query() == null ? null : "%" + filter.query().toLowerCase(java.util.Locale.ROOT) + "%")
          .bind("limit", limit).bind("offset", offset);
      return query.map((rs, ctx) -> new PublicationRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
              Status.ofKey(rs.getString("status")), rs.getString("type"), rs.getString("language"),
              instant(rs, "published_at"), instant(rs, "changed_at"), rs.getString("owner_name"),
              nullableLong(rs, "owner_id")))
          .list();
    });
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static List<Long> ids(List<PublicationRow> rows) {
    List<Long> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.id()));
    return ids;
  }
}
