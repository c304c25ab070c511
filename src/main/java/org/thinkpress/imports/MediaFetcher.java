package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Brings the old site's files in for an import: from a copy of its upload folder
 * ({@link #fromFolder}) or from the old site itself ({@link #fromUrl}). Each URL is looked up once
 * per fetcher, whatever its spelling (relative or absolute, with or without a fragment); a fetcher
 * serves one import run and is closed after it.
 *
 * <p>Only {@code http} and {@code https} URLs are fetched or looked up: never {@code file:} or
 * anything else, and never a URL carrying a user name or password. A URL on another host than the
 * old site's is fetched too, because old sites serve their media from CDNs (Substack's
 * {@code substackcdn.com}, WordPress.com's {@code i0.wp.com}); the importer decides which URLs to ask
 * for. Logs name a URL's host and path only: query strings may carry tokens.
 *
 * <p>Thread-safe. {@link #fetchAll} calls its progress listener on the calling thread only.
 */
final class MediaFetcher implements AutoCloseable {

  /**
   * What became of one URL.
   *
   * @param url the URL as asked for
   * @param file a local copy (in the cache, or in the folder), or {@code null}
   * @param failure why there is none ({@code 404 Not Found}, {@code timed out after 10 s},
   *     {@code not in /path/to/uploads}), or {@code null}
   */
  record Fetched(String url, Path file, String failure) {
    boolean ok() {
      return file != null;
    }
  }

  /** Where files come from: a folder or the old site. */
  interface Source {
    /** Finds or fetches one file; never throws for a file that cannot be had, says why instead. */
    Fetched fetch(String url, URI uri);
  }

  /** The largest response {@link #fromUrl} accepts. */
  static final long MAX_BYTES = 100L * 1024 * 1024;

  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

  private final Source source;
  private final URI base;
  private final ExecutorService workers;
  private final Map<String, CompletableFuture<Fetched>> done = new ConcurrentHashMap<>();

  private MediaFetcher(Source source, URI base, ExecutorService workers) {
    this.source = source;
    this.base = base;
    this.workers = workers;
  }

  /**
   * Files from a folder: a copy of WordPress's {@code wp-content/uploads}, of Ghost's
   * {@code content/images}, or any folder. A URL's path is matched after the known prefixes
   * ({@code /wp-content/uploads/}, {@code /content/images/}, {@code /content/files/},
   * {@code /content/media/}), else by its full path under the folder, else by its file name alone
   * when exactly one file of that name is in the folder. The files are used where they are, so
   * {@code cache} is not written in this mode.
   */
  static MediaFetcher fromFolder(Path folder, Path cache) {
    requireNonNull(folder, "folder");
    requireNonNull(cache, "cache");
    if (!Files.isDirectory(folder)) {
      throw new ImportException(folder + ": not a folder; give the copy of the old site's uploads");
    }
    return new MediaFetcher(new FolderMedia(folder.toAbsolutePath().normalize()), null, null);
  }

  /**
   * Files fetched from the old site at {@code base} (relative URLs are resolved against it), with at
   * most {@code connections} requests in flight, each waiting at most {@code timeout} for the
   * response to start and between two parts of its body, tried up to {@code attempts} times in all.
   * Fetched files are kept in {@code cache} under the SHA-256 of their URL, so that the next run
   * (after a failed import) reuses them without asking again; failures are not kept.
   */
  static MediaFetcher fromUrl(URI base, Path cache, int connections, Duration timeout, int attempts) {
    return fromUrl(base, cache, connections, timeout, attempts, MAX_BYTES);
  }

  /** {@link #fromUrl(URI, Path, int, Duration, int)} refusing any response larger than {@code maxBytes}. */
  static MediaFetcher fromUrl(URI base, Path cache, int connections, Duration timeout, int attempts, long maxBytes) {
    requireNonNull(base, "base");
    requireNonNull(cache, "cache");
    requireNonNull(timeout, "timeout");
    if (!base.isAbsolute() || !isHttp(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("the old site's address must be an http or https URL, not " + base);
    }
    if (connections < 1 || attempts < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("connections and attempts must be at least 1 and the timeout positive");
    }
    ExecutorService workers = Executors.newFixedThreadPool(connections, threads("media-fetch"));
    return new MediaFetcher(new HttpMedia(cache, timeout, attempts, maxBytes), base, workers);
  }

  /**
   * Finds or fetches every URL, in parallel up to the fetcher's bound, each once; {@code progress}
   * hears 1 as each URL is done. Returns every URL asked for, in the order given.
   */
  Map<String, Fetched> fetchAll(Collection<String> urls, IntConsumer progress) {
    requireNonNull(urls, "urls");
    requireNonNull(progress, "progress");
    Map<String, URI> keys = new LinkedHashMap<>();
    Map<String, Fetched> refused = new LinkedHashMap<>();
    for (String url : new LinkedHashSet<>(urls)) {
      try {
        keys.put(url, uri(url));
      } catch (IllegalArgumentException e) {
        refused.put(url, new Fetched(url, null, e.getMessage()));
      }
    }
    refused.values().forEach(f -> progress.accept(1));
    Map<URI, String> first = new LinkedHashMap<>();
    keys.forEach((url, uri) -> first.putIfAbsent(uri, url));
    run(first, progress, keys.size() - first.size());
    Map<String, Fetched> result = new LinkedHashMap<>();
    for (String url : urls) {
      Fetched known = refused.containsKey(url) ? refused.get(url) : done.get(keys.get(url).toString()).join();
      result.putIfAbsent(url, new Fetched(url, known.file(), known.failure()));
    }
    return result;
  }

  /** Looks up each URL not done before; spelling twins of another URL count as done at once. */
  private void run(Map<URI, String> wanted, IntConsumer progress, int twins) {
    for (int i = 0; i < twins; i++) {
      progress.accept(1);
    }
    if (workers == null) {
      wanted.forEach((uri, url) -> {
        fetchOnce(url, uri);
        progress.accept(1);
      });
      return;
    }
    ExecutorCompletionService<Fetched> completion = new ExecutorCompletionService<>(workers);
    wanted.forEach((uri, url) -> completion.submit(() -> fetchOnce(url, uri)));
    try {
      for (int i = 0; i < wanted.size(); i++) {
        completion.take().get();
        progress.accept(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException("the fetching of the media was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Fetches a URL unless another call has or is fetching it. (Not {@code computeIfAbsent}: a long
   * computation there blocks other threads' updates of the map.)
   */
  private Fetched fetchOnce(String url, URI uri) {
    CompletableFuture<Fetched> mine = new CompletableFuture<>();
    CompletableFuture<Fetched> known = done.putIfAbsent(uri.toString(), mine);
    if (known != null) {
      return known.join();
    }
    try {
      Fetched fetched = source.fetch(url, uri);
      mine.complete(fetched);
      return fetched;
    } catch (RuntimeException e) {
      done.remove(uri.toString(), mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** The URL as looked up: parsed leniently, resolved against the base, without its fragment. */
  private URI uri(String url) {
    URI uri = parse(url);
    if (uri.getScheme() == null && base != null) {
      uri = base.resolve(uri);
    }
    if (uri.getScheme() != null && !isHttp(uri.getScheme())) {
      throw new IllegalArgumentException("only http and https URLs are fetched");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("a URL with a user name or password is not fetched");
    }
    if (uri.getScheme() != null && uri.getHost() == null) {
      throw new IllegalArgumentException("not a URL with a host");
    }
    String text = uri.normalize().toString();
    int hash = text.indexOf('#');
    return hash < 0 ? uri.normalize() : URI.create(text.substring(0, hash));
  }

  /**
   * Parses a URL as browsers do: characters a URI may not hold (spaces, Cyrillic, Armenian) are
   * percent-encoded as UTF-8; existing escapes are kept.
   */
  static URI parse(String url) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : url.strip().getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
        escaped.append('%').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        escaped.append((char) c);
      }
    }
    try {
      return new URI(escaped.toString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL");
    }
  }

  static boolean isHttp(String scheme) {
    return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
  }

  /** Where a log line may show a URL: host and path, never the query (tokens) or user info. */
  static String forLog(URI uri) {
    return (uri.getHost() == null ? "" : uri.getHost()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** The cache's name for a URL's file: the SHA-256 of the URL, and its extension when it has a short one. */
  static String cacheName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    String extension = dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    return sha256Hex(uri.toString()) + (EXTENSION.matcher(extension).matches() ? "." + extension : "");
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (source instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
