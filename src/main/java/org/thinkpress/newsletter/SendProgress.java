package org.thinkpress.newsletter;

/**
 * How far a send has got, counted from its outbox rows (see the package documentation for the
 * statuses). {@code queued} includes claimed rows: both are waiting for their turn.
 *
 * @param retrying queued rows that failed temporarily at least once
 * @param uncertain rows that were found submitting after a sender stopped, at any time
 */
public record SendProgress(Send send, long total, long queued, long retrying, long submitting, long submitted,
                           long failed, long suppressed, long cancelled, long uncertain) {

  /** Whether nothing is left to do: every row is submitted, failed, suppressed or cancelled. */
  public boolean finished() {
    return queued == 0 && submitting == 0;
  }

  /** Rows that reached an end state. */
  public long done() {
    return submitted + failed + suppressed + cancelled;
  }
}
