package org.thinkpress.content;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The slugs a site page may not have. Pages live at the site's root ({@code /about}), beside every
 * route's first path segment; a page named after one would be shadowed by that route, or shadow
 * it. Two- and three-letter slugs are kept for the home pages of languages ({@code /ru/},
 * {@code /hy/}). {@code site.PageSlugsTest} holds this list against the routes the running server
 * registers, so a new feature's route that is missing here fails a test.
 */
public final class PageSlugs {

  /** Every first path segment a route of the site, the admin, the API or a feature uses, or soon will. */
  public static final Set<String> RESERVED = Set.of(
      "publications", "topics", "regions", "experts", "archive", "types", "languages", "search", "subscribe",
      "unsubscribe", "subscription", "preferences", "confirm", "admin", "api", "media", "assets", "preview", "email", "feed",
      "atom", "rss", "robots", "favicon", "things", "pages", "p", "tag", "category", "author", "wp-content",
      "wp-admin", "uploads", "static", "well-known", "health", "login", "logout");

  /** Language tags: {@code en}, {@code ru}, {@code hy}, {@code fil}. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private PageSlugs() {}

  /** Whether a page may be called this (the slug itself is checked by {@link Slugs}). */
  public static boolean isFree(String slug) {
    return !RESERVED.contains(slug) && !slug.startsWith("sitemap") && !LANGUAGE.matcher(slug).matches();
  }

  /** Returns the slug, or an {@link InvalidContentException} that names it and says why it is taken. */
  public static String require(String slug) {
    if (LANGUAGE.matcher(slug).matches()) {
      throw new InvalidContentException("the page slug '" + slug + "' is kept for a language's home page (/" + slug
          + "/): choose a slug of at least four characters");
    }
    if (!isFree(slug)) {
      throw new InvalidContentException("the page slug '" + slug + "' is reserved: /" + slug
          + " is an address of the site itself; choose another slug");
    }
    return slug;
  }
}
