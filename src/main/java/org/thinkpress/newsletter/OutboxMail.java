package org.thinkpress.newsletter;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.subscribers.SubscriberMail;

/**
 * Sign-up's way into the outbox: confirmation messages are rows of one long-lived send
 * ({@code confirmations}); a second request queues the row again as a new generation, so it gets
 * a new Message-ID and is not taken for a duplicate.
 *
 * <p>Everything here runs inside the caller's transaction, which may still roll back (a full disk,
 * a broken rule further on). So what this class keeps in memory, the confirmations send's id, is
 * remembered only once that transaction has committed, and the sender is woken only then: a
 * rolled-back transaction leaves nothing behind, here or in the database.
 */
final class OutboxMail implements SubscriberMail {

  private static final Logger log = LoggerFactory.getLogger(OutboxMail.class);

  static final String CONFIRMATIONS = "confirmations";

  private final OutboxStore outbox;
  private final Clock clock;
  private final AtomicLong confirmationsSend = new AtomicLong();
  private final MailTransport transport;
  private volatile Runnable wake = () -> {};

  OutboxMail(OutboxStore outbox, Clock clock, MailTransport transport) {
    this.outbox = outbox;
    this.clock = clock;
    this.transport = transport;
  }

  @Override
  public void erased(long subscriberId) {
    try {
      int deleted = transport.forget(subscriberId);
      if (deleted > 0) {
        log.info("Deleted {} message file(s) of erased subscriber #{}", deleted, subscriberId);
      }
    } catch (RuntimeException e) {
      log.error("Subscriber #{} is erased, but copies of their messages could not be deleted; delete"
          + " send-*-subscriber-{}-*.eml by hand", subscriberId, subscriberId, e);
    }
  }

  void onQueued(Runnable wakeSender) {
    this.wake = wakeSender;
  }

  @Override
  public void queueConfirmation(Handle handle, long subscriberId) {
    long now = clock.millis();
    outbox.queueConfirmation(handle, confirmationsSend(handle, now), subscriberId, now);
    afterCommit(handle, wake);
  }

  @Override
  public int cancelQueued(Handle handle, long subscriberId) {
    return outbox.cancelQueued(handle, subscriberId, clock.millis());
  }

  private long confirmationsSend(Handle handle, long now) {
    long known = confirmationsSend.get();
    if (known > 0) {
      return known;
    }
    outbox.createSend(handle, CONFIRMATIONS, Send.Kind.CONFIRMATION, null, "confirmation", null, null, null, null, now);
    long id = handle.createQuery("SELECT id FROM sends WHERE send_key = :key").bind("key", CONFIRMATIONS)
        .mapTo(Long.class).one();
    // the row may have been created by this very transaction: known for good only once it commits
    afterCommit(handle, () -> confirmationsSend.set(id));
    return id;
  }

  /** Runs {@code action} once the handle's transaction commits (at once when there is none); never after a rollback. */
  static void afterCommit(Handle handle, Runnable action) {
    if (handle.isInTransaction()) {
      handle.afterCommit(action);
    } else {
      action.run();
    }
  }
}
