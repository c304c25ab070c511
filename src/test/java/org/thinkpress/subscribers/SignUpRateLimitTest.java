package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;
import org.thinkpress.testing.TestClock;

/**
 * The per-network limit on sign-ups, over HTTP, on a clock the test moves. The site trusts
 * 127.0.0.1 as a proxy, so each request can say which client it comes from.
 */
class SignUpRateLimitTest {

  static final TestClock clock = new TestClock(Instant.now());
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of("server.trusted-proxies", "127.0.0.1", "subscribers.per-network-per-10-minutes", "2"),
        false, clock);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static HttpResponse<String> signUpFrom(String client, String email) {
    return site.post("/subscribe", "application/x-www-form-urlencoded",
        ("email=" + email.replace("@", "%40")).getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", client);
  }

  @Test
  void aNetworkGetsItsSignUpsInTenMinutesThenA429UntilTheWindowEnds() {
    assertThat(signUpFrom("198.51.100.1", "one@example.org").statusCode()).isEqualTo(303);
    assertThat(signUpFrom("198.51.100.2", "two@example.org").statusCode()).isEqualTo(303); // the same /24

    HttpResponse<String> refused = signUpFrom("198.51.100.3", "three@example.org");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("600"); // the window's whole ten minutes
    assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Too many requests");
    assertThat(site.app().subscribers().find("three@example.org")).isEmpty();
    assertThat(signUpFrom("203.0.113.7", "four@example.org").statusCode()).as("another network").isEqualTo(303);

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(signUpFrom("198.51.100.3", "three@example.org").statusCode()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    assertThat(signUpFrom("198.51.100.3", "three@example.org").statusCode()).isEqualTo(303);
    assertThat(site.app().subscribers().find("three@example.org")).isPresent();
  }
}
