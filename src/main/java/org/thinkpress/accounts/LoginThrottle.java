package org.thinkpress.accounts;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per account and per client address, in the database so that every
 * node counts the same failures. A few failures are free (people mistype); after that each failure
 * doubles the wait before the next attempt is even checked, up to {@link #MAX_DELAY}. Failures are
 * counted for any address typed, whether or not it has an account, so the throttle itself says
 * nothing about which addresses exist. A success clears the account's count, not the address's.
 */
public final class LoginThrottle {

  /** Failures allowed before waits start, per account. */
  static final int FREE_PER_ACCOUNT = 5;
  /** Failures allowed before waits start, per client address (an office may share one). */
  static final int FREE_PER_ADDRESS = 20;
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  /** Failures older than this are forgotten. */
  static final Duration MEMORY = Duration.ofHours(24);

  private final Jdbi jdbi;
  private final Clock clock;

  public LoginThrottle(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  static String accountKey(String email) {
    return "account:" + AccountStore.normalise(email);
  }

  static String addressKey(String address) {
    return "address:" + address;
  }

  /** How long the caller must wait before trying again; zero when it may try now. */
  Duration wait(String email, String address) {
    long now = clock.millis();
    long until = jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(blocked_until), 0) FROM login_throttle"
            + " WHERE throttle_key IN (<keys>)")
        .bindList("keys", List.of(accountKey(email), addressKey(address)))
        .mapTo(Long.class).one());
    return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
  }

  void recordFailure(String email, String address) {
    long now = clock.millis();
    jdbi.useTransaction(handle -> {
      // forgotten failures go, so that made-up addresses cannot fill the table for long
      handle.createUpdate("DELETE FROM login_throttle WHERE last_failure_at < :forgotten AND blocked_until < :now")
          .bind("forgotten", now - MEMORY.toMillis()).bind("now", now).execute();
      for (String key : List.of(accountKey(email), addressKey(address))) {
        handle.createUpdate("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until)"
                + " VALUES (:key, 1, :now, 0) ON CONFLICT (throttle_key) DO UPDATE SET"
                + " failures = CASE WHEN login_throttle.last_failure_at < :forgotten THEN 1"
                + " ELSE login_throttle.failures + 1 END, last_failure_at = :now")
            .bind("key", key).bind("now", now).bind("forgotten", now - MEMORY.toMillis()).execute();
        int failures = handle.createQuery("SELECT failures FROM login_throttle WHERE throttle_key = :key")
            .bind("key", key).mapTo(Integer.class).one();
        int free = key.startsWith("account:") ? FREE_PER_ACCOUNT : FREE_PER_ADDRESS;
        handle.createUpdate("UPDATE login_throttle SET blocked_until = :until WHERE throttle_key = :key")
            .bind("until", now + delay(failures, free).toMillis()).bind("key", key).execute();
      }
    });
  }

  void recordSuccess(String email) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :key")
        .bind("key", accountKey(email)).execute());
  }

  /** No wait for the first {@code free} failures, then 1 s, 2 s, 4 s... up to {@link #MAX_DELAY}. */
  static Duration delay(int failures, int free) {
    if (failures <= free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free - 1, 20);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
