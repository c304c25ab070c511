package org.thinkpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route the server registered, as the router lists it at run time (a new route is swept
 * without editing this test), gets hostile requests: methods it does not take, oversized and
 * malformed query strings, invalid UTF-8 in the path, the query and form bodies, path traversal,
 * missing and wrong CSRF tokens with a real admin session, malformed link tokens and API bearer
 * tokens, and path parameters that are negative, huge or not numbers at all. No answer is a 5xx,
 * none shows a stack trace or an exception's name, and the log gets at most one line per request.
 *
 * <p>A request that carries valid credentials to a route that changes something names a target
 * that does not exist, so the sweep reaches every handler's parsing and changes nothing.
 */
class RouteSweepTest {

  static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)}|<([a-z]+)>");
  static final Set<String> ID_PARAMETERS = Set.of("id", "revision", "link", "account");
  static final String GHOST_ID = "987654321";
  static final String GHOST_SLUG = "no-such-sweep-slug";

  static HostileSite hostile;
  static List<HttpServer.Route> routes;
  static long contentVersion;

  @BeforeAll
  static void start() {
    hostile = new HostileSite();
    routes = hostile.site.serving().routes();
    contentVersion = hostile.site.app().contentReader().version().current();
  }

  /** The sweep reached every handler with credentials, and changed nothing: no content, not the session. */
  @AfterAll
  static void stop() {
    try {
      assertThat(hostile.site.app().contentReader().version().current()).as("the content version").isEqualTo(contentVersion);
      assertThat(hostile.admin.get("/admin/account").statusCode()).as("the admin's session").isEqualTo(200);
    } finally {
      hostile.close();
    }
  }

  static Stream<HttpServer.Route> routes() {
    return routes.stream();
  }

  @Test
  void theRouterListsTheRoutesOfEveryFeature() {
    assertThat(routes).extracting(r -> r.method() + " " + r.path()).contains("GET /", "HEAD /", "GET /publications/{slug}",
        "GET /assets/<path>", "GET /search", "GET /search/feed", "POST /subscribe", "GET /unsubscribe/{token}",
        "GET /email/{token}", "GET /preview/{token}", "POST /admin/login", "POST /admin/publications/{id}",
        "GET /admin/api/me", "PUT /admin/api/publications/{id}", "DELETE /admin/api/topics/{slug}");
    assertThat(routes).hasSizeGreaterThan(150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void hostileRequestsGetNo5xxNoInternalsAndAtMostOneLogLineEach(HttpServer.Route route) {
    Sweep sweep = new Sweep(route);
    sweep.queries();
    if (!route.method().equals("HEAD")) {
      sweep.badMethods();
      sweep.traversals();
      sweep.pathParameters();
      sweep.bodies();
      sweep.csrf();
      sweep.bearerTokens();
      sweep.sessionCookies();
    }
    assertThat(sweep.problems).as(sweep.sent + " requests to " + route).isEmpty();
  }

  /** The requests for one route, and what went wrong with their answers. */
  static final class Sweep {
    final HttpServer.Route route;
    final boolean api;
    final boolean admin;
    final boolean changes;
    final List<String> problems = new ArrayList<>();
    int sent;

    Sweep(HttpServer.Route route) {
      this.route = route;
      this.api = route.path().startsWith("/admin/api/");
      this.admin = !api && route.path().startsWith("/admin") && !route.path().equals("/admin/login");
      this.changes = !route.method().equals("GET") && !route.method().equals("HEAD");
    }

    /** Methods the path does not take, without credentials: the router's 404 or 405. */
    void badMethods() {
      Set<String> taken = routes.stream().filter(r -> r.path().equals(route.path())).map(HttpServer.Route::method)
          .collect(Collectors.toSet());
      Stream.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO").filter(m -> !taken.contains(m)).limit(4)
          .forEach(method -> send(method, path(null, null), List.of(), null, 0));
    }

    void queries() {
      String path = path(null, null);
      for (String query : List.of("?q=" + "x".repeat(30_000) + "&page=" + "9".repeat(5_000),
          "?%&%G1=%ZZ&=&&a=%&q=%", "?q=%FF%FE%C3%28%ED%A0%80&page=%C0%AF&next=%2F%2Fevil.example",
          "?q=\u00ff\u00fe\u00c3(", "?page=-1&page=99999999999999999999&from=abc&to=-1&status=%00&type=%3Cscript%3E")) {
        send(route.method(), path + query, credentials(true), changes ? new byte[0] : null, 0);
        if (admin || api) { // and as a visitor who is not signed in
          send(route.method(), path + query, List.of(), changes ? new byte[0] : null, 0);
        }
      }
    }

    /** Dot segments, encoded and not, and backslashes, after and inside the route's path. */
    void traversals() {
      String path = path(null, null);
      for (String attempt : List.of(path + "/../../../../etc/passwd", path + "/%2e%2e/%2e%2e/etc/passwd",
          path + "/..%2F..%2F..%2Fetc%2Fpasswd", path + "/..\\..\\..\\windows\\win.ini", "/%2e%2e" + path,
          path.replace("/", "%2F"))) {
        send(route.method(), attempt, credentials(false), null, 0);
      }
    }

    /** Each path parameter in turn given hostile values, the others real (or, where it would change something, absent). */
    void pathParameters() {
      for (String parameter : parameters()) {
        for (String value : hostileValues(parameter)) {
          send(route.method(), path(parameter, value), credentials(true), changes ? new byte[0] : null, 0);
        }
      }
    }

    void bodies() {
      if (!route.method().equals("POST") && !route.method().equals("PUT")) {
        return;
      }
      List<String[]> bodies = new ArrayList<>();
      if (api) {
        bodies.add(new String[] {"application/json", "{"});
        bodies.add(new String[] {"application/json", "[".repeat(5_000) + "]".repeat(5_000)});
        bodies.add(new String[] {"application/json", "{\"title\": \"\u00ff\u00fe\", \"edit_version\": 1e999999, \"body\": [1]}"});
      } else {
        bodies.add(new String[] {"application/x-www-form-urlencoded",
            "email=%FF%FE&name=%C3%28&title=\u00ff\u00fe\u00c3(&_csrf=%E0%A4&next=%2F%2Fevil.example"});
        bodies.add(new String[] {"application/x-www-form-urlencoded", "a=%&b=%G1&%%%=1&email=x%40y&_csrf="});
        bodies.add(new String[] {"application/x-www-form-urlencoded; charset=utf-7", "email=+ADw-x+AD4-%40y"});
        bodies.add(new String[] {"multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"file\";"
            + " filename=\"../../x.png\"\r\nContent-Type: image/png\r\n\r\n\u00ff\u00fe\r\n--zz"});
      }
      bodies.add(new String[] {"text/plain; charset=utf-8", "\u00ff\u00fe\u0000\u00c3("});
      // with credentials to reach the handler, but never a real target: the body cannot change anything
      boolean reachable = !parameters().isEmpty() || api || !admin;
      for (String[] body : bodies) {
        List<String> headers = new ArrayList<>(reachable ? credentials(true) : credentials(false));
        headers.add("Content-Type: " + body[0]);
        send(route.method(), path(null, null), headers, body[1].getBytes(StandardCharsets.ISO_8859_1), 0);
      }
    }

    /** Signed in as an admin with a real session, without the session's CSRF token or with another: 403. */
    void csrf() {
      if (!route.method().equals("POST") || api) {
        return;
      }
      if (admin || route.path().equals("/admin/login")) {
        List<String> session = hostile.session();
        form(session, "title=x", 403);
        form(session, "title=x&_csrf=" + "A".repeat(43) + (route.path().equals("/admin/login") ? "&_login=wrong" : ""), 403);
        List<String> wrongHeader = new ArrayList<>(session);
        wrongHeader.add("X-CSRF-Token: " + hostile.admin.csrf().substring(1) + "x");
        form(wrongHeader, "title=x", 403);
      } else if (!route.path().startsWith("/unsubscribe/")) { // RFC 8058's one-click POST comes from no site
        form(List.of("Sec-Fetch-Site: cross-site"), "email=x%40example.org", 403);
        form(List.of("Origin: https://evil.example"), "email=x%40example.org", 403);
      }
    }

    private void form(List<String> headers, String body, int expected) {
      List<String> all = new ArrayList<>(headers);
      all.add("Content-Type: application/x-www-form-urlencoded");
      send(route.method(), path(null, null), all, body.getBytes(StandardCharsets.ISO_8859_1), expected);
    }

    /** API bearer tokens cut short, altered, wrongly signed, huge, not ASCII, of another scheme: 401. */
    void bearerTokens() {
      if (!api) {
        return;
      }
      String token = hostile.apiToken;
      for (String authorization : List.of("Bearer " + token.substring(0, token.length() / 2),
          "Bearer " + tamper(token), "Bearer tp_" + "A".repeat(43), "Bearer " + token + "A".repeat(20_000),
          "Bearer " + new String(("tp_ключ" + token).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
          "Bearer ", "Basic " + token, "Bearer\t" + token + "\u00ff")) {
        send(route.method(), path(null, null), List.of("Authorization: " + authorization), changes ? new byte[0] : null, 401);
      }
    }

    /** Admin session cookies that are not one: the visitor is anonymous. */
    void sessionCookies() {
      if (!admin) {
        return;
      }
      String cookie = hostile.admin.cookieHeader();
      for (String value : List.of(tamper(cookie), "tp_session=" + "A".repeat(8_000), "tp_session=сессия\u00ff",
          "tp_session=\"; tp_session=..%2F")) {
        send(route.method(), path(null, null), List.of("Cookie: " + new String(value.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1)), changes ? new byte[0] : null, 0);
      }
    }

    List<String> parameters() {
      List<String> names = new ArrayList<>();
      Matcher matcher = PARAMETER.matcher(route.path());
      while (matcher.find()) {
        names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
      }
      return names;
    }

    /**
     * The route's path with its parameters filled in: {@code parameter} with {@code value}, the
     * others with real values, or, when the request could change something, with absent ones.
     */
    String path(String parameter, String value) {
      Matcher matcher = PARAMETER.matcher(route.path());
      StringBuilder path = new StringBuilder();
      while (matcher.find()) {
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        String filled = name.equals(parameter) ? value : changes ? absent(name) : real(name);
        matcher.appendReplacement(path, Matcher.quoteReplacement(filled));
      }
      matcher.appendTail(path);
      return path.toString();
    }

    String real(String name) {
      String path = route.path();
      return switch (name) {
        case "id" -> path.contains("/subscribers/") || path.contains("/sends/") ? "1" : Long.toString(hostile.publicationId);
        case "revision", "link", "account" -> "1";
        case "token" -> token();
        case "slug" -> path.contains("publications") ? "black-sea-grain-exports-under-pressure"
            : path.contains("topics") ? "energy" : path.contains("regions") ? "armenia"
            : path.contains("experts") ? "irina-moraru" : "analysis";
        case "year" -> "2025";
        case "tag" -> "en";
        case "part" -> "1";
        case "file" -> "0123456789abcdef0123456789abcdef.png";
        case "action" -> "submit";
        case "path" -> "site.css";
        default -> throw new AssertionError("a path parameter the sweep does not know: " + name + " in " + path);
      };
    }

    /** A value of the right form that names nothing. */
    String absent(String name) {
      if (name.equals("token")) {
        return route.path().startsWith("/admin/") ? GHOST_ID : route.path().startsWith("/subscribe/confirm/")
            ? tamper(hostile.confirmToken) : hostile.ghostPreferencesToken;
      }
      return ID_PARAMETERS.contains(name) ? GHOST_ID : name.equals("action") ? "submit" : GHOST_SLUG;
    }

    /** The valid link of the route's kind, to be tampered with. */
    String token() {
      String path = route.path();
      if (path.startsWith("/subscribe/confirm/")) {
        return hostile.confirmToken;
      } else if (path.startsWith("/email/")) {
        return hostile.viewToken;
      } else if (path.startsWith("/preview/")) {
        return hostile.previewToken;
      } else if (path.startsWith("/admin/")) {
        return "1";
      }
      return hostile.preferencesToken;
    }

    List<String> hostileValues(String name) {
      List<String> values = new ArrayList<>(List.of("..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cboot.ini",
          "%C3%28", "%FF%FE", "%00", "x".repeat(3_000)));
      if (ID_PARAMETERS.contains(name) || (name.equals("token") && route.path().startsWith("/admin/"))) {
        values.addAll(List.of("-1", "0", "99999999999999999999999", "abc", "1.5", "0x1F", "%D9%A1", "9223372036854775808",
            "1%20"));
      } else if (name.equals("token")) {
        String token = token();
        values.addAll(List.of(token.substring(0, token.length() / 2), tamper(token), wrongSignature(token),
            token + "A".repeat(10_000), "%D1%82%D0%BE%D0%BA%D0%B5%D0%BD" + token, token + "%FF", "%20" + token));
      } else {
        values.addAll(List.of("%C3%9Cn%C3%AFc%C3%B6d%C3%A9", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%20b", "-", "CON",
            "a/".repeat(2_000) + "b"));
      }
      return values;
    }

    static String tamper(String token) {
      int at = Math.max(0, token.length() - 5);
      return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** The token with its signature (what follows the last dot, or its last 16 characters) replaced. */
    static String wrongSignature(String token) {
      int dot = token.lastIndexOf('.');
      int from = dot > 0 ? dot + 1 : Math.max(0, token.length() - 16);
      return token.substring(0, from) + "A".repeat(token.length() - from);
    }

    /**
     * The credentials a request of this route carries: the API token, or the admin's session with,
     * when {@code reach} and the request names no real target, the session's CSRF token.
     */
    List<String> credentials(boolean reach) {
      if (api) {
        return List.of("Authorization: Bearer " + hostile.apiToken);
      }
      if (!admin) {
        return List.of();
      }
      List<String> headers = new ArrayList<>(hostile.session());
      if (reach && changes && !parameters().isEmpty()) {
        headers.add("X-CSRF-Token: " + hostile.admin.csrf());
      }
      return headers;
    }

    /** Sends a request and notes what is wrong with its answer; {@code expected} 0 takes any status below 500. */
    void send(String method, String target, List<String> headers, byte[] body, int expected) {
      sent++;
      String what = method + " " + (target.length() > 90 ? target.substring(0, 90) + "…" : target)
          + (headers.isEmpty() ? "" : " " + headers.stream().map(h -> h.length() > 40 ? h.substring(0, 40) + "…" : h).toList());
      RawHttp.Answer answer;
      try {
        answer = hostile.raw.send(method, target, headers, body);
      } catch (RuntimeException e) {
        problems.add(what + ": no answer (" + e.getMessage() + ")");
        return;
      }
      if (answer.status() >= 500 || (expected != 0 && answer.status() != expected)) {
        problems.add(what + ": " + answer.status() + (expected != 0 ? ", not " + expected : ""));
      }
      String type = answer.header("Content-Type") == null ? "" : answer.header("Content-Type").toLowerCase(Locale.ROOT);
      if (type.startsWith("text/html") || type.contains("json") || type.startsWith("text/plain")) {
        for (String internal : List.of("Exception", "at org.", "java.")) {
          if (answer.body().contains(internal)) {
            problems.add(what + ": the answer shows '" + internal + "'");
          }
        }
      }
      List<ILoggingEvent> logged = hostile.logged();
      int lines = logged.stream().mapToInt(LogCapture::lines).sum();
      if (lines > 1) {
        problems.add(what + ": " + lines + " log lines: " + logged.stream().map(ILoggingEvent::getFormattedMessage).toList());
      }
    }
  }
}
