package org.thinkpress.subscribers;

import org.jdbi.v3.core.Handle;

/**
 * What sign-up needs from the outbox, implemented by the newsletter. Both calls run inside the
 * caller's transaction, so a subscription and its confirmation message are stored together or
 * not at all. That transaction may still roll back after the call returns: an implementation
 * keeps nothing in memory and wakes nothing until it has committed ({@code Handle#afterCommit}).
 */
public interface SubscriberMail {

  /**
   * Queues the confirmation message for a pending subscriber (for a confirmed one, a note with
   * their preferences link), replacing one still queued.
   */
  void queueConfirmation(Handle handle, long subscriberId);

  /** Cancels every message still queued for the subscriber; returns how many. */
  int cancelQueued(Handle handle, long subscriberId);

  /**
   * Called once a subscriber's erasure is committed, outside any transaction: deletes what the
   * mail side keeps about them outside the database (the pickup folder's copies of their
   * messages). Failing here must not undo the erasure; implementations log and go on.
   */
  default void erased(long subscriberId) {}
}
