package org.thinkpress.imports;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The old site's files fetched over HTTP into a cache folder. A connection that fails, a response
 * that does not come or stops coming for the timeout, a 5xx and a 429 are tried again after a short
 * pause (doubling from {@value #FIRST_PAUSE_MS} ms up to {@value #LONGEST_PAUSE_MS} ms, or what
 * {@code Retry-After} asks, up to {@value #LONGEST_RETRY_AFTER_MS} ms), up to the attempts allowed;
 * any other 4xx is final. Redirects are followed, except from https to http. A response larger than
 * the limit is refused, by its {@code Content-Length} before the body or as it exceeds it.
 */
final class HttpMedia implements MediaFetcher.Source, AutoCloseable {

  static final long FIRST_PAUSE_MS = 250;
  static final long LONGEST_PAUSE_MS = 2_000;
  static final long LONGEST_RETRY_AFTER_MS = 5_000;
  private static final String USER_AGENT = "ThinkPress-import (moving this site's files to its new home)";
  private static final Logger log = LoggerFactory.getLogger(HttpMedia.class);

  /** What one attempt came to: a file, or a failure and whether another attempt may do better. */
  private record Outcome(Path file, String failure, boolean retryable, long retryAfterMs) {
    static Outcome failed(String failure, boolean retryable) {
      return new Outcome(null, failure, retryable, -1);
    }
  }

  private final Path cache;
  private final Duration timeout;
  private final int attempts;
  private final long maxBytes;
  private final ExecutorService clientThreads = Executors.newCachedThreadPool(MediaFetcher.threads("media-http"));
  private final HttpClient client;

  HttpMedia(Path cache, Duration timeout, int attempts, long maxBytes) {
    this.cache = cache;
    this.timeout = timeout;
    this.attempts = attempts;
    this.maxBytes = maxBytes;
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout)
        .executor(clientThreads).build();
  }

  @Override
  public MediaFetcher.Fetched fetch(String url, URI uri) {
    Path target = cache.resolve(MediaFetcher.cacheName(uri));
    if (Files.isRegularFile(target)) {
      log.debug("Media {} reused from the cache", MediaFetcher.forLog(uri));
      return new MediaFetcher.Fetched(url, target, null);
    }
    Outcome outcome = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (outcome != null && !pause(attempt - 1, outcome.retryAfterMs())) {
        return new MediaFetcher.Fetched(url, null, "interrupted");
      }
      outcome = attempt(uri, target);
      if (outcome.file() != null) {
        return new MediaFetcher.Fetched(url, outcome.file(), null);
      }
      if (!outcome.retryable()) {
        break;
      }
      log.debug("Media {}: {} (attempt {} of {})", MediaFetcher.forLog(uri), outcome.failure(), attempt, attempts);
    }
    String failure = outcome.failure() + (outcome.retryable() && attempts > 1 ? " (after " + attempts + " attempts)" : "");
    log.info("Media {} not fetched: {}", MediaFetcher.forLog(uri), failure);
    return new MediaFetcher.Fetched(url, null, failure);
  }

  /** Sleeps before attempt {@code retry + 1}; false when interrupted (the fetcher is closing). */
  private static boolean pause(int retry, long retryAfterMs) {
    long backoff = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS << Math.min(retry - 1, 10));
    long pause = retryAfterMs >= 0 ? Math.min(retryAfterMs, LONGEST_RETRY_AFTER_MS) : backoff;
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Outcome attempt(URI uri, Path target) {
    MediaFetcher.createFolder(cache);
    Path partial = null;
    try {
      partial = Files.createTempFile(cache, "fetch-", ".part");
      LimitedDownload download = new LimitedDownload(partial, maxBytes);
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
          // HTTP/2 where TLS negotiates it; never the cleartext upgrade, which few servers speak and which holds
          // the other requests to the host back while it is tried
          .version(uri.getScheme().equalsIgnoreCase("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
          .GET().build();
      Path body = partial;
      CompletableFuture<HttpResponse<Path>> future = client.sendAsync(request, info -> info.statusCode() / 100 == 2
          ? download.declared(info.headers().firstValueAsLong("Content-Length").orElse(-1))
          : BodySubscribers.replacing(body));
      HttpResponse<Path> response = await(future, download);
      int status = response.statusCode();
      if (status / 100 != 2) {
        return new Outcome(null, status + " " + HttpStatus.getMessage(status), status >= 500 || status == 429,
            retryAfterMs(response));
      }
      if (Files.size(partial) == 0) {
        return Outcome.failed("the response was empty", false);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      log.debug("Media {} fetched ({} bytes)", MediaFetcher.forLog(uri), Files.size(target));
      return new Outcome(target, null, false, -1);
    } catch (TimeoutException e) {
      return Outcome.failed(timedOut(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted", false);
    } catch (ExecutionException e) {
      return failure(e.getCause(), uri);
    } catch (IOException e) {
      return Outcome.failed("could not be kept in " + cache + ": " + e.getMessage(), false);
    } finally {
      deleteQuietly(partial);
    }
  }

  /**
   * Waits for the response while it keeps coming: gives up once a whole timeout passes with no new
   * bytes (a response that has not begun counts as none).
   */
  private HttpResponse<Path> await(CompletableFuture<HttpResponse<Path>> future, LimitedDownload download)
      throws InterruptedException, ExecutionException, TimeoutException {
    long seen = 0;
    while (true) {
      try {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long now = download.received();
        if (now == seen) {
          future.cancel(true);
          throw e;
        }
        seen = now;
      }
    }
  }

  private Outcome failure(Throwable cause, URI uri) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof LimitedDownload.TooLarge) {
        cause = c;
      }
    }
    if (cause instanceof LimitedDownload.TooLarge) {
      long mb = 1024 * 1024;
      return Outcome.failed("larger than the limit of " + (maxBytes % mb == 0 ? maxBytes / mb + " MB" : maxBytes + " bytes"),
          false);
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
      return Outcome.failed(timedOut(), true);
    }
    if (cause instanceof ConnectException) {
      return Outcome.failed("could not connect to " + uri.getHost(), true);
    }
    if (cause instanceof IOException) {
      return Outcome.failed("the connection failed: " + cause.getMessage(), true);
    }
    return Outcome.failed("failed: " + cause, false);
  }

  private String timedOut() {
    long ms = timeout.toMillis();
    return "timed out after " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
  }

  /** {@code Retry-After} in seconds, or -1 when absent or a date (then the usual pause does). */
  private static long retryAfterMs(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,6}"))
        .map(v -> Long.parseLong(v) * 1000).orElse(-1L);
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a partial file in the cache folder; named .part, it is never taken for a fetched one
    }
  }

  @Override
  public void close() {
    clientThreads.shutdownNow();
  }
}
