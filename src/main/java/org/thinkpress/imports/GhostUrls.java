package org.thinkpress.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The addresses a Ghost export holds. Ghost writes its own origin as {@code __GHOST_URL__} so that an
 * export can move to another address; this puts the old site's address back when the export says it,
 * and otherwise drops the placeholder, leaving a site-relative path ({@code /content/images/...}) for the
 * importer to resolve against {@code --base-url}. Staff profiles keep handles, not URLs
 * ({@code @handle}, {@code instance/@user}): {@link #profiles} makes them the profile pages they name.
 */
final class GhostUrls {

  static final String PLACEHOLDER = "__GHOST_URL__";

  /** The profile fields of Ghost's {@code users} table, in the order {@link #profiles} writes them. */
  static final String[] PROFILE_FIELDS = {
      "website", "twitter", "facebook", "linkedin", "bluesky", "mastodon", "threads", "instagram", "youtube", "tiktok"};

  private final String baseUrl;

  /** @param baseUrl the old site's address without a trailing slash, or {@code ""} */
  GhostUrls(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Every {@code __GHOST_URL__} in a URL or a body, replaced by the site's address or by nothing. */
  String resolve(String text) {
    return text.replace(PLACEHOLDER, baseUrl);
  }

  /**
   * A staff member's profiles by kind, as absolute URLs, in a fixed order; a field the export leaves empty
   * is left out. A value that already is a URL (older exports, hand-edited ones) is kept as it is.
   */
  Map<String, String> profiles(Map<String, String> fields) {
    Map<String, String> links = new LinkedHashMap<>();
    put(links, "website", fields.get("website"), this::resolve);
    put(links, "twitter", fields.get("twitter"), handle -> "https://x.com/" + strip(handle, "@"));
    put(links, "facebook", fields.get("facebook"), handle -> "https://www.facebook.com/" + strip(handle, "/"));
    put(links, "linkedin", fields.get("linkedin"), GhostUrls::linkedin);
    put(links, "bluesky", fields.get("bluesky"), handle -> "https://bsky.app/profile/" + strip(handle, "@"));
    put(links, "mastodon", fields.get("mastodon"), GhostUrls::mastodon);
    put(links, "threads", fields.get("threads"), handle -> "https://www.threads.net/@" + strip(handle, "@"));
    put(links, "instagram", fields.get("instagram"), handle -> "https://www.instagram.com/" + strip(handle, "@"));
    put(links, "youtube", fields.get("youtube"), handle -> "https://www.youtube.com/" + handle);
    put(links, "tiktok", fields.get("tiktok"), handle -> "https://www.tiktok.com/@" + strip(handle, "@"));
    return links;
  }

  private static void put(Map<String, String> links, String kind, String value,
                          UnaryOperator<String> toUrl) {
    Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty()).ifPresent(handle ->
        links.put(kind, handle.startsWith("https://") || handle.startsWith("http://") ? handle : toUrl.apply(handle)));
  }

  /** Ghost keeps {@code name} for a person's page and {@code company/name} or {@code school/name} for others. */
  private static String linkedin(String handle) {
    String name = strip(handle, "@");
    return "https://www.linkedin.com/" + (name.contains("/") ? name : "in/" + name);
  }

  /** Ghost 6 keeps {@code instance/@user}; Ghost 5 kept {@code @user@instance}. */
  private static String mastodon(String handle) {
    if (handle.startsWith("@") && handle.indexOf('@', 1) > 0) {
      int at = handle.indexOf('@', 1);
      return "https://" + handle.substring(at + 1) + "/" + handle.substring(0, at);
    }
    return "https://" + handle;
  }

  private static String strip(String handle, String prefix) {
    return handle.startsWith(prefix) ? handle.substring(prefix.length()) : handle;
  }
}
