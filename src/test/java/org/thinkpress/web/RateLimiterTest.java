package org.thinkpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.thinkpress.testing.TestClock;

/**
 * The limiter on a clock the test moves: no sleeps, and nothing depends on how fast the machine
 * is. Six a minute earned back evenly is search's kind of limit; two in windows of ten minutes is
 * sign-up's.
 */
class RateLimiterTest {

  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  final RateLimiter evenly = new RateLimiter(6, Duration.ofMinutes(1), RateLimiter.Refill.EVENLY, 1_000, clock);
  final RateLimiter windows = RateLimiter.perWindow(2, Duration.ofMinutes(10), clock);

  void advanceMillis(long millis) {
    clock.advance(Duration.ofMillis(millis));
  }

  void spend(RateLimiter limiter, String key, int requests) {
    for (int i = 0; i < requests; i++) {
      limiter.tryAcquire(key);
    }
  }

  @Test
  void aClientMaySpendAMinutesAllowanceAtOnceAndNoMore() {
    for (int i = 0; i < 6; i++) {
      assertThat(evenly.tryAcquire("10.0.0.1")).as("request " + (i + 1)).isTrue();
    }
    assertThat(evenly.tryAcquire("10.0.0.1")).isFalse();
    assertThat(evenly.secondsUntilNext("10.0.0.1")).isEqualTo(10);
  }

  @Test
  void theAllowanceComesBackEvenlyOverTheMinute() {
    spend(evenly, "10.0.0.1", 6);
    advanceMillis(9_900);
    assertThat(evenly.tryAcquire("10.0.0.1")).isFalse();
    assertThat(evenly.secondsUntilNext("10.0.0.1")).isEqualTo(1);
    advanceMillis(100);
    assertThat(evenly.tryAcquire("10.0.0.1")).isTrue();
    assertThat(evenly.tryAcquire("10.0.0.1")).isFalse();

    advanceMillis(600_000);
    for (int i = 0; i < 6; i++) {
      assertThat(evenly.tryAcquire("10.0.0.1")).isTrue(); // never more than a minute's worth saved up
    }
    assertThat(evenly.tryAcquire("10.0.0.1")).isFalse();
  }

  @Test
  void clientsHaveAllowancesOfTheirOwn() {
    spend(evenly, "10.0.0.1", 6);
    assertThat(evenly.tryAcquire("10.0.0.1")).isFalse();
    assertThat(evenly.tryAcquire("10.0.0.2")).isTrue();
    assertThat(evenly.tryAcquire("::1")).isTrue();
  }

  @Test
  void aFloodOfAddressesCannotFillMemory() {
    for (int i = 0; i < 5_000; i++) {
      evenly.tryAcquire("10.1." + (i / 256) + "." + (i % 256));
    }
    assertThat(evenly.keys()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void aClockSetBackEarnsNothing() {
    spend(evenly, "10.0.0.1", 6);
    advanceMillis(-3_600_000);
    assertThat(evenly.tryAcquire("10.0.0.1")).isFalse();
    assertThat(evenly.secondsUntilNext("10.0.0.1")).isEqualTo(10);
  }

  @Test
  void aKeyGetsItsRequestsInAWindowAndAFreshWindowWhenItEnds() {
    assertThat(windows.tryAcquire("n")).isTrue();
    assertThat(windows.tryAcquire("n")).isTrue();
    assertThat(windows.tryAcquire("n")).isFalse();
    assertThat(windows.tryAcquire("m")).isTrue();

    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(windows.tryAcquire("n")).isFalse();
    clock.advance(Duration.ofNanos(1));
    assertThat(windows.tryAcquire("n")).isTrue();
  }

  @Test
  void nothingComesBackBeforeTheWindowEnds() {
    spend(windows, "n", 2);
    clock.advance(Duration.ofMinutes(9));
    assertThat(windows.tryAcquire("n")).as("a token bucket would have given one back by now").isFalse();
  }

  @Test
  void theWaitIsWhatIsLeftOfTheWindow() {
    spend(windows, "n", 2);
    assertThat(windows.secondsUntilNext("n")).isEqualTo(600);
    clock.advance(Duration.ofMinutes(9).plusMillis(59_001));
    assertThat(windows.secondsUntilNext("n")).isEqualTo(1);
    assertThat(windows.secondsUntilNext("never-seen")).isEqualTo(1);
  }
}
