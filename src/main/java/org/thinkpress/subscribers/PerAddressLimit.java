package org.thinkpress.subscribers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many sign-ups one email address may cause in a window: a rule of sign-up, not a throttle
 * of requests. It is keyed by the address a confirmation would go to, whoever asks (a form, the
 * CLI), and past it a sign-up is answered the same way but sends nothing, so that nobody can fill
 * someone else's mailbox with confirmation requests, and the answer does not tell. (Requests per
 * client network are throttled by the server, before the sign-up route runs.)
 *
 * <p>Counts are kept in memory, per node; how often one address is actually sent a confirmation
 * is also held in the database ({@code SubscriberService.RESEND_AFTER}). A window starts at an
 * address's first sign-up and lasts {@code window} by the given clock, so a test that moves its
 * clock moves the windows.
 */
final class PerAddressLimit {

  private final int limit;
  private final Cache<String, AtomicInteger> windows;

  PerAddressLimit(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000)
        .ticker(() -> {
          Instant now = clock.instant();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        })
        .build();
  }

  /** Counts one sign-up for {@code address}; returns whether it is within the limit. */
  boolean tryAcquire(String address) {
    return windows.get(address, k -> new AtomicInteger()).incrementAndGet() <= limit;
  }
}
