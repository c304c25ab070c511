package org.thinkpress.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} requests a minute for each client, as a token bucket: a client may
 * spend a full minute's allowance at once, and earns it back evenly over the next minute. Buckets
 * are kept for clients seen in the last ten minutes, and for at most {@code maxClients} of them,
 * so that a flood of addresses cannot fill memory (a forgotten client simply starts afresh).
 *
 * <p>Time comes from the {@code nanoTime} it is given, for the buckets and for forgetting clients
 * alike, so a test can drive both; the server's comes from the application's clock
 * ({@link #ticker(Clock)}).
 */
final class RateLimiter {

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoTime;
  private final Cache<String, Bucket> buckets;

  RateLimiter(int perMinute, int maxClients, LongSupplier nanoTime) {
    this.capacity = perMinute;
    this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
    this.nanoTime = nanoTime;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxClients)
        .expireAfterAccess(Duration.ofMinutes(10))
        .ticker(nanoTime::getAsLong)
        .executor(Runnable::run)
        .build();
  }

  /** Nanoseconds from a clock: the wall clock's time, to the precision the clock has. */
  static LongSupplier ticker(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }

  /** Takes one request from the client's allowance; returns whether there was one left. */
  boolean tryAcquire(String client) {
    return buckets.get(client, c -> new Bucket(capacity, nanoTime.getAsLong())).take(this);
  }

  /** Whole seconds until the client may make a request again (at least 1). */
  long secondsUntilNext(String client) {
    Bucket bucket = buckets.getIfPresent(client);
    return bucket == null ? 1 : bucket.secondsUntilOne(this);
  }

  long clients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized boolean take(RateLimiter limiter) {
      refill(limiter);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }

    synchronized long secondsUntilOne(RateLimiter limiter) {
      refill(limiter);
      double missing = Math.max(0, 1 - tokens);
      return Math.max(1, (long) Math.ceil(missing / limiter.tokensPerNano / 1e9));
    }

    private void refill(RateLimiter limiter) {
      long now = limiter.nanoTime.getAsLong();
      // a wall clock set back earns nothing and takes nothing
      tokens = Math.min(limiter.capacity, tokens + Math.max(0, now - updated) * limiter.tokensPerNano);
      updated = now;
    }
  }
}
