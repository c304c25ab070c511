package org.thinkpress.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, in UTC: scheduled publishing, throttling delays, token and session
 * expiry, digests, without sleeping. Safe to move from a test while server threads read it.
 */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;

  /** A clock standing still at {@code start} until moved. */
  public TestClock(Instant start) {
    this.now = new AtomicReference<>(requireNonNull(start, "start"));
  }

  public void advance(Duration duration) {
    requireNonNull(duration, "duration");
    now.updateAndGet(instant -> instant.plus(duration));
  }

  public void set(Instant instant) {
    now.set(requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same clock: its zone is always UTC, and moving one moves every view of it. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
