package org.thinkpress.content;

import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * The number that grows with every content write, kept in the database ({@code content_state})
 * and mirrored here. Caches tag what they hold with the version they read it at, and throw it away
 * when the version has moved.
 *
 * <p>Writes on this node advance it at once; {@link #refresh()}, called every few seconds, picks up
 * writes made by other nodes sharing the database.
 */
public final class ContentVersion {

  private final Jdbi jdbi;
  private final AtomicLong version = new AtomicLong();
  private volatile long changedAtMillis;

  public ContentVersion(Jdbi jdbi) {
    this.jdbi = jdbi;
    refresh();
  }

  public long current() {
    return version.get();
  }

  /** When content last changed (UTC epoch milliseconds), for {@code Last-Modified} headers. */
  public long changedAtMillis() {
    return changedAtMillis;
  }

  /** Reads the version from the database; returns whether it moved. */
  public boolean refresh() {
    long[] state = jdbi.withHandle(h -> h.createQuery("SELECT version, changed_at FROM content_state WHERE id = 1")
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .one());
    return advanceTo(state[0], state[1]);
  }

  boolean advanceTo(long newVersion, long changedAt) {
    long previous = version.getAndAccumulate(newVersion, Math::max);
    if (newVersion > previous) {
      changedAtMillis = Math.max(changedAtMillis, changedAt);
      return true;
    }
    return false;
  }
}
