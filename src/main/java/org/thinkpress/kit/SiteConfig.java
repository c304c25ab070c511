package org.thinkpress.kit;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * @param languages the languages the site has an edition in (home, listings, feeds), the main
 *     one first: it keeps the plain URLs ({@code /publications}), the others are under
 *     {@code /TAG} ({@code /ru/publications}); an edition shows once some piece is in its language
 * @param untranslatedInListings whether a language's listings also show, marked with their
 *     language, the pieces that have no version in it
 */
public record SiteConfig(URI baseUrl, String language, ZoneId zone, int pageSize, int htmlMaxAgeSeconds,
                         long cacheMaxBytes, PublicationTypes types, List<String> languages,
                         boolean untranslatedInListings) {

  public SiteConfig {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(language, "language");
    requireNonNull(zone, "zone");
    requireNonNull(types, "types");
    requireNonNull(languages, "languages");
    if (!languages.contains(language)) {
      List<String> all = new ArrayList<>(List.of(language));
      all.addAll(languages);
      languages = all;
    } else if (!languages.get(0).equals(language)) {
      List<String> all = new ArrayList<>(List.of(language));
      languages.stream().filter(l -> !l.equals(language)).forEach(all::add);
      languages = all;
    }
    languages = List.copyOf(languages);
    String url = baseUrl.toString();
    if (url.endsWith("/")) {
      baseUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }

  /** A site in its main language only, showing every piece in its listings. */
  public SiteConfig(URI baseUrl, String language, ZoneId zone, int pageSize, int htmlMaxAgeSeconds,
                    long cacheMaxBytes, PublicationTypes types) {
    this(baseUrl, language, zone, pageSize, htmlMaxAgeSeconds, cacheMaxBytes, types, List.of(language), true);
  }

  /** The absolute URL of a site path such as {@code /publications/x}. */
  public String absolute(String path) {
    return baseUrl + path;
  }

  public boolean isHttps() {
    return "https".equalsIgnoreCase(baseUrl.getScheme());
  }
}
