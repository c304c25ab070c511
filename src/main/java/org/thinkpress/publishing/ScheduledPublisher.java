package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.content.ContentStore;
import org.thinkpress.storage.Dialect;

/**
 * Puts scheduled pieces on the site when their time comes: at start (so a piece whose time passed
 * while the server was down appears at once) and then every few seconds. The schedule lives in the
 * database, so nothing is lost across restarts.
 *
 * <p>On PostgreSQL, where several nodes may share the database, each round first takes a
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}); a node that does not get it
 * skips the round, so one node at a time does the work. {@link ContentStore#publishDue} stays
 * idempotent per piece in any case: the lock saves duplicated work, it is not what makes it correct.
 * Each piece it puts live gets its {@linkplain PublishedEvents "became published" event} in the
 * same transaction, once.
 * SQLite has one writer by nature and needs no lock.
 */
public final class ScheduledPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

  private final ContentStore store;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final Jdbi lockDatabase;

  /** The advisory lock's key: "TPSCHEDL" in ASCII, unlikely to clash with anyone else's. */
  static final long LOCK_KEY = 0x545053434845444CL;

  /** A publisher without a cross-node lock: SQLite, or a single node. */
  public ScheduledPublisher(ContentStore store, Clock clock) {
    this(store, clock, null, Dialect.SQLITE);
  }

  /** A publisher that takes the advisory lock on PostgreSQL ({@code jdbi} may be null for SQLite). */
  public ScheduledPublisher(ContentStore store, Clock clock, Jdbi jdbi, Dialect dialect) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.lockDatabase = dialect == Dialect.POSTGRESQL ? requireNonNull(jdbi, "jdbi") : null;
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "scheduled-publisher");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Publishes what is due now, then again every {@code periodSeconds}. */
  public void start(int periodSeconds) {
    executor.scheduleWithFixedDelay(this::publishDue, 0, periodSeconds, TimeUnit.SECONDS);
  }

  /** Publishes what is due now; returns how many pieces went live. */
  public int publishDue() {
    try {
      if (lockDatabase != null) {
        return lockDatabase.inTransaction(handle -> {
          boolean locked = handle.createQuery("SELECT pg_try_advisory_xact_lock(:key)").bind("key", LOCK_KEY)
              .mapTo(Boolean.class).one();
          return locked ? publishNow() : 0; // another node is publishing this round
        });
      }
      return publishNow();
    } catch (RuntimeException e) {
      log.error("Publishing scheduled pieces failed; will retry", e);
      return 0;
    }
  }

  private int publishNow() {
    List<Long> published = store.publishDue(clock.instant(),
        (handle, id) -> PublishedEvents.record(handle, id, PublishedEvents.Cause.SCHEDULE, clock.millis()));
    if (!published.isEmpty()) {
      log.info("Published {} scheduled piece(s): ids {}", published.size(), published);
    }
    return published.size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
