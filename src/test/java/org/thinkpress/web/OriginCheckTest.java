package org.thinkpress.web;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The origin check, on its own and as a filter of a real server applied to one group of routes. */
class OriginCheckTest {

  static HttpServer server;
  static RawHttp http;

  @BeforeAll
  static void start() {
    ErrorPages pages = (status, detail) -> ("<h1>" + status + "</h1><p>" + detail + "</p>").getBytes(StandardCharsets.UTF_8);
    OriginCheck check = new OriginCheck(URI.create("https://think.example"),
        List.of(RouteGroup.of(Set.of(POST), "/form", "/forms/")));
    server = HttpServer.start(new ServerSettings("127.0.0.1", 0, false, 1 << 20, ClientAddress.direct()), pages,
        List.of(check::register, routes -> {
          routes.post("/form", ctx -> ctx.result("posted"));
          routes.post("/forms/{name}", ctx -> ctx.result("posted " + ctx.pathParam("name")));
          routes.get("/forms/{name}", ctx -> ctx.result("shown"));
          routes.post("/one-click", ctx -> ctx.result("posted"));
        }));
    http = new RawHttp(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theCrossOriginCheckAcceptsTheSiteAndRefusesOthers() {
    OriginCheck check = new OriginCheck(URI.create("https://think.example"), List.of());
    assertThat(check.allows("same-origin", "https://evil.example", null)).isTrue();
    assertThat(check.allows("none", null, null)).isTrue();
    assertThat(check.allows("cross-site", "https://think.example", null)).isFalse();
    assertThat(check.allows("same-site", null, null)).isFalse();
    assertThat(check.allows(null, "https://think.example", null)).isTrue();
    assertThat(check.allows(null, "https://think.example:8443", null)).isFalse();
    assertThat(check.allows(null, "http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
    assertThat(check.allows(null, "https://evil.example", "think.example")).isFalse();
    assertThat(check.allows(null, "null", "think.example")).isFalse();
    assertThat(check.allows(null, null, "think.example")).isTrue();
  }

  @Test
  void aCrossSitePostToTheGroupGetsA403PageAndTheRouteDoesNotRun() {
    RawHttp.Answer answer = http.send("POST", "/forms/a", List.of("Sec-Fetch-Site: cross-site"), new byte[0]);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo("<h1>403</h1><p>the form was sent from another site</p>");
    assertThat(http.send("POST", "/form", List.of("Origin: https://evil.example"), new byte[0]).status()).isEqualTo(403);
  }

  @Test
  void theSitesOwnPostsPass() {
    assertThat(http.send("POST", "/forms/a", List.of("Sec-Fetch-Site: same-origin"), new byte[0]).body())
        .isEqualTo("posted a");
    assertThat(http.send("POST", "/form", List.of("Origin: https://think.example"), new byte[0]).body()).isEqualTo("posted");
    assertThat(http.send("POST", "/form", List.of(), new byte[0]).body()).as("no browser").isEqualTo("posted");
  }

  @Test
  void routesOutsideTheGroupAreNotChecked() {
    assertThat(http.send("POST", "/one-click", List.of("Sec-Fetch-Site: cross-site"), new byte[0]).body())
        .isEqualTo("posted");
    assertThat(http.send("GET", "/forms/a", List.of("Sec-Fetch-Site: cross-site"), null).body()).isEqualTo("shown");
  }

  @Test
  void aGroupCoversItsMethodsOnItsPathsAndUnderThoseEndingInASlash() {
    RouteGroup group = RouteGroup.of(Set.of(POST), "/subscribe", "/subscribe/confirm/");
    assertThat(group.covers(POST, "/subscribe")).isTrue();
    assertThat(group.covers(POST, "/subscribe/confirm/abc")).isTrue();
    assertThat(group.covers(POST, "/subscribe/sent")).isFalse();
    assertThat(group.covers(POST, "/subscribers")).isFalse();
    assertThat(group.covers(GET, "/subscribe")).isFalse();
  }
}
