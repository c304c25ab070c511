package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One import as its command asks for it.
 *
 * @param platform where the export comes from
 * @param file the export (WXR, Ghost JSON, Substack zip)
 * @param mapFile the YAML map of terms and authors ({@link ImportMap}), or {@code null} for the defaults
 * @param media a folder with a copy of the old uploads, or the old site's {@code http(s)} address, or {@code null}
 * @param baseUrl the old site's address when the export does not say it (Ghost, Substack), or {@code null}
 * @param dryRun read and check everything, write nothing
 * @param strict fail the import, rather than list them, when files cannot be had or items cannot be imported
 * @param connections at most this many files fetched at once
 * @param timeout how long one file's fetch may take
 */
public record ImportRequest(Platform platform, Path file, Path mapFile, String media, String baseUrl, boolean dryRun,
                            boolean strict, int connections, Duration timeout) {

  public static final int DEFAULT_CONNECTIONS = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public ImportRequest {
    requireNonNull(platform, "platform");
    requireNonNull(file, "file");
    requireNonNull(timeout, "timeout");
    if (connections < 1 || connections > 32) {
      throw new ImportException("--connections must be between 1 and 32, not " + connections);
    }
    if (baseUrl != null) {
      baseUrl = baseUrl.strip();
      while (baseUrl.endsWith("/")) {
        baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
      }
      if (!isWebAddress(baseUrl)) {
        throw new ImportException("--base-url '" + baseUrl + "' must be an http(s) address such as https://example.org");
      }
    }
    if (media != null && !isWebAddress(media) && !Files.isDirectory(Path.of(media))) {
      throw new ImportException("--media '" + media + "' is neither a folder nor an http(s) address");
    }
  }

  /** An import with the defaults: no map, no media, a real run. */
  public static ImportRequest of(Platform platform, Path file) {
    return new ImportRequest(platform, file, null, null, null, false, false, DEFAULT_CONNECTIONS, DEFAULT_TIMEOUT);
  }

  boolean mediaFromWeb() {
    return media != null && isWebAddress(media);
  }

  static boolean isWebAddress(String text) {
    try {
      URI uri = URI.create(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
