package org.thinkpress.web;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.POST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thinkpress.testing.TestClock;

/**
 * The rate-limit filter on a real server, over a clock the test moves; the server trusts
 * 127.0.0.1 as a proxy, so each request says which client it comes from. Each test has a server
 * of its own, so no test spends another's budget.
 */
class RateLimitFilterTest {

  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  final AtomicInteger ran = new AtomicInteger();
  HttpServer server;
  RawHttp http;

  @BeforeEach
  void start() {
    ErrorPages pages = (status, detail) -> ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8);
    RateLimitFilter reads = new RateLimitFilter(RouteGroup.of(Set.of(GET, HEAD), "/limited", "/limited/"),
        RateLimitFilter.Key.ADDRESS, RateLimiter.evenly(3, Duration.ofMinutes(1), clock), RateLimitFilter.ERROR_PAGE);
    RateLimitFilter forms = new RateLimitFilter(RouteGroup.of(Set.of(POST), "/form"), RateLimitFilter.Key.NETWORK,
        RateLimiter.perWindow(2, Duration.ofMinutes(10), clock), ctx -> ctx.status(429).result("slow down, neighbours"));
    server = HttpServer.start(new ServerSettings("127.0.0.1", 0, false, 1 << 20,
            ClientAddress.trusting(List.of("127.0.0.1"))), pages,
        List.of(reads::register, forms::register, routes -> {
          routes.get("/limited", ctx -> ctx.result("ran " + ran.incrementAndGet()));
          routes.head("/limited", ctx -> ran.incrementAndGet());
          routes.get("/limited/feed", ctx -> ctx.result("ran " + ran.incrementAndGet()));
          routes.post("/limited", ctx -> ctx.result("posted"));
          routes.get("/free", ctx -> ctx.result("free"));
          routes.post("/form", ctx -> ctx.result("ran " + ran.incrementAndGet()));
          routes.get("/form", ctx -> ctx.result("the form"));
        }));
    http = new RawHttp(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  RawHttp.Answer from(String client, String method, String path) {
    return http.send(method, path, List.of("X-Forwarded-For: " + client), method.equals("POST") ? new byte[0] : null);
  }

  @Test
  void pastTheBudgetA429WithRetryAfterAndTheRouteDoesNotRun() {
    assertThat(from("198.51.100.1", "GET", "/limited").status()).isEqualTo(200);
    assertThat(from("198.51.100.1", "HEAD", "/limited").status()).isEqualTo(200);
    assertThat(from("198.51.100.1", "GET", "/limited/feed").status()).as("under the group's path").isEqualTo(200);

    RawHttp.Answer refused = from("198.51.100.1", "GET", "/limited");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("20"); // three a minute: one back every 20 seconds
    assertThat(refused.body()).isEqualTo("<h1>429</h1>");
    assertThat(refused.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(ran).hasValue(3);

    clock.advance(Duration.ofSeconds(19));
    assertThat(from("198.51.100.1", "GET", "/limited").header("Retry-After")).isEqualTo("1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(from("198.51.100.1", "GET", "/limited").status()).isEqualTo(200);
    assertThat(from("198.51.100.1", "GET", "/limited").status()).isEqualTo(429);
  }

  @Test
  void onlyTheGroupsMethodsAndPathsAreCountedAndEachClientHasItsOwnBudget() {
    for (int i = 0; i < 3; i++) {
      from("198.51.100.1", "GET", "/limited");
    }
    assertThat(from("198.51.100.1", "GET", "/limited").status()).isEqualTo(429);
    assertThat(from("198.51.100.1", "POST", "/limited").status()).as("another method").isEqualTo(200);
    assertThat(from("198.51.100.1", "GET", "/free").status()).as("another path").isEqualTo(200);
    assertThat(from("198.51.100.2", "GET", "/limited").status()).as("another address").isEqualTo(200);
  }

  @Test
  void aRequestNoRouteAnswersSpendsNothing() {
    for (int i = 0; i < 5; i++) {
      assertThat(from("198.51.100.1", "GET", "/limited/nothing-here").status()).isEqualTo(404);
    }
    assertThat(from("198.51.100.1", "GET", "/limited").status()).isEqualTo(200);
  }

  @Test
  void aNetworkSharesOneBudgetAndAFeatureMayAnswerTheRefusalItself() {
    assertThat(from("203.0.113.1", "POST", "/form").status()).isEqualTo(200);
    assertThat(from("203.0.113.2", "POST", "/form").status()).as("the same /24").isEqualTo(200);

    RawHttp.Answer refused = from("203.0.113.3", "POST", "/form");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).isEqualTo("slow down, neighbours");
    assertThat(refused.header("Retry-After")).isEqualTo("600");
    assertThat(ran).hasValue(2);
    assertThat(from("203.0.113.3", "GET", "/form").status()).as("the form itself is not limited").isEqualTo(200);
    assertThat(from("192.0.2.9", "POST", "/form").status()).as("another network").isEqualTo(200);

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(from("203.0.113.3", "POST", "/form").header("Retry-After")).isEqualTo("1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(from("203.0.113.3", "POST", "/form").status()).isEqualTo(200);
  }

  @Test
  void anAddressIsItsOwnKeyAndANetworkIsItsSlash24OrSlash56() {
    assertThat(RateLimitFilter.Key.ADDRESS.of("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(RateLimitFilter.Key.NETWORK.of("203.0.113.7")).isEqualTo(RateLimitFilter.Key.NETWORK.of("203.0.113.99"));
  }
}
