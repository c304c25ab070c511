package org.thinkpress.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A whole ThinkPress serving the demo content on a random port, over a SQLite file in a temporary
 * folder: the real server, the real database, the real templates. Its public address is
 * {@link #BASE_URL}, so that canonical links are predictable; requests go to the local port.
 *
 * <p>Every request of a test comes from 127.0.0.1, and a test class shares one site among its
 * methods: with the real limits, the class would share one client's allowance, spent faster or
 * slower as the machine is busy. So a site's rate limits are the highest the settings allow
 * ({@link #UNREACHABLE_LIMITS}), which no test comes near, unless the test sets a limit itself; a
 * test that does proves the limit on a clock it drives ({@link #start(Map, boolean, Clock)}).
 */
public final class TestSite implements AutoCloseable {

  public static final String BASE_URL = "https://think.example";

  /**
   * The per-client budgets of the server, each at the top of its setting's range: a class would
   * need a hundred thousand searches in a minute, a thousand sign-ups of one address in an hour or
   * a million from one network in ten minutes to be refused.
   */
  static final Map<String, String> UNREACHABLE_LIMITS = Map.of(
      "search.requests-per-minute", "100000",
      "subscribers.per-address-per-hour", "1000",
      "subscribers.per-network-per-10-minutes", "1000000");

  private final Path folder;
  private final ThinkPress thinkPress;
  private final Serving serving;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private TestSite(Path folder, ThinkPress thinkPress, Serving serving) {
    this.folder = folder;
    this.thinkPress = thinkPress;
    this.serving = serving;
  }

  /** Starts a site with the demo content. */
  public static TestSite withDemoContent() {
    return start(Map.of(), true);
  }

  /**
   * Starts a site with extra settings and, optionally, the demo content, on the system clock. A
   * rate limit may not be among the settings: a test of a limit drives the clock.
   */
  public static TestSite start(Map<String, String> settings, boolean demo) {
    Set<String> limits = new java.util.TreeSet<>(settings.keySet());
    limits.retainAll(UNREACHABLE_LIMITS.keySet());
    if (!limits.isEmpty()) {
      throw new IllegalArgumentException("A test that sets " + limits + " counts on a clock it drives:"
          + " use TestSite.start(settings, demo, clock)");
    }
    return start(settings, demo, Clock.systemUTC());
  }

  /** Starts a site whose every part (rate limits, sessions, schedules) tells the time by {@code clock}. */
  public static TestSite start(Map<String, String> settings, boolean demo, Clock clock) {
    try {
      Path folder = Files.createTempDirectory("thinkpress-site-");
      Map<String, String> all = new LinkedHashMap<>();
      all.put("server.port", "0");
      all.put("site.url", BASE_URL);
      all.put("data.dir", folder.toString());
      all.putAll(UNREACHABLE_LIMITS);
      all.putAll(settings);
      ThinkPress thinkPress = ThinkPress.open(ConfigLoader.load(null, Map.of(), all), clock);
      if (demo) {
        DemoContent.loadOnce(thinkPress);
      }
      return new TestSite(folder, thinkPress, thinkPress.serve());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ThinkPress app() {
    return thinkPress;
  }

  /** What runs: the search index, the pages, the admin, the server. */
  public Serving serving() {
    return serving;
  }

  public int port() {
    return serving.port();
  }

  public Path folder() {
    return folder;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, headers);
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
      if (headers.length > 0) {
        request.headers(headers);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> send(String method, String path, String... headers) {
    return exchange(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
  }

  /** A POST of {@code body}, sent as {@code contentType}; the body is sent as given, valid or not. */
  public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
    return exchange(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request, String... headers) {
    try {
      if (headers.length > 0) {
        request.headers(headers);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + serving.port() + path);
  }

  @Override
  public void close() {
    thinkPress.close();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
