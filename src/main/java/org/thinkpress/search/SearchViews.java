package org.thinkpress.search;

import java.util.List;
import org.thinkpress.kit.Views.Card;
import org.thinkpress.kit.Views.Link;

/** The view models of the search templates ({@code src/main/jte/search/}): plain, formatted values. */
public final class SearchViews {

  private SearchViews() {}

  /** A result: the site's card, and the passage that matched. */
  public record Result(Card card, Snippet snippet) {}

  /** A value of a facet, as a link that adds it to the filters or takes it away. */
  public record FacetLink(String href, String label, String count, boolean selected, String language) {}

  /** A facet dimension with its values; {@code id} names its heading. */
  public record FacetGroup(String id, String heading, List<FacetLink> values) {}

  /** An order the results can be shown in; {@code href} is {@code null} for the current one. */
  public record OrderLink(String href, String label) {}

  /**
   * The search page.
   *
   * @param query the text in the search box
   * @param hidden the filters and order kept when the form is sent again, as name and value
   * @param summary how many pieces match, in words
   * @param removals links that each remove one filter
   * @param position "Page 2 of 5", or {@code null} when there is one page
   */
  public record SearchPage(String heading, String query, List<Link> hidden, String summary, List<Result> results,
                           List<FacetGroup> facets, List<Link> removals, List<OrderLink> orders, String position,
                           String previousHref, String nextHref, String feedHref, String scriptUrl, String emptyText) {}
}
