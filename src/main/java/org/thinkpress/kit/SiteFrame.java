package org.thinkpress.kit;

import org.thinkpress.content.PublicationSummary;

/**
 * The frame a feature's public pages are drawn in: the site's settings, its layout (header,
 * navigation, footer, meta tags) and its publication cards, so that a search results page looks
 * like the rest of the site without the feature depending on the public pages. The public pages
 * ({@code site.SitePages}) implement it; the wiring hands it to the features.
 */
public interface SiteFrame {

  SiteConfig config();

  /**
   * The layout (head, header, navigation, footer) of a page rendered with {@code kit/layout.jte},
   * in the site's language.
   *
   * @param path the page's path with its query, for the canonical link
   * @param section the navigation section it belongs to, or {@code null}
   * @param feeds the page's feeds, or {@code null}
   * @param previousHref the previous page of a paginated list, or {@code null}
   * @param nextHref the next page, or {@code null}
   * @param noindex whether search engines should leave the page out
   */
  Views.Layout layout(String title, String description, String path, String section, Views.FeedLinks feeds,
                      String previousHref, String nextHref, boolean noindex);

  /** A publication as a card, for a page in the site's language. */
  Views.Card card(PublicationSummary summary);
}
