package org.thinkpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.search.SearchIndex.FacetedSearcher;
import org.thinkpress.search.SearchResults.Facet;
import org.thinkpress.search.SearchResults.FacetValue;
import org.thinkpress.search.SearchResults.Hit;

/**
 * Runs searches on the index: one page of hits with snippets, and the counts of every facet over
 * all hits. Facets are counted "sideways": a dimension with a filter still shows its other values,
 * counted as if that dimension's filter were not set, so a reader can widen a choice as well as
 * narrow it.
 */
final class Searcher {

  /** How many values of each dimension the page shows at most. */
  static final int FACET_VALUES = 30;

  private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
      new SortField(Fields.PUBLISHED, SortField.Type.LONG, true), new SortField(Fields.ID, SortField.Type.LONG));
  private static final Sort BY_DATE = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true),
      new SortField(Fields.ID, SortField.Type.LONG, true));

  private final SearchIndex index;
  private final QueryFactory queries;
  private final Snippets snippets;
  private final int pageSize;

  Searcher(SearchIndex index, QueryFactory queries, Snippets snippets, int pageSize) {
    this.index = index;
    this.queries = queries;
    this.snippets = snippets;
    this.pageSize = pageSize;
  }

  SearchResults search(SearchRequest request) {
    UserQuery query = UserQuery.parse(request.query());
    Query base = queries.build(query);
    return index.withSearcher(searcher -> {
      if (searcher.facets == null) {
        return new SearchResults(request, query.text(), 0, 1, 1, List.of(), List.of());
      }
      DrillDownQuery drillDown = drillDown(base, request.filters());
      DrillSideways sideways = new DrillSideways(searcher, PieceDocuments.FACETS, searcher.facets);
      if (!request.byDate() && (System.getenv("TWO_PASS") != null || query.positive().stream().anyMatch(UserQuery.Part::phrase))) {
        return rankedApart(searcher, request, query, drillDown, sideways);
      }
      int page = request.page();
      DrillSideways.DrillSidewaysResult result = sideways.search(drillDown, null, null, page * pageSize,
          request.byDate() ? BY_DATE : BY_RELEVANCE, !request.byDate());
      long total = total(result.hits.totalHits, result.drillDownFacetsCollector);
      int pageCount = (int) Math.max(1, Math.min(SearchRequest.MAX_PAGE, (total + pageSize - 1) / pageSize));
      TopDocs hits = result.hits;
      if (page > pageCount) { // past the end: show the last page instead of an empty one
        page = pageCount;
        hits = sideways.search(drillDown, null, null, page * pageSize, request.byDate() ? BY_DATE : BY_RELEVANCE,
            !request.byDate()).hits;
      }
      List<Hit> shown = hits(searcher, query, hits.scoreDocs, (page - 1) * pageSize);
      List<Facet> facets = new ArrayList<>();
      for (String dim : SearchRequest.DIMENSIONS) {
        facets.add(facet(dim, topChildren(result.facets, dim), request));
      }
      return new SearchResults(request, query.text(), total, page, pageCount, shown, facets);
    });
  }

  /**
   * A search by relevance with a phrase: counted (total and facets) in one pass that only asks
   * whether each piece holds the phrase, and ranked in another that Lucene may cut short. Scoring
   * every hit as {@link #search} does would count each phrase's occurrences in every hit: for two
   * common words, most positions of most pieces. The second pass instead skips the pieces that
   * cannot make the page (see {@link QueryFactory#part}). Same hits, counts and order as one pass
   * scoring every hit. Searches without a phrase stay in one pass: for words, a second pass cost
   * more than it saved (docs/benchmarks.md, 2026-11-30).
   */
  private SearchResults rankedApart(FacetedSearcher searcher, SearchRequest request, UserQuery query,
                                    DrillDownQuery drillDown, DrillSideways sideways) throws IOException {
    DrillSideways.ConcurrentDrillSidewaysResult<Integer> counted =
        sideways.search(drillDown, new TotalHitCountCollectorManager());
    long total = counted.collectorResult;
    int pageCount = (int) Math.max(1, Math.min(SearchRequest.MAX_PAGE, (total + pageSize - 1) / pageSize));
    int page = Math.min(request.page(), pageCount); // past the end: the last page instead of an empty one
    int wanted = page * pageSize;
    TopDocs hits = searcher.search(drillDown, new TopFieldCollectorManager(BY_RELEVANCE, wanted, null, wanted, false));
    List<Hit> shown = hits(searcher, query, hits.scoreDocs, (page - 1) * pageSize);
    List<Facet> facets = new ArrayList<>();
    for (String dim : SearchRequest.DIMENSIONS) {
      facets.add(facet(dim, topChildren(counted.facets, dim), request));
    }
    return new SearchResults(request, query.text(), total, page, pageCount, shown, facets);
  }

  /** The newest pieces matching a request, for its feed. */
  List<Hit> newest(SearchRequest request, int limit) {
    UserQuery query = UserQuery.parse(request.query());
    Query base = queries.build(query);
    return index.withSearcher(searcher -> {
      if (searcher.facets == null) {
        return List.of();
      }
      TopDocs top = searcher.search(drillDown(base, request.filters()), limit, BY_DATE);
      return hits(searcher, query, top.scoreDocs, 0);
    });
  }

  /** Titles for search as you type: the best few, the last word also read as the start of a word. */
  List<PublicationSummary> suggest(String text, int limit) {
    UserQuery query = UserQuery.parse(text);
    if (query.isBlank()) {
      return List.of();
    }
    boolean complete = text.endsWith(" ") || text.endsWith("\"");
    Query built = queries.buildForPrefix(query, complete);
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(built, limit, BY_RELEVANCE);
      int[] ids = new int[top.scoreDocs.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = top.scoreDocs[i].doc;
      }
      return Summaries.read(searcher, ids);
    });
  }

  private static DrillDownQuery drillDown(Query base, Map<String, List<String>> filters) {
    DrillDownQuery drillDown = new DrillDownQuery(PieceDocuments.FACETS, base);
    filters.forEach((dim, values) -> values.forEach(value -> drillDown.add(dim, value)));
    return drillDown;
  }

  private List<Hit> hits(FacetedSearcher searcher, UserQuery query, ScoreDoc[] scoreDocs, int from) throws IOException {
    int count = Math.max(0, scoreDocs.length - from);
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = scoreDocs[from + i].doc;
    }
    List<PublicationSummary> summaries = Summaries.read(searcher, ids);
    List<String> keys = summaries.stream().map(summary -> Analyzers.keyOf(summary.language())).toList();
    List<Snippet> found = snippets.of(searcher, key -> queries.forBody(query, key), ids, keys);
    List<Hit> hits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      hits.add(new Hit(summaries.get(i), found.get(i)));
    }
    return hits;
  }

  /** The counted values of a dimension; {@code null} when no piece in the index has one. */
  private static FacetResult topChildren(Facets counted, String dim) throws IOException {
    try {
      return counted.getTopChildren(FACET_VALUES, dim);
    } catch (IllegalArgumentException dimensionNotIndexed) {
      return null;
    }
  }

  /** Exact even when the collector stopped counting, from the facet collector that saw every hit. */
  private static long total(TotalHits totalHits, FacetsCollector drillDown) {
    if (totalHits.relation == TotalHits.Relation.EQUAL_TO || drillDown == null) {
      return totalHits.value;
    }
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : drillDown.getMatchingDocs()) {
      total += docs.totalHits;
    }
    return total;
  }

  private static Facet facet(String dim, FacetResult result, SearchRequest request) {
    List<FacetValue> values = new ArrayList<>();
    List<String> selected = new ArrayList<>(request.filters().getOrDefault(dim, List.of()));
    if (result != null) {
      for (LabelAndValue value : result.labelValues) {
        values.add(new FacetValue(value.label, value.value.longValue(), selected.remove(value.label)));
      }
    }
    for (String value : selected) { // chosen, but no hit has it: still shown, so it can be removed
      values.add(new FacetValue(value, 0, true));
    }
    return new Facet(dim, values);
  }
}
