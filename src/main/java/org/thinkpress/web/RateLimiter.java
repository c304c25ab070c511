package org.thinkpress.web;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A budget of requests per window for each key (a client address, a network), in memory. Each
 * node counts for itself, so a site of several nodes allows the budget times the number of nodes.
 * How the budget comes back is the limiter's {@link Refill}:
 *
 * <ul>
 * <li>{@link #evenly}: a token bucket. A key may spend a window's budget at once and earns it back
 *     evenly over the next window ("120 searches a minute" is one every half second, with bursts).</li>
 * <li>{@link #perWindow}: fixed windows. A key's window starts at its first request and lasts the
 *     window; the whole budget comes back when it ends ("30 sign-ups in ten minutes").</li>
 * </ul>
 *
 * <p>Keys are kept for those seen within the last window, and for at most {@code maxKeys} of them,
 * so that a flood of addresses cannot fill memory (a forgotten key starts afresh, which is what it
 * would have anyway). Time comes from the clock given, for the budgets and for forgetting keys
 * alike, so a test that moves its clock moves both.
 */
public final class RateLimiter {

  /** How a spent budget comes back. */
  enum Refill {
    /** A token bucket: the budget comes back evenly over the window. */
    EVENLY,
    /** Fixed windows from a key's first request: the whole budget comes back when its window ends. */
    AT_WINDOW_END
  }

  static final int MAX_KEYS = 100_000;

  private final int budget;
  private final long windowNanos;
  private final double tokensPerNano;
  private final Refill refill;
  private final Clock clock;
  private final Cache<String, Bucket> buckets;

  RateLimiter(int budget, Duration window, Refill refill, int maxKeys, Clock clock) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget " + budget + " must be positive");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window " + window + " must be positive");
    }
    this.budget = budget;
    this.windowNanos = window.toNanos();
    this.tokensPerNano = budget / (double) windowNanos;
    this.refill = requireNonNull(refill, "refill");
    this.clock = requireNonNull(clock, "clock");
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxKeys)
        .expireAfterAccess(window) // by then a bucket is full again, or its window over: forgetting it changes nothing
        .ticker(this::now)
        .executor(Runnable::run)
        .build();
  }

  /** At most {@code budget} requests a {@code window} for each key, earned back evenly. */
  public static RateLimiter evenly(int budget, Duration window, Clock clock) {
    return new RateLimiter(budget, requireNonNull(window, "window"), Refill.EVENLY, MAX_KEYS, clock);
  }

  /** At most {@code budget} requests in each key's window, which starts at its first request. */
  public static RateLimiter perWindow(int budget, Duration window, Clock clock) {
    return new RateLimiter(budget, requireNonNull(window, "window"), Refill.AT_WINDOW_END, MAX_KEYS, clock);
  }

  /** Takes one request from the key's budget; returns whether there was one left. */
  public boolean tryAcquire(String key) {
    requireNonNull(key, "key");
    return buckets.get(key, k -> new Bucket(budget, now())).take(now());
  }

  /** Whole seconds until the key may make a request again (at least 1). */
  public long secondsUntilNext(String key) {
    Bucket bucket = buckets.getIfPresent(requireNonNull(key, "key"));
    double nanos = bucket == null ? 0 : bucket.nanosUntilOne(now());
    return Math.max(1, (long) Math.ceil(nanos / 1e9));
  }

  /** How many keys are remembered. */
  long keys() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  /** Nanoseconds of the clock's time, to the precision the clock has. */
  private long now() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** One key's budget: what is left, and since when (the last refill, or the start of the window). */
  private final class Bucket {
    private double tokens;
    private long since;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.since = now;
    }

    synchronized boolean take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }

    synchronized double nanosUntilOne(long now) {
      refill(now);
      if (tokens >= 1) {
        return 0;
      }
      if (refill == Refill.EVENLY) {
        return (1 - tokens) / tokensPerNano;
      }
      return windowNanos - Math.max(0, now - since);
    }

    private void refill(long now) {
      long elapsed = Math.max(0, now - since); // a clock set back earns nothing and takes nothing
      if (refill == Refill.EVENLY) {
        tokens = Math.min(budget, tokens + elapsed * tokensPerNano);
        since = now;
      } else if (elapsed >= windowNanos) {
        tokens = budget;
        since = now;
      }
    }
  }
}
