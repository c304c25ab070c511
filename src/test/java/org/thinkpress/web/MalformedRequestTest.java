package org.thinkpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that cannot be read as they say they are written, sent without signing in or with a
 * session: each gets a 4xx with the site's error page, and the log at most one line.
 */
class MalformedRequestTest {

  static HostileSite hostile;

  @BeforeAll
  static void start() {
    hostile = new HostileSite();
  }

  @AfterAll
  static void stop() {
    hostile.close();
  }

  /**
   * The routes that take a POST: whether it needs the admin's session to get that far, and whether
   * it reads a form (the confirmation and unsubscribe links act on their token alone).
   */
  record FormRoute(String path, boolean session, boolean readsForm) {}

  static List<FormRoute> formRoutes() {
    return List.of(new FormRoute("/subscribe", false, true), new FormRoute("/admin/login", false, true),
        new FormRoute("/subscribe/confirm/" + hostile.confirmToken, false, false),
        new FormRoute("/subscription/" + hostile.preferencesToken, false, true),
        new FormRoute("/subscription/" + hostile.preferencesToken + "/unsubscribe", false, false),
        new FormRoute("/unsubscribe/" + hostile.preferencesToken, false, false),
        new FormRoute("/admin/settings", true, true), new FormRoute("/admin/account/password", true, true));
  }

