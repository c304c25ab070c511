package org.thinkpress.imports;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.thinkpress.ThinkPressException;

/**
 * The old site's files an import brings in: which URLs it wants (every embedded image or video, and
 * every link to a file of the old site), fetching them before the transaction opens, storing them
 * in the uploads inside it, and what each body's URL becomes ({@link BodyLinks}): a piece's old
 * address its new one, a file brought in its {@code /media/} address, a file that could not be had
 * a placeholder.
 */
final class MediaPlan implements BodyLinks {

  /** Paths of the old site where its files live. */
  private static final Pattern FILE_PATH = Pattern.compile(
      "/(wp-content/uploads|content/images|content/files|content/media)/.*", Pattern.CASE_INSENSITIVE);
  /** Extensions of files rather than pages. */
  private static final Pattern FILE_EXTENSION = Pattern.compile(
      ".*\\.(jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|odt|ods|odp|zip|mp3|mp4|m4a|mov|csv|epub)$", Pattern.CASE_INSENSITIVE);

  private final String baseHost;
  private final MediaFetcher fetcher;
  private final URI mediaSite;
  private final Map<String, String> links;
  private final Set<String> wanted = new LinkedHashSet<>();
  private final Map<String, MediaFetcher.Fetched> fetched = new LinkedHashMap<>();
  private final Map<String, String> stored = new LinkedHashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();

  /**
   * @param baseUrl the old site's address, or {@code ""}
   * @param fetcher where the files come from, or {@code null} when the import was given no {@code --media}
   * @param mediaSite the address given as {@code --media} (the old site, or a copy of it elsewhere), or
   *     {@code null} for a folder: the old site's own files are fetched from there
   * @param links old address keys ({@link OldUrls#key}) to new paths, for links between pieces
   */
  MediaPlan(String baseUrl, MediaFetcher fetcher, URI mediaSite, Map<String, String> links) {
    this.baseHost = host(baseUrl);
    this.fetcher = fetcher;
    this.mediaSite = mediaSite;
    this.links = links;
  }

  boolean fetching() {
    return fetcher != null;
  }

  /** Notes a URL a body or profile uses; only files are wanted (embedded ones, and links to the old site's files). */
  void want(String url, boolean embedded) {
    boolean sitePath = url != null && url.startsWith("/") && !url.startsWith("//");
    if (url == null || url.isBlank() || !(url.startsWith("http://") || url.startsWith("https://") || sitePath)) {
      return;
    }
    if (embedded || isOldSiteFile(url)) {
      wanted.add(url);
    }
  }

  int wantedCount() {
    return wanted.size();
  }

  /** Fetches every wanted file, in parallel, before the import's transaction opens. */
  void fetch(IntConsumer progress) {
    if (fetcher == null || wanted.isEmpty()) {
      return;
    }
    // the old site's files are asked of the address given, which may be another host serving a copy
    Map<String, String> asked = new LinkedHashMap<>();
    for (String url : wanted) {
      asked.put(fetchAddress(url), url);
    }
    fetcher.fetchAll(asked.keySet(), progress).forEach((address, result) ->
        fetched.put(asked.getOrDefault(address, address), result));
    fetched.forEach((url, result) -> {
      if (!result.ok()) {
        failures.put(url, result.failure());
      }
    });
  }

  /** Where to fetch a file of the body from: the old site's own are asked of {@code --media}'s address. */
  private String fetchAddress(String url) {
    if (mediaSite == null) {
      return url;
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() != null && !sameSite(uri.getHost())) {
        return url;
      }
      String base = mediaSite.toString().replaceAll("/+$", "");
      return base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** The files that could not be had, by URL, with why. */
  Map<String, String> failures() {
    return failures;
  }

  /**
   * Brings the fetched files into the uploads, in the import's transaction; a file the uploads
   * refuse becomes a failure. In a dry run nothing is stored and each file gets a stand-in address.
   */
  void store(Handle handle, MediaStore store, boolean dryRun, ImportLedger ledger, ImportReport report) {
    for (Map.Entry<String, MediaFetcher.Fetched> entry : fetched.entrySet()) {
      MediaFetcher.Fetched result = entry.getValue();
      if (!result.ok()) {
        continue;
      }
      String name = fileName(entry.getKey());
      if (dryRun) {
        stored.put(entry.getKey(), "/media/" + name);
        report.mediaBroughtIn();
        continue;
      }
      try {
        String url = store.store(handle, result.file(), name);
        stored.put(entry.getKey(), url);
        ledger.record("media", entry.getKey(), url, url);
        report.mediaBroughtIn();
      } catch (ThinkPressException refused) {
        failures.put(entry.getKey(), refused.getMessage());
      }
    }
  }

  @Override
  public Rewrite rewrite(String url, boolean embedded) {
    String media = stored.get(url);
    if (media != null) {
      return Rewrite.to(media);
    }
    if (failures.containsKey(url)) {
      return Rewrite.MISSING_FILE;
    }
    Optional<String> piece = pieceAddress(url);
    return piece.map(Rewrite::to).orElse(Rewrite.KEEP_IT);
  }

  /** The new address of a link to an imported piece, topic or author of the old site, fragment kept. */
  private Optional<String> pieceAddress(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uri.getHost() != null && !sameSite(uri.getHost())) {
      return Optional.empty();
    }
    String key = OldUrls.key(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
        uri.getRawQuery());
    String target = key == null ? null : links.get(key);
    if (target == null) {
      return Optional.empty();
    }
    return Optional.of(uri.getRawFragment() == null ? target : target + "#" + uri.getRawFragment());
  }

  /** The new address of a URL outside any body (a featured image, a portrait), or empty when it stays as it is. */
  Optional<String> stored(String url) {
    return Optional.ofNullable(stored.get(url));
  }

  boolean failed(String url) {
    return failures.containsKey(url);
  }

  private boolean isOldSiteFile(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    return (uri.getHost() == null || sameSite(uri.getHost()))
        && (FILE_PATH.matcher(path).matches() || FILE_EXTENSION.matcher(path).matches());
  }

  private boolean sameSite(String host) {
    return !baseHost.isEmpty() && strip(host).equals(baseHost);
  }

  static String host(String baseUrl) {
    try {
      String host = baseUrl == null || baseUrl.isEmpty() ? null : URI.create(baseUrl).getHost();
      return host == null ? "" : strip(host);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String strip(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("www.") ? lower.substring(4) : lower;
  }

  /** The file name a URL ends with, for the media library and the report. */
  static String fileName(String url) {
    String path = url;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    String decoded = OldUrls.decode(name);
    return decoded == null || decoded.isBlank() ? "file" : decoded;
  }
}
