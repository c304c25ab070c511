package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.imports.MediaFetcher.Fetched;

/** The old site's files fetched from an in-process server: once each, bounded, retried when worth it, cached. */
class MediaFetcherTest {

  static final byte[] CHART = "chart bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path temp;

  HttpServer server;
  ExecutorService serverThreads = Executors.newCachedThreadPool();
  /** Holds the slow handler until the test ends. */
  CountDownLatch release = new CountDownLatch(1);
  Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  AtomicInteger flaky = new AtomicInteger();
  static final int MANY = 20;
  /** How many of the many have arrived; also the lock of the two counts after it. */
  final int[] arrivals = {0};
  int inFlight;
  int mostInFlight;
  List<MediaFetcher> fetchers = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
      try (exchange) {
        route(exchange);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  void route(HttpExchange exchange) throws IOException, InterruptedException {
    String path = exchange.getRequestURI().getPath();
    if (path.startsWith("/wp-content/uploads/")) {
      respond(exchange, 200, CHART);
    } else if (path.equals("/moved.png")) {
      exchange.getResponseHeaders().add("Location", "/wp-content/uploads/chart.png");
      respond(exchange, 301, new byte[0]);
    } else if (path.equals("/slow.png")) {
      release.await(30, TimeUnit.SECONDS);
      respond(exchange, 200, CHART);
    } else if (path.equals("/stalls.png")) {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(CHART);
      exchange.getResponseBody().flush();
      release.await(30, TimeUnit.SECONDS);
    } else if (path.equals("/flaky.png")) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      respond(exchange, flaky.getAndIncrement() == 0 ? 503 : 200, CHART);
    } else if (path.equals("/down.png")) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      respond(exchange, 503, new byte[0]);
    } else if (path.startsWith("/many/")) {
      holdUntilTwoMoreArrive();
      respond(exchange, 200, path.getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/big.bin")) {
      respond(exchange, 200, new byte[2000]);
    } else if (path.equals("/big-chunked.bin")) {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 20; i++) {
          out.write(new byte[100]);
        }
      }
    } else {
      respond(exchange, 404, "no such file".getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Keeps each of the {@value #MANY} requests in flight until two more have arrived (or none are left
   * to come): three are in flight whenever one arrives, however fast the machine, so that any request
   * past the bound would be counted.
   */
  void holdUntilTwoMoreArrive() throws InterruptedException {
    synchronized (arrivals) {
      int arrival = ++arrivals[0];
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      arrivals.notifyAll();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (arrivals[0] < Math.min(arrival + 2, MANY) && System.nanoTime() < deadline) {
        arrivals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      inFlight--;
    }
  }

  static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    fetchers.forEach(MediaFetcher::close);
    server.stop(0);
    serverThreads.shutdownNow();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  MediaFetcher givenAFetcher(int connections, Duration timeout, int attempts) {
    MediaFetcher fetcher = MediaFetcher.fromUrl(base(), temp.resolve("cache"), connections, timeout, attempts, 1000);
    fetchers.add(fetcher);
    return fetcher;
  }

  MediaFetcher givenAFetcher() {
    return givenAFetcher(4, Duration.ofSeconds(10), 3);
  }

  static Fetched fetch(MediaFetcher fetcher, String url) {
    return fetcher.fetchAll(List.of(url), done -> {}).get(url);
  }

  int hitsOf(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(temp.resolve("cache"))) {
      return files.toList();
    }
  }

  @Test
  void aServedFileIsKeptInTheCacheUnderTheHashOfItsUrl() throws IOException {
    Fetched chart = fetch(givenAFetcher(), "/wp-content/uploads/2024/03/chart.png");

    assertThat(chart.ok()).isTrue();
    assertThat(chart.failure()).isNull();
    assertThat(chart.file()).hasBinaryContent(CHART);
    assertThat(chart.file().getParent()).isEqualTo(temp.resolve("cache"));
    assertThat(chart.file().getFileName().toString()).isEqualTo(
        MediaFetcher.cacheName(URI.create(base() + "/wp-content/uploads/2024/03/chart.png"))).matches("[0-9a-f]{64}\\.png");
    assertThat(cacheFiles()).containsExactly(chart.file());
  }

  @Test
  void aMissingFileFailsWithItsStatusAfterOneRequestAndIsNotCached() throws IOException {
    Fetched missing = fetch(givenAFetcher(), "/gone.png");

    assertThat(missing.ok()).isFalse();
    assertThat(missing.failure()).isEqualTo("404 Not Found");
    assertThat(hitsOf("/gone.png")).isEqualTo(1);
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aResponseThatDoesNotComeWithinTheTimeoutFailsAfterEveryAttempt() {
    Fetched slow = fetch(givenAFetcher(2, Duration.ofMillis(300), 2), "/slow.png");

    assertThat(slow.failure()).isEqualTo("timed out after 300 ms (after 2 attempts)");
    assertThat(hitsOf("/slow.png")).isEqualTo(2);
  }

  @Test
  void aResponseThatStopsComingTimesOutAndLeavesNothingInTheCache() throws IOException {
    Fetched stalled = fetch(givenAFetcher(2, Duration.ofMillis(300), 1), "/stalls.png");

    assertThat(stalled.failure()).isEqualTo("timed out after 300 ms");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aServiceUnavailableIsTriedAgainAndTheSecondAnswerIsKept() {
    Fetched flakyFile = fetch(givenAFetcher(), "/flaky.png");

    assertThat(flakyFile.ok()).isTrue();
    assertThat(flakyFile.file()).hasBinaryContent(CHART);
    assertThat(hitsOf("/flaky.png")).isEqualTo(2);
  }

  @Test
  void aServerThatStaysDownFailsAfterTheAttemptsAllowed() {
    Fetched down = fetch(givenAFetcher(), "/down.png");

    assertThat(down.failure()).isEqualTo("503 Service Unavailable (after 3 attempts)");
    assertThat(hitsOf("/down.png")).isEqualTo(3);
  }

  @Test
  void noMoreThanTheConnectionsAllowedAreInFlightAtOnce() {
    List<String> urls = IntStream.rangeClosed(1, MANY).mapToObj(i -> "/many/" + i + ".png").toList();
    AtomicInteger progress = new AtomicInteger();

    Map<String, Fetched> fetched = givenAFetcher(3, Duration.ofSeconds(20), 1).fetchAll(urls, progress::addAndGet);

    assertThat(fetched.keySet()).containsExactlyElementsOf(urls);
    assertThat(fetched.values()).allMatch(Fetched::ok);
    assertThat(fetched.get("/many/7.png").file()).hasContent("/many/7.png");
    synchronized (arrivals) {
      assertThat(mostInFlight).isEqualTo(3);
    }
    assertThat(progress.get()).isEqualTo(MANY);
  }

  @Test
  void aSecondFetcherOnTheSameCacheAsksNothing() {
    Fetched first = fetch(givenAFetcher(), "/wp-content/uploads/chart.png");
    fetchers.remove(0).close();

    Fetched again = fetch(givenAFetcher(), "/wp-content/uploads/chart.png");

    assertThat(again.file()).isEqualTo(first.file()).hasBinaryContent(CHART);
    assertThat(hitsOf("/wp-content/uploads/chart.png")).isEqualTo(1);
  }

  @Test
  void eachUrlIsFetchedOnceHoweverItIsSpelledAndAnsweredInTheOrderGiven() {
    List<String> urls = List.of("/wp-content/uploads/chart.png", "/gone.png", base() + "/wp-content/uploads/chart.png",
        "/wp-content/uploads/chart.png", "/wp-content/uploads/chart.png#top", "/gone.png");
    AtomicInteger progress = new AtomicInteger();

    Map<String, Fetched> fetched = givenAFetcher().fetchAll(urls, progress::addAndGet);

    assertThat(fetched.keySet()).containsExactly("/wp-content/uploads/chart.png", "/gone.png",
        base() + "/wp-content/uploads/chart.png", "/wp-content/uploads/chart.png#top");
    assertThat(fetched.get(base() + "/wp-content/uploads/chart.png").url()).isEqualTo(base() + "/wp-content/uploads/chart.png");
    assertThat(fetched.get("/wp-content/uploads/chart.png#top").file()).hasBinaryContent(CHART);
    assertThat(hitsOf("/wp-content/uploads/chart.png")).isEqualTo(1);
    assertThat(hitsOf("/gone.png")).isEqualTo(1);
    assertThat(progress.get()).isEqualTo(4);
  }

  @Test
  void redirectsAreFollowedAndAnotherHostIsFetchedToo() {
    MediaFetcher fetcher = givenAFetcher();

    assertThat(fetch(fetcher, "/moved.png").file()).hasBinaryContent(CHART);
    assertThat(fetch(fetcher, "http://localhost:" + server.getAddress().getPort() + "/wp-content/uploads/cdn.png").file())
        .hasBinaryContent(CHART);
  }

  @Test
  void aResponseLargerThanTheLimitIsRefusedWhetherItSaysSoOrNot() throws IOException {
    MediaFetcher fetcher = givenAFetcher();

    assertThat(fetch(fetcher, "/big.bin").failure()).isEqualTo("larger than the limit of 1000 bytes");
    assertThat(fetch(fetcher, "/big-chunked.bin").failure()).isEqualTo("larger than the limit of 1000 bytes");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void onlyHttpUrlsWithoutCredentialsAreAskedFor() {
    Map<String, Fetched> fetched = givenAFetcher().fetchAll(List.of("file:///etc/passwd", "ftp://old.example/a.png",
        "http://user:secret@127.0.0.1:" + server.getAddress().getPort() + "/wp-content/uploads/a.png", "http://"), d -> {});

    assertThat(fetched.values()).extracting(Fetched::failure).containsExactly("only http and https URLs are fetched",
        "only http and https URLs are fetched", "a URL with a user name or password is not fetched", "not a valid URL");
    assertThat(hits).isEmpty();
  }
}
