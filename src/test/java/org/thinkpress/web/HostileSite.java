package org.thinkpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;
import org.thinkpress.testing.TestClock;
import org.thinkpress.subscribers.SubscribeRequest;
import org.thinkpress.subscribers.SubscriberService;

/**
 * The demo site as an attacker meets it, for the tests of hostile requests: an admin signed in
 * with a real session, a confirmed subscriber, and one valid token of every kind of link to
 * tamper with. The site's clock stands still, so that nothing a test sees (the login throttle,
 * link lifetimes) depends on how fast the machine is.
 */
final class HostileSite implements AutoCloseable {

  static final String ADMIN = "root@think.example";
  static final String PASSWORD = "a long enough password";
  /** What no response may show: a stack trace, or the name of an exception or of a Java package. */
  static final List<String> INTERNALS = List.of("Exception", "at org.", "at java.", "java.", "jakarta.", "javalin",
      "eclipse", "Caused by");

  final TestSite site;
  final AdminClient admin;
  final RawHttp raw;
  final LogCapture log;
  final String apiToken;
  final String confirmToken;
  final String preferencesToken;
  final String viewToken;
  final String previewToken;
  /** A preferences link as the site signs it, for a subscriber who does not exist. */
  final String ghostPreferencesToken;
  final long publicationId;

  HostileSite() {
    site = TestSite.start(Map.of("newsletter.sender", "false"), true, new TestClock(Instant.now()));
    site.app().accounts().create(ADMIN, "Root", Role.ADMIN, PASSWORD);
    admin = new AdminClient(site.port());
    assertThat(admin.login(ADMIN, PASSWORD).statusCode()).isEqualTo(303);
    apiToken = find(admin.post("/admin/account/tokens", "name", "sweep"), "value=\"(tp_[A-Za-z0-9_-]{43})\"");
    publicationId = site.app().contentReader().publicPublication("black-sea-grain-exports-under-pressure")
        .orElseThrow().id();
    previewToken = find(admin.post("/admin/publications/" + publicationId + "/preview-links"),
        "https://think\\.example/preview/([A-Za-z0-9_-]{43})");
    SubscriberService subscribers = site.app().subscribers();
    subscribers.subscribe(new SubscribeRequest("reader@example.org", "", "en", List.of(), List.of(), List.of(), true,
        "test"));
    long subscriber = subscribers.find("reader@example.org").orElseThrow().id();
    confirmToken = site.app().database().jdbi().withHandle(h -> subscribers.confirmationToken(h, subscriber)).orElseThrow();
    preferencesToken = subscribers.tokens().preferences(subscriber);
    viewToken = subscribers.tokens().view(1, subscriber);
    ghostPreferencesToken = subscribers.tokens().preferences(987_654_321L);
    raw = new RawHttp(site.port());
    log = new LogCapture();
  }

  private static String find(HttpResponse<String> response, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(response.body());
    assertThat(matcher.find()).as(pattern + " in " + response.body()).isTrue();
    return matcher.group(1);
  }

  /** The headers that carry the admin's session. */
  List<String> session() {
    return List.of("Cookie: " + admin.cookieHeader());
  }

  /** The log's events since the last call; at most one, one line long, for a bad request. */
  List<ILoggingEvent> logged() {
    return log.take();
  }

  /** Whether a response is the site's own error page: its layout, its heading, no internals. */
  static void thenIsTheSitesErrorPage(String what, RawHttp.Answer answer) {
    Document page = Jsoup.parse(answer.body());
    assertThat(answer.header("Content-Type").replace(" ", "").toLowerCase(java.util.Locale.ROOT)).as(what)
        .isEqualTo("text/html;charset=utf-8");
    assertThat(answer.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(page.select("header.site-header")).as(what + ": the site's header").hasSize(1);
    assertThat(page.select("main h1")).as(what + ": a heading").hasSize(1);
  }

  @Override
  public void close() {
    log.close();
    site.close();
  }
}
