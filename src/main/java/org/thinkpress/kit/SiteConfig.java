package org.thinkpress.kit;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.ZoneId;
import org.thinkpress.content.PublicationTypes;

/**
 * How the public site behaves, from the configuration file and environment.
 *
 * @param baseUrl the public address of the site, used in canonical links, feeds and the sitemap
 *     ({@code https://example.org}, no trailing slash)
 * @param language the site's main language, for its own pages (home, listings) and messages
 * @param zone the time zone dates are shown in, and yearly archives are cut in
 * @param pageSize how many pieces a listing page shows
 * @param htmlMaxAgeSeconds how long browsers and CDNs may reuse a page without asking again
 * @param cacheMaxBytes the most memory rendered pages may take in the page cache
 * @param types the publication types, in listing order
 */
public record SiteConfig(URI baseUrl, String language, ZoneId zone, int pageSize, int htmlMaxAgeSeconds,
                         long cacheMaxBytes, PublicationTypes types) {

  public SiteConfig {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(language, "language");
    requireNonNull(zone, "zone");
    requireNonNull(types, "types");
    String url = baseUrl.toString();
    if (url.endsWith("/")) {
      baseUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }

  /** The absolute URL of a site path such as {@code /publications/x}. */
  public String absolute(String path) {
    return baseUrl + path;
  }

  public boolean isHttps() {
    return "https".equalsIgnoreCase(baseUrl.getScheme());
  }
}
