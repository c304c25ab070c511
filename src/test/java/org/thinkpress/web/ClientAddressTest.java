package org.thinkpress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;
import org.thinkpress.testing.TestClock;

class ClientAddressTest {

  private final ClientAddress behindProxies = ClientAddress.trusting(List.of("10.0.0.0/8", "192.168.1.7", "::1"));

  @Test
  void withoutTrustedProxiesTheConnectionIsTheClient() {
    assertThat(ClientAddress.direct().resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void aTrustedProxysHeaderNamesTheClient() {
    assertThat(behindProxies.resolve("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(behindProxies.resolve("192.168.1.7", "198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
    assertThat(behindProxies.resolve("::1", "2001:db8::5")).isEqualTo("2001:db8::5");
  }

  @Test
  void theRightMostUntrustedHopWinsSoAClientCannotPretend() {
    // the client sent "X-Forwarded-For: 1.2.3.4" itself; the proxy appended the real address
    assertThat(behindProxies.resolve("10.1.2.3", "1.2.3.4, 198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void anUntrustedConnectionsHeaderIsIgnored() {
    assertThat(behindProxies.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(behindProxies.resolve("192.168.1.8", "198.51.100.1")).isEqualTo("192.168.1.8");
  }

  @Test
  void aMalformedOrMissingHeaderLeavesTheConnection() {
    assertThat(behindProxies.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    assertThat(behindProxies.resolve("10.1.2.3", "evil.example, 198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(behindProxies.resolve("10.1.2.3", "198.51.100.1, evil.example")).isEqualTo("10.1.2.3");
    assertThat(behindProxies.resolve("10.1.2.3", "10.4.4.4")).isEqualTo("10.1.2.3");
  }

  @Test
  void proxiesAreAddressesOrRangesNeverNames() {
    for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "")) {
      assertThatThrownBy(() -> ClientAddress.trusting(List.of(bad)))
          .hasMessage("server.trusted-proxies: '" + bad + "' is not an IP address or a CIDR range such as 10.0.0.0/8 or ::1");
    }
  }

  @Test
  void networksAreSlash24AndSlash56() {
    assertThat(ClientAddress.networkOf("203.0.113.7")).isEqualTo(ClientAddress.networkOf("203.0.113.200"));
    assertThat(ClientAddress.networkOf("203.0.113.7")).isNotEqualTo(ClientAddress.networkOf("203.0.114.7"));
    assertThat(ClientAddress.networkOf("2001:db8:1:2a::1")).isEqualTo(ClientAddress.networkOf("2001:db8:1:2b::9"));
    assertThat(ClientAddress.networkOf("evil.example")).isEqualTo("unknown");
  }

  @Test
  void rateLimitsSeeTheClientsBehindATrustedProxy() {
    try (TestSite site = TestSite.start(Map.of("server.trusted-proxies", "127.0.0.1", "search.requests-per-minute", "2"),
        false, stoppedClock())) {
      assertThat(searchFrom(site, "198.51.100.1")).isEqualTo(200);
      assertThat(searchFrom(site, "198.51.100.1")).isEqualTo(200);
      assertThat(searchFrom(site, "198.51.100.1")).isEqualTo(429);
      assertThat(searchFrom(site, "198.51.100.2")).isEqualTo(200);
    }
  }

  @Test
  void withoutTrustedProxiesTheHeaderCannotDodgeALimit() {
    try (TestSite site = TestSite.start(Map.of("search.requests-per-minute", "2"), false, stoppedClock())) {
      assertThat(searchFrom(site, "198.51.100.1")).isEqualTo(200);
      assertThat(searchFrom(site, "198.51.100.2")).isEqualTo(200);
      assertThat(searchFrom(site, "198.51.100.3")).isEqualTo(429);
    }
  }

  /** A clock that does not move: no allowance comes back during the test, however slow the machine. */
  private static TestClock stoppedClock() {
    return new TestClock(Instant.now());
  }

  private static int searchFrom(TestSite site, String client) {
    HttpResponse<String> response = site.get("/search?q=energy", "X-Forwarded-For", client);
    return response.statusCode();
  }
}
