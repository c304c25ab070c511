package org.thinkpress.subscribers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests per key in fixed windows, in memory: at most {@code limit} per window. Each node
 * counts for itself, so the site-wide limit is the node limit times the number of nodes; the
 * per-address limit that matters most (how many confirmation messages an address can be sent) is
 * also enforced in the database.
 *
 * <p>A window starts at a key's first request and lasts {@code window} by the given clock, so a
 * test that moves its clock moves the windows.
 */
final class RateLimiter {

  private final int limit;
  private final Cache<String, AtomicInteger> windows;

  RateLimiter(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000)
        .ticker(() -> {
          Instant now = clock.instant();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        })
        .build();
  }

  /** Counts one request for {@code key}; returns whether it is within the limit. */
  boolean tryAcquire(String key) {
    return windows.get(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
  }

  /**
   * The network a client address belongs to, for per-network limits: the /24 of an IPv4 address,
   * the /56 of an IPv6 one (what one household or small office is usually given).
   */
  static String networkOf(String ip) {
    if (ip == null || !ip.matches("[0-9A-Fa-f:.]{2,45}")) {
      return "unknown"; // a literal address only: never a name to look up
    }
    try {
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      int keep = bytes.length == 4 ? 3 : 7;
      StringBuilder network = new StringBuilder(bytes.length == 4 ? "v4:" : "v6:");
      for (int i = 0; i < keep; i++) {
        network.append(bytes[i] & 0xff).append('.');
      }
      return network.toString();
    } catch (UnknownHostException e) {
      return "unknown:" + ip;
    }
  }
}
