package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.thinkpress.storage.Restore;

/**
 * What a restore does to the newsletter's rows, in the restoring transaction: the backup may be
 * hours old, and the installation it was taken from may have gone on sending after it, so mail
 * that was waiting then (queued, claimed, submitting) is not sent by itself. It is held as
 * {@code failed} with a note saying why, and an operator who knows it was never sent queues it
 * again with the send's "retry" (admin) or {@code thinkpress newsletter retry SEND}.
 */
public final class AfterRestore {

  public static final String HELD = "held at restore: it was waiting when the backup was taken, and may have been sent"
      + " since by the installation the backup came from; retry the send to send it";

  private AfterRestore() {}

  public static Restore.Step step(Clock clock) {
    requireNonNull(clock, "clock");
    return handle -> {
      int held = handle.createUpdate("UPDATE outbox SET status = 'failed', claimed_by = NULL, last_error = :note,"
              + " changed_at = :now WHERE status IN ('queued', 'claimed', 'submitting')")
          .bind("note", HELD).bind("now", clock.millis()).execute();
      handle.createUpdate("DELETE FROM newsletter_senders").execute();
      if (held == 0) {
        return "";
      }
      int sends = handle.createQuery("SELECT COUNT(DISTINCT send_id) FROM outbox WHERE last_error = :note")
          .bind("note", HELD).mapTo(Integer.class).one();
      return held + " message(s) of " + sends + " send(s) were waiting when the backup was taken: they are held, not"
          + " sent; retry them from /admin/sends (or thinkpress newsletter retry SEND) once you know they were never"
          + " delivered";
    };
  }
}
