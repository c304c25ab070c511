package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.thinkpress.publishing.PublishedEvents;
import org.thinkpress.storage.Restore;

/**
 * What a restore does to the newsletter's rows, in the restoring transaction. The backup may be
 * hours old, and the installation it was taken from may have gone on sending after it, so nothing
 * that was due then is sent by itself now:
 * <ul>
 * <li>mail that was waiting (queued, claimed, submitting) is held as {@code failed} with a note
 *     saying why; an operator who knows it was never sent queues it again with the send's "retry"
 *     (admin) or {@code thinkpress newsletter retry SEND};</li>
 * <li>"became published" events not yet handled are marked handled: their pieces are not
 *     announced;</li>
 * <li>the automatic digests compose no period that ended before the restore
 *     ({@code newsletter_state.digests_after}); {@code thinkpress newsletter digest} still composes
 *     one by hand.</li>
 * </ul>
 */
public final class AfterRestore {

  public static final String HELD = "held at restore: it was waiting when the backup was taken, and may have been sent"
      + " since by the installation the backup came from; retry the send to send it";
  static final String DIGESTS_AFTER = "digests_after";

  private AfterRestore() {}

  public static Restore.Step step(Clock clock) {
    requireNonNull(clock, "clock");
    return handle -> {
      long now = clock.millis();
      int held = handle.createUpdate("UPDATE outbox SET status = 'failed', claimed_by = NULL, last_error = :note,"
              + " changed_at = :now WHERE status IN ('queued', 'claimed', 'submitting')")
          .bind("note", HELD).bind("now", now).execute();
      handle.createUpdate("DELETE FROM newsletter_senders").execute();
      int unannounced = PublishedEvents.markAllHandled(handle, now);
      handle.createUpdate("DELETE FROM newsletter_state WHERE name = :name").bind("name", DIGESTS_AFTER).execute();
      handle.createUpdate("INSERT INTO newsletter_state (name, value) VALUES (:name, :now)")
          .bind("name", DIGESTS_AFTER).bind("now", now).execute();
      StringBuilder note = new StringBuilder();
      if (held > 0) {
        int sends = handle.createQuery("SELECT COUNT(DISTINCT send_id) FROM outbox WHERE last_error = :note"
                + " AND changed_at = :now").bind("note", HELD).bind("now", now).mapTo(Integer.class).one();
        note.append(held).append(" message(s) of ").append(sends).append(" send(s) were waiting when the backup was"
            + " taken: they are held, not sent; retry them from /admin/sends (or thinkpress newsletter retry SEND) once"
            + " you know they were never delivered");
      }
      if (unannounced > 0) {
        note.append(note.length() > 0 ? "\n" : "").append(unannounced).append(" piece(s) published just before the"
            + " backup had not been announced yet: they will not be (send one with thinkpress newsletter send alert SLUG)");
      }
      return note.toString();
    };
  }

  /** Since when the automatic digests may compose periods: the time of the last restore, if any. */
  static Optional<Instant> digestsAfter(Handle handle) {
    return handle.createQuery("SELECT value FROM newsletter_state WHERE name = :name").bind("name", DIGESTS_AFTER)
        .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
  }
}
