package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentStore;

/**
 * Puts scheduled pieces on the site when their time comes: at start (so a piece whose time passed
 * while the server was down appears at once) and then every few seconds. The schedule lives in the
 * database, so nothing is lost across restarts.
 */
public final class ScheduledPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

  private final ContentStore store;
  private final Clock clock;
  private final ScheduledExecutorService executor;

  public ScheduledPublisher(ContentStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
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
      List<Long> published = store.publishDue(clock.instant());
      if (!published.isEmpty()) {
        log.info("Published {} scheduled piece(s): ids {}", published.size(), published);
      }
      return published.size();
    } catch (RuntimeException e) {
      log.error("Publishing scheduled pieces failed; will retry", e);
      return 0;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
