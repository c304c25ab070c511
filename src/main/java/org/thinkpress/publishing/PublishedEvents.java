package org.thinkpress.publishing;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.thinkpress.storage.Dialect;

/**
 * "Became published" events: the durable record that a piece went on the site on this
 * installation, written in the same transaction as the change of status, by the two ways a piece
 * becomes published: {@link Workflow}'s publish action (the editor, the API) and a scheduled piece
 * coming due ({@link ScheduledPublisher}). Nothing else writes one: a content import, the demo
 * loader or a restore that copies rows puts pieces on the site without announcing them.
 *
 * <p>Consumers (the newsletter's alerts) take the oldest pending event with {@link #nextPending}
 * and mark it handled with {@link #markHandled} in the transaction that does their work, so that
 * each event is handled once, even with several nodes: on PostgreSQL the row is locked with
 * {@code FOR UPDATE SKIP LOCKED}, and marking is conditional everywhere.
 */
public final class PublishedEvents {

  private PublishedEvents() {}

  /** How the piece became published. */
  public enum Cause {
    /** An editor's (or the API's) publish action. */
    PUBLISH,
    /** A scheduled piece whose time came. */
    SCHEDULE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Cause ofKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  /** One event: which piece, how, and when it became published. */
  public record Event(long id, long publicationId, Cause cause, Instant createdAt) {}

  /**
   * Records, on the caller's transaction, that a piece became published now; nothing for a site
   * page (About, Contact...), which is no news and announces nothing.
   */
  static void record(Handle handle, long publicationId, Cause cause, long now) {
    handle.createUpdate("INSERT INTO published_events (publication_id, cause, created_at)"
            + " SELECT id, :cause, :now FROM publications WHERE id = :id AND type <> :page")
        .bind("id", publicationId).bind("cause", cause.key()).bind("now", now)
        .bind("page", org.thinkpress.content.PublicationTypes.PAGE).execute();
  }

  /**
   * The oldest event not yet handled, locked for the caller's transaction where the database can
   * ({@code SKIP LOCKED}: another node's consumer passes over it and takes the next).
   */
  public static Optional<Event> nextPending(Handle handle, Dialect dialect) {
    return handle.createQuery("SELECT id, publication_id, cause, created_at FROM published_events"
            + " WHERE handled_at IS NULL ORDER BY id LIMIT 1" + (dialect.supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : ""))
        .map((rs, ctx) -> new Event(rs.getLong(1), rs.getLong(2), Cause.ofKey(rs.getString(3)),
            Instant.ofEpochMilli(rs.getLong(4))))
        .findOne();
  }

  /** Marks an event handled on the caller's transaction; false when someone else already had. */
  public static boolean markHandled(Handle handle, long eventId, long now) {
    return handle.createUpdate("UPDATE published_events SET handled_at = :now WHERE id = :id AND handled_at IS NULL")
        .bind("now", now).bind("id", eventId).execute() == 1;
  }

  /**
   * Marks every pending event handled, announcing nothing: for a restore or a migration that
   * copies rows from another installation, which had its own chance to announce them.
   *
   * @return how many were pending
   */
  public static int markAllHandled(Handle handle, long now) {
    return handle.createUpdate("UPDATE published_events SET handled_at = :now WHERE handled_at IS NULL")
        .bind("now", now).execute();
  }

  /** How many events wait, for tests and the operator's checks. */
  public static long pending(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM published_events WHERE handled_at IS NULL").mapTo(Long.class).one();
  }
}
