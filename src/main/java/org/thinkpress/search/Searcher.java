package org.thinkpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.FixedBitSet;
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

  /**
   * A page of a search and the counts of all its hits, in two passes. The first finds every hit of
   * the query without filters and without scoring (no word frequencies, no phrase counted past its
   * first occurrence in a piece) and counts total and facets from it ({@link FacetValues}). The
   * second ranks the hits that pass the filters for the page only: by relevance Lucene skips the
   * pieces whose best possible score cannot make the page, by date those too old to.
   */
  SearchResults search(SearchRequest request) {
    UserQuery query = UserQuery.parse(request.query());
    return index.withSearcher(searcher -> {
      if (searcher.facetValues == null) {
        return new SearchResults(request, query.text(), 0, 1, 1, List.of(), List.of());
      }
      Query base = lookedUp(searcher, queries.build(query, searcher.commonWords));
      FacetValues.Counted counted = searcher.facetValues.count(matches(searcher, base), request.filters());
      long total = counted.total();
      int pageCount = (int) Math.max(1, Math.min(SearchRequest.MAX_PAGE, (total + pageSize - 1) / pageSize));
      int page = Math.min(request.page(), pageCount); // past the end: the last page instead of an empty one
      List<Hit> shown = List.of();
      if (total > 0) {
        int wanted = page * pageSize;
        TopDocs hits = searcher.search(drillDown(base, request.filters()),
            new TopFieldCollectorManager(request.byDate() ? BY_DATE : BY_RELEVANCE, wanted, null, wanted, false));
        shown = hits(searcher, query, hits.scoreDocs, (page - 1) * pageSize);
      }
      List<Facet> facets = new ArrayList<>();
      for (int d = 0; d < SearchRequest.DIMENSIONS.size(); d++) {
        facets.add(facet(SearchRequest.DIMENSIONS.get(d), d, counted, request));
      }
      return new SearchResults(request, query.text(), total, page, pageCount, shown, facets);
    });
  }

  /**
   * {@code query} with each of its words looked up once in the searcher's index, for both passes
   * (each pass would otherwise look every word up again in every segment), and the words that no
   * piece has in a field left out: a query word is asked for in ten fields, and most of them
   * (other languages', mostly) never hold it. Scores are unchanged: the statistics are the ones
   * Lucene would look up.
   */
  static Query lookedUp(IndexSearcher searcher, Query query) throws IOException {
    if (query instanceof TermQuery term) {
      TermStates states = TermStates.build(searcher, term.getTerm(), true);
      return states.docFreq() == 0 ? new MatchNoDocsQuery("no piece has it") : new TermQuery(term.getTerm(), states);
    }
    if (query instanceof BoostQuery boost) {
      Query inner = lookedUp(searcher, boost.getQuery());
      return inner instanceof MatchNoDocsQuery ? inner : new BoostQuery(inner, boost.getBoost());
    }
    if (query instanceof DisjunctionMaxQuery max) {
      List<Query> kept = new ArrayList<>();
      for (Query disjunct : max.getDisjuncts()) {
        Query looked = lookedUp(searcher, disjunct);
        if (!(looked instanceof MatchNoDocsQuery)) {
          kept.add(looked);
        }
      }
      return kept.isEmpty() ? new MatchNoDocsQuery("no piece has it")
          : new DisjunctionMaxQuery(kept, max.getTieBreakerMultiplier());
    }
    if (query instanceof BooleanQuery bool) { // Lucene's rewrite then drops or obeys the clauses that match nothing
      BooleanQuery.Builder looked = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        looked.add(lookedUp(searcher, clause.getQuery()), clause.getOccur());
      }
      return looked.build();
    }
    return query;
  }

  /**
   * {@code query} for finding its hits without scoring them: each disjunction-max becomes a plain
   * disjunction, which has the same hits and which Lucene, when nothing is scored, matches a
   * window of two thousand pieces at a time (a bit set per window) instead of one piece at a time
   * through a priority queue of its fields.
   */
  static Query unscored(Query query) {
    if (query instanceof DisjunctionMaxQuery max) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Query disjunct : max.getDisjuncts()) {
        any.add(unscored(disjunct), BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
    if (query instanceof BoostQuery boost) {
      return unscored(boost.getQuery());
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder same = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        same.add(unscored(clause.getQuery()), clause.getOccur());
      }
      return same.build();
    }
    return query;
  }

  /** Every piece matching {@code query}, one bit set per leaf ({@code null} for a leaf without any). */
  static FixedBitSet[] matches(IndexSearcher searcher, Query query) throws IOException {
    FixedBitSet[] hits = new FixedBitSet[searcher.getIndexReader().leaves().size()];
    searcher.search(unscored(query), new CollectorManager<Collector, Void>() {
      @Override
      public Collector newCollector() {
        return new SimpleCollector() {
          private FixedBitSet bits;

          @Override
          protected void doSetNextReader(LeafReaderContext leaf) {
            bits = new FixedBitSet(leaf.reader().maxDoc());
            hits[leaf.ord] = bits;
          }

          @Override
          public void collect(int doc) {
            bits.set(doc);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        };
      }

      @Override
      public Void reduce(java.util.Collection<Collector> collectors) {
        return null;
      }
    });
    return hits;
  }

  /** The newest pieces matching a request, for its feed. */
  List<Hit> newest(SearchRequest request, int limit) {
    UserQuery query = UserQuery.parse(request.query());
    return index.withSearcher(searcher -> {
      if (searcher.facetValues == null) {
        return List.of();
      }
      Query base = lookedUp(searcher, queries.build(query, searcher.commonWords));
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
    return index.withSearcher(searcher -> {
      Query built = lookedUp(searcher, queries.buildForPrefix(query, complete, searcher.commonWords));
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

  /**
   * A dimension's values with hits, the most first, at most {@link #FACET_VALUES}; a chosen value
   * is always shown (with its count, 0 if no hit has it), so that it can be removed.
   */
  private static Facet facet(String dim, int d, FacetValues.Counted counted, SearchRequest request) {
    List<FacetValue> values = new ArrayList<>();
    List<String> selected = new ArrayList<>(request.filters().getOrDefault(dim, List.of()));
    for (FacetValues.Count count : counted.dimensions().get(d)) {
      if (values.size() == FACET_VALUES) {
        break;
      }
      values.add(new FacetValue(count.label(), count.count(), selected.remove(count.label())));
    }
    for (String value : selected) { // chosen, but not among the values shown
      values.add(new FacetValue(value, FacetValues.countOf(counted, d, value), true));
    }
    return new Facet(dim, values);
  }
}
