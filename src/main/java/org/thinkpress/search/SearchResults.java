package org.thinkpress.search;

import java.util.List;
import org.thinkpress.content.PublicationSummary;

/**
 * One page of results with the facets of all of them.
 *
 * @param request what was asked, as read
 * @param queryText the text as read: cleaned and shortened, empty when there are no words
 * @param total how many pieces match, on all pages
 * @param page the page shown (the last one when the request asked for a page past it)
 * @param pageCount how many pages there are (at most {@link SearchRequest#MAX_PAGE})
 * @param hits the results on this page
 * @param facets per dimension, in {@link SearchRequest#DIMENSIONS} order, the values with their counts
 */
public record SearchResults(SearchRequest request, String queryText, long total, int page, int pageCount,
                            List<Hit> hits, List<Facet> facets) {

  public SearchResults {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
  }

  /** A matching piece and the passage that matched. */
  public record Hit(PublicationSummary summary, Snippet snippet) {}

  /** A facet dimension: its values, most frequent first, and how many matching pieces have each. */
  public record Facet(String dimension, List<FacetValue> values) {
    public Facet {
      values = List.copyOf(values);
    }
  }

  /** A value of a dimension (a slug, a type key, a year, a language tag) and its count. */
  public record FacetValue(String value, long count, boolean selected) {}
}
