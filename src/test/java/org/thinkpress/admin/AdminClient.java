package org.thinkpress.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: an HTTP client that keeps the admin's cookies, signs in through the
 * login form and sends forms with the page's CSRF token. For tests of the admin over real HTTP.
 */
public final class AdminClient {

  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
  private String csrf = "";

  public AdminClient(int port) {
    this.port = port;
  }

  /** Signs in through the form; returns the response to the POST (303 on success). */
  public HttpResponse<String> login(String email, String password) {
    HttpResponse<String> form = get("/admin/login");
    Matcher token = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"").matcher(form.body());
    if (!token.find()) {
      throw new IllegalStateException("no login token on the login page: " + form.body());
    }
    HttpResponse<String> response = postRaw("/admin/login", List.of("_login", token.group(1), "email", email,
        "password", password, "next", "/admin"));
    if (response.statusCode() == 303) {
      refreshCsrf();
    }
    return response;
  }

  /** Reads the session's CSRF token from the admin's home page. */
  public String refreshCsrf() {
    Matcher matcher = CSRF.matcher(get("/admin/account").body());
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on /admin/account");
    }
    csrf = matcher.group(1);
    return csrf;
  }

  public String csrf() {
    return csrf;
  }

  /** The {@code Cookie} header this client sends: its session and login cookies. */
  public String cookieHeader() {
    return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }

  public void useSession(String token, String csrfToken) {
    cookies.put(AdminRoutes.SESSION_COOKIE, token);
    csrf = csrfToken;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** A form POST with the session's CSRF token added; {@code fields} are name, value, name, value... */
  public HttpResponse<String> post(String path, String... fields) {
    List<String> all = new ArrayList<>(List.of(fields));
    all.add("_csrf");
    all.add(csrf);
    return postRaw(path, all);
  }

  /** A form POST exactly as given, without adding the CSRF token. */
  public HttpResponse<String> postRaw(String path, List<String> fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.size(); i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String header : response.headers().allValues("Set-Cookie")) {
        Matcher matcher = SET_COOKIE.matcher(header);
        if (matcher.find()) {
          if (header.contains("Max-Age=0")) {
            cookies.remove(matcher.group(1));
          } else {
            cookies.put(matcher.group(1), matcher.group(2));
          }
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
