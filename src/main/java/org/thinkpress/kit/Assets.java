package org.thinkpress.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's static files (stylesheet, icons, demo portraits), read from the class path folder
 * {@code static/} once and kept in memory with their gzip form. The stylesheet is linked under a
 * name carrying a hash of its content ({@code site.1a2b3c4d.css}), so browsers may keep it for a
 * year and still see a new version at once.
 */
public final class Assets {

  /**
   * One folder or file name of an asset: letters, digits, dots, dashes and underscores, not
   * starting with a dot. Paths are checked a segment at a time: one pattern for the whole path
   * repeated a group per segment, and 2,000 segments overflowed the stack.
   */
  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  /** The longest asset path looked up; the real ones are far shorter. */
  static final int MAX_PATH = 200;
  private static final Pattern FINGERPRINTED = Pattern.compile("(.+)\\.([0-9a-f]{10})\\.([a-z0-9]+)");
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
      "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp", "ico", "image/x-icon",
      "woff2", "font/woff2", "txt", "text/plain; charset=utf-8");

  /** A static file as served. {@code immutable} when requested under its fingerprinted name. */
  public record Asset(RenderedPage page, boolean immutable) {}

  private final Map<String, RenderedPage> loaded = new ConcurrentHashMap<>();
  private final String stylesheetUrl;

  public Assets() {
    RenderedPage css = load("site.css").orElseThrow(() -> new IllegalStateException("static/site.css is missing"));
    this.stylesheetUrl = "/assets/site." + fingerprint(css) + ".css";
  }

  private static String fingerprint(RenderedPage page) {
    return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(page.etag().substring(1, 23))).substring(0, 10);
  }

  public String stylesheetUrl() {
    return stylesheetUrl;
  }

  /** The fingerprinted address of a static file ({@code search.js} as {@code /assets/search.1a2b3c4d5e.js}). */
  public String url(String file) {
    RenderedPage page = load(file).orElseThrow(() -> new IllegalStateException("static/" + file + " is missing"));
    int dot = file.lastIndexOf('.');
    return "/assets/" + file.substring(0, dot) + "." + fingerprint(page) + file.substring(dot);
  }

  /** The asset at {@code /assets/PATH}, if there is one. */
  public Optional<Asset> find(String path) {
    if (!isSafe(path)) {
      return Optional.empty();
    }
    Matcher fingerprinted = FINGERPRINTED.matcher(path);
    if (fingerprinted.matches()) {
      String plain = fingerprinted.group(1) + "." + fingerprinted.group(3);
      return load(plain)
          .filter(page -> fingerprint(page).equals(fingerprinted.group(2)))
          .map(page -> new Asset(page, true));
    }
    return load(path).map(page -> new Asset(page, false));
  }

  private static boolean isSafe(String path) {
    if (path == null || path.isEmpty() || path.length() > MAX_PATH || path.contains("..")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!SAFE_SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Found files are kept; misses are not, so that requests for made-up names cannot fill memory. */
  private Optional<RenderedPage> load(String path) {
    RenderedPage page = loaded.get(path);
    if (page != null) {
      return Optional.of(page);
    }
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getResourceAsStream("/static/" + path)) {
      if (in == null) {
        return Optional.empty();
      }
      page = RenderedPage.of(200, type, in.readAllBytes(), 0, 0);
      loaded.put(path, page);
      return Optional.of(page);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read static/" + path, e);
    }
  }
}
