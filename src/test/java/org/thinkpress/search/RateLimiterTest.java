package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final RateLimiter limiter = new RateLimiter(6, 1_000, now::get);

  void advanceSeconds(double seconds) {
    now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
  }

  @Test
  void aClientMaySpendAMinutesAllowanceAtOnceAndNoMore() {
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.tryAcquire("10.0.0.1")).as("request " + (i + 1)).isTrue();
    }
    assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    assertThat(limiter.secondsUntilNext("10.0.0.1")).isEqualTo(10);
  }

  @Test
  void theAllowanceComesBackEvenlyOverTheMinute() {
    for (int i = 0; i < 6; i++) {
      limiter.tryAcquire("10.0.0.1");
    }
    advanceSeconds(9.9);
    assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    assertThat(limiter.secondsUntilNext("10.0.0.1")).isEqualTo(1);
    advanceSeconds(0.1);
    assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();

    advanceSeconds(600);
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.tryAcquire("10.0.0.1")).isTrue(); // never more than a minute's worth saved up
    }
    assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
  }

  @Test
  void clientsHaveAllowancesOfTheirOwn() {
    for (int i = 0; i < 6; i++) {
      limiter.tryAcquire("10.0.0.1");
    }
    assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    assertThat(limiter.tryAcquire("::1")).isTrue();
  }

  @Test
  void aFloodOfAddressesCannotFillMemory() {
    for (int i = 0; i < 5_000; i++) {
      limiter.tryAcquire("10.1." + (i / 256) + "." + (i % 256));
    }
    assertThat(limiter.clients()).isLessThanOrEqualTo(1_000);
  }
}