  /** A character set the server cannot decode is refused before any route; a broken form, by the route that reads it. */
  static Stream<Arguments> unreadableForms() {
    List<Arguments> cases = new ArrayList<>();
    for (FormRoute route : formRoutes()) {
      cases.add(Arguments.of(route.path(), route.session(), "application/x-www-form-urlencoded; charset=utf-7",
          "email=a%40b.org", "the request's character set 'utf-7' is not one this site reads; send UTF-8"));
      cases.add(Arguments.of(route.path(), route.session(), "application/x-www-form-urlencoded; charset=no-such-set",
          "email=x", "the request's character set 'no-such-set' is not one this site reads; send UTF-8"));
      cases.add(Arguments.of(route.path(), route.session(), "application/x-www-form-urlencoded; charset=\"", "email=x",
          "the request's character set '\"' is not one this site reads; send UTF-8"));
      if (route.readsForm()) {
        cases.add(Arguments.of(route.path(), route.session(), "multipart/form-data", "email=x",
            "the request's body could not be read as its Content-Type says"));
        cases.add(Arguments.of(route.path(), route.session(), "multipart/form-data; boundary=cut",
            "--cut\r\nContent-Disposition: form", "the request's body could not be read as its Content-Type says"));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{2} to {0}")
  @MethodSource("unreadableForms")
  void aFormInACharacterSetOrShapeTheServerCannotReadIsA400(String path, boolean session, String contentType, String body,
                                                           String message) {
    hostile.logged();
    List<String> headers = new ArrayList<>(session ? hostile.session() : List.of());
    headers.add("Content-Type: " + contentType);
    RawHttp.Answer answer = hostile.raw.send("POST", path, headers, body.getBytes(StandardCharsets.ISO_8859_1));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    HostileSite.thenIsTheSitesErrorPage(path, answer);
    assertThat(Jsoup.parse(answer.body()).select(".standfirst").text())
        .isEqualTo("The address asks for something we cannot give: " + message);
    thenTheLogHasAtMostOneLine(path);
  }

  @Test
  void anAnonymousAdminAddressTooLongToComeBackToAfterSigningInIsA414() {
    hostile.logged();
    RawHttp.Answer answer = hostile.raw.send("GET", "/admin?q=" + "a".repeat(20_000), List.of(), null);

    assertThat(answer.status()).isEqualTo(414);
    HostileSite.thenIsTheSitesErrorPage("/admin?q=…", answer);
    assertThat(Jsoup.parse(answer.body()).select("main h1").text()).isEqualTo("Address too long");
    thenTheLogHasAtMostOneLine("/admin?q=…");

    RawHttp.Answer shorter = hostile.raw.send("GET", "/admin?q=" + "a".repeat(1_000), List.of(), null);
    assertThat(shorter.status()).isEqualTo(303);
    assertThat(shorter.header("Location")).isEqualTo("/admin/login?next=%2Fadmin%3Fq%3D" + "a".repeat(1_000));
  }

  @Test
  void aLoginFormWhoseNextAddressIsTooLongSignsInToTheAdminHome() {
    RawHttp.Answer form = hostile.raw.send("GET", "/admin/login?next=%2Fadmin%3Fq%3D" + "a".repeat(20_000), List.of(), null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(Jsoup.parse(form.body()).select("input[name=next]").attr("value")).isEqualTo("/admin");
  }

  @Test
  void aRedirectFromARenamedTopicKeepsAReadersQueryButNotOneTooLongForTheLocationHeader() {
    RawHttp.Answer renamed = hostile.raw.send("POST", "/admin/api/topics/security/rename",
        List.of("Authorization: Bearer " + hostile.apiToken, "Content-Type: application/json"),
        "{\"new_slug\": \"security-studies\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    hostile.logged();

    RawHttp.Answer paged = hostile.raw.send("GET", "/topics/security?page=2", List.of(), null);
    assertThat(paged.status()).isEqualTo(301);
    assertThat(paged.header("Location")).isEqualTo("/topics/security-studies?page=2");

    RawHttp.Answer huge = hostile.raw.send("GET", "/topics/security?q=" + "a".repeat(30_000), List.of(), null);
    assertThat(huge.status()).isEqualTo(301);
    assertThat(huge.header("Location")).isEqualTo("/topics/security-studies");
    thenTheLogHasAtMostOneLine("/topics/security?q=…");
  }

  @Test
  void twoThousandPathSegmentsUnderAssetsAreNotFoundAndOverflowNothing() {
    hostile.logged();
    RawHttp.Answer answer = hostile.raw.send("GET", "/assets/" + "a/".repeat(2_000) + "site.css", List.of(), null);

    assertThat(answer.status()).isEqualTo(404);
    HostileSite.thenIsTheSitesErrorPage("/assets/a/a/…", answer);
    thenTheLogHasAtMostOneLine("/assets/a/a/…");
  }

  static Stream<Arguments> requestsJettyRefuses() {
    return Stream.of(
        Arguments.of("GET", "/publications/\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1), List.of(), 400),
        Arguments.of("GET", "/publications/%FF%FE".getBytes(StandardCharsets.ISO_8859_1), List.of(), 400),
        Arguments.of("GET", "/assets/%2e%2e/%2e%2e/etc/passwd".getBytes(StandardCharsets.ISO_8859_1), List.of(), 400),
        Arguments.of("GET", "/assets/..\\..\\etc\\passwd".getBytes(StandardCharsets.ISO_8859_1), List.of(), 400),
        Arguments.of("POST", "/subscribe".getBytes(StandardCharsets.ISO_8859_1), List.of("X-Big: " + "b".repeat(70_000)), 431));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("requestsJettyRefuses")
  void whatJettyRefusesByItselfGetsTheSitesErrorPageToo(String method, byte[] target, List<String> headers, int status) {
    hostile.logged();
    RawHttp.Answer answer = hostile.raw.send(method, target, headers);

    assertThat(answer.status()).isEqualTo(status);
    HostileSite.thenIsTheSitesErrorPage(new String(target, StandardCharsets.ISO_8859_1), answer);
    thenTheLogHasAtMostOneLine(new String(target, StandardCharsets.ISO_8859_1));
  }

  static void thenTheLogHasAtMostOneLine(String what) {
    List<ILoggingEvent> events = hostile.logged();
    assertThat(events.stream().mapToInt(LogCapture::lines).sum()).as(what + " logged " + events).isLessThanOrEqualTo(1);
  }
}
