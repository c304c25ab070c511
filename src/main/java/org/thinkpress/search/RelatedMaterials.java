package org.thinkpress.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.search.SearchIndex.FacetedSearcher;
import org.thinkpress.site.OtherMaterials;

/**
 * "Other materials" from the index: pieces whose text is like this one's (Lucene's MoreLikeThis
 * on standfirst and body, in the piece's own language), or that share its topics, regions or
 * experts, with a mild preference for the piece's language and for recent pieces. Never the piece
 * itself, nor one of its translations. The same index always gives the same choice.
 *
 * <p>Scores add up as: text similarity as a fraction of the piece's similarity to itself (0 to
 * about 1) times {@value #TEXT}, plus {@value #TOPIC} per shared topic, {@value #EXPERT} per shared
 * expert, {@value #REGION} per shared region, {@value #LANGUAGE} for the same language, and up to
 * {@value #RECENCY} for recency: the full amount for a piece as new as the newest in the index,
 * half for one {@value #HALF_LIFE_DAYS} days older (age counts from the newest piece, not from
 * today, so the same content gives the same order tomorrow). A candidate must share some text or
 * some taxonomy. Every part is additive, which lets Lucene skip pieces that cannot reach the top.
 */
final class RelatedMaterials implements OtherMaterials {

  private static final Logger log = LoggerFactory.getLogger(RelatedMaterials.class);

  static final float TEXT = 1f;
  static final float TOPIC = 0.2f;
  static final float EXPERT = 0.2f;
  static final float REGION = 0.15f;
  static final float LANGUAGE = 0.15f;
  static final float RECENCY = 0.15f;
  static final int HALF_LIFE_DAYS = 365;
  /** The piece's most telling words that the text query keeps, read from its first {@link #MAX_TOKENS} words. */
  static final int MAX_TERMS = 15;
  static final int MAX_TOKENS = 600;
  /** How long a page waits for the index to catch up with a write it has already seen. */
  static final long WAIT_FOR_INDEX_MILLIS = 1_000;

  private final SearchIndex index;
  private final Analyzers analyzers;
  private final IndexFollower follower;
  private final LongSupplier contentVersion;
  private final java.util.function.Supplier<Taxonomy> taxonomy;

  RelatedMaterials(SearchIndex index, Analyzers analyzers, IndexFollower follower, LongSupplier contentVersion,
                   java.util.function.Supplier<Taxonomy> taxonomy) {
    this.index = index;
    this.analyzers = analyzers;
    this.follower = follower;
    this.contentVersion = contentVersion;
    this.taxonomy = taxonomy;
  }

  /**
   * Waits (briefly) for the index to reflect the content version this node has seen, so that a
   * page rendered just after a write, and then cached for that version, does not show stale
   * materials.
   */
  @Override
  public List<PublicationSummary> forPublication(Publication publication, int limit) {
    long version = contentVersion.getAsLong();
    if (!follower.awaitVersion(version, WAIT_FOR_INDEX_MILLIS)) {
      log.warn("The search index is behind content version {}; other materials may be out of date", version);
    }
    return index.withSearcher(searcher -> related(searcher, publication, limit));
  }

  List<PublicationSummary> related(FacetedSearcher searcher, Publication publication, int limit) throws IOException {
    if (searcher.facets == null || limit <= 0) {
      return List.of();
    }
    Query text = textQuery(searcher, publication);
    BooleanQuery.Builder shared = new BooleanQuery.Builder();
    if (text != null) {
      float normaliser = selfScore(searcher, text, publication);
      if (normaliser > 0) {
        shared.add(new BoostQuery(text, TEXT / normaliser), Occur.SHOULD);
      }
    }
    Taxonomy names = taxonomy.get();
    names.topics(publication.topicIds()).forEach(t -> shared.add(facet(Fields.TOPIC_DIM, t.slug(), TOPIC), Occur.SHOULD));
    names.experts(publication.expertIds()).forEach(e -> shared.add(facet(Fields.EXPERT_DIM, e.slug(), EXPERT), Occur.SHOULD));
    names.regions(publication.regionIds()).forEach(r -> shared.add(
        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.OWN_REGION, r.slug()))), REGION), Occur.SHOULD));
    BooleanQuery sharing = shared.build();
    if (sharing.clauses().isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder candidates = new BooleanQuery.Builder()
        .add(sharing, Occur.MUST)
        .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.LANGUAGE, publication.language()))),
            LANGUAGE), Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.ID, Long.toString(publication.id()))), Occur.MUST_NOT);
    if (publication.translationGroup() != null) {
      candidates.add(new TermQuery(new Term(Fields.GROUP, publication.translationGroup())), Occur.MUST_NOT);
    }
    candidates.add(LongPoint.newDistanceFeatureQuery(Fields.PUBLISHED, RECENCY, searcher.newestPublished,
        HALF_LIFE_DAYS * 86_400_000L), Occur.SHOULD);
    // By score alone, so that Lucene can skip pieces that cannot make the top (ties: index order);
    // the hit count is not needed, so skipping may begin as soon as the first `limit` are found.
    TopDocs top = searcher.search(candidates.build(), new TopScoreDocCollectorManager(limit, null, limit));
    int[] ids = new int[top.scoreDocs.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = top.scoreDocs[i].doc;
    }
    return Summaries.read(searcher, ids);
  }

  /** The piece's most telling words, weighted, in its own language's body field; {@code null} if none. */
  private Query textQuery(FacetedSearcher searcher, Publication publication) throws IOException {
    String field = Fields.body(Analyzers.keyOf(publication.language()));
    MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
    like.setAnalyzer(analyzers.perField());
    like.setFieldNames(new String[] {field});
    like.setMinTermFreq(2);
    like.setMinDocFreq(2);
    like.setMinWordLen(3);
    like.setMaxQueryTerms(MAX_TERMS);
    like.setMaxNumTokensParsed(MAX_TOKENS);
    if (searcher.getIndexReader().numDocs() >= 1_000) {
      // in a large index, words found in more than a fifth of the pieces say little about any one
      // piece and cost the most to search; in a small one every word's frequency is noise anyway
      like.setMaxDocFreqPct(20);
    }
    like.setBoost(true);
    String content = publication.standfirst() + "\n\n" + HtmlText.of(publication.bodyHtml());
    Query query = like.like(field, new StringReader(content));
    return query instanceof BooleanQuery bool && bool.clauses().isEmpty() ? null : query;
  }

  /**
   * How well the piece matches its own text query: what "as similar as can be" scores. Scored on
   * the one document, not searched for, which would cost a second run of the query.
   */
  private static float selfScore(FacetedSearcher searcher, Query text, Publication publication) throws IOException {
    TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, Long.toString(publication.id()))), 1);
    if (self.scoreDocs.length > 0) {
      int doc = self.scoreDocs[0].doc;
      LeafReaderContext leaf = searcher.getIndexReader().leaves()
          .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
      Weight weight = searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE, 1f);
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null && scorer.iterator().advance(doc - leaf.docBase) == doc - leaf.docBase) {
        return scorer.score();
      }
    }
    TopDocs best = searcher.search(text, 1); // not indexed (yet): the best other piece stands in
    return best.scoreDocs.length > 0 ? best.scoreDocs[0].score : 0;
  }

  private static Query facet(String dim, String value, float weight) {
    Term term = DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, value);
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), weight);
  }
}
