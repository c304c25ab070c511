package org.thinkpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.search.SearchIndex.FacetedSearcher;

/**
 * "Other materials" from the index: pieces whose text is like this one's (its most telling words,
 * chosen as Lucene's MoreLikeThis would from the words kept when it was indexed: {@link
 * TextLikeness}, {@link TellingWords}), or that share its topics, regions or
 * experts, with a mild preference for the piece's language and for recent pieces. Never the piece
 * itself, nor one of its translations. The same index always gives the same choice.
 *
 * <p>Scores add up as: text similarity as a fraction of the piece's similarity to itself (0 to
 * about 1) times {@value #TEXT}, plus {@value #TOPIC} per shared topic, {@value #EXPERT} per shared
 * expert, {@value #REGION} per shared region, {@value #LANGUAGE} for the same language, and up to
 * {@value #RECENCY} for recency: the full amount for a piece as new as the newest in the index,
 * half for one {@value #HALF_LIFE_DAYS} days older (age counts from the newest piece, not from
 * today, so the same content gives the same order tomorrow). A candidate must share some text or
 * some taxonomy. Every part is additive and every clause sits in one flat disjunction, which lets
 * Lucene skip pieces that cannot reach the top (block-max scoring); leaving out the piece, its
 * translations and pieces that share nothing is checked on the few best hits instead.
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
    if (searcher.facetValues == null || limit <= 0) {
      return List.of();
    }
    BooleanQuery.Builder sharing = new BooleanQuery.Builder();
    for (TextLikeness.Weighted word : text(searcher, publication)) {
      sharing.add(new BoostQuery(word.query(), word.weight()), Occur.SHOULD);
    }
    Taxonomy names = taxonomy.get();
    names.topics(publication.topicIds()).forEach(t -> sharing.add(facet(Fields.TOPIC_DIM, t.slug(), TOPIC), Occur.SHOULD));
    names.experts(publication.expertIds()).forEach(e -> sharing.add(facet(Fields.EXPERT_DIM, e.slug(), EXPERT), Occur.SHOULD));
    names.regions(publication.regionIds()).forEach(r -> sharing.add(
        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.OWN_REGION, r.slug()))), REGION), Occur.SHOULD));
    BooleanQuery shared = sharing.build();
    if (shared.clauses().isEmpty()) {
      return List.of();
    }
    // One flat disjunction, which Lucene scores with block-max skipping; what it cannot say (the
    // piece and its translations left out, something shared) is checked on the few best hits.
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    shared.clauses().forEach(flat::add);
    flat.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.LANGUAGE, publication.language()))),
        LANGUAGE), Occur.SHOULD);
    flat.add(LongPoint.newDistanceFeatureQuery(Fields.PUBLISHED, RECENCY, searcher.newestPublished,
        HALF_LIFE_DAYS * 86_400_000L), Occur.SHOULD);
    return best(searcher, flat.build(), shared, publication, limit);
  }

  /**
   * The best {@code limit} hits of {@code query} that are neither the piece nor a translation of
   * it and match {@code shared}: the top few are fetched, and more only when too many of them
   * fail. By score alone, so that Lucene can skip pieces that cannot make the top (ties: index
   * order); the hit count is not needed.
   */
  private static List<PublicationSummary> best(FacetedSearcher searcher, Query query, Query shared,
                                               Publication publication, int limit) throws IOException {
    Weight sharing = null;
    for (int wanted = limit + 4; ; wanted *= 4) {
      TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, null, wanted));
      int[] ids = new int[top.scoreDocs.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = top.scoreDocs[i].doc;
      }
      List<PublicationSummary> chosen = new ArrayList<>(limit);
      List<PublicationSummary> summaries = Summaries.read(searcher, ids);
      for (int i = 0; i < ids.length && chosen.size() < limit; i++) {
        PublicationSummary hit = summaries.get(i);
        if (hit.id() == publication.id() || org.thinkpress.content.PublicationTypes.isPage(hit.type()) // pages are no "other materials"
            || publication.translationGroup() != null && publication.translationGroup().equals(hit.translationGroup())) {
          continue;
        }
        // language and recency alone score at most their sum: above it, something is shared
        if (top.scoreDocs[i].score <= (LANGUAGE + RECENCY) * 1.001f) {
          if (sharing == null) {
            sharing = searcher.createWeight(searcher.rewrite(shared), ScoreMode.COMPLETE_NO_SCORES, 1f);
          }
          if (!matches(searcher, sharing, ids[i])) {
            continue;
          }
        }
        chosen.add(hit);
      }
      if (chosen.size() == limit || ids.length < wanted) {
        return chosen;
      }
    }
  }

  private static boolean matches(FacetedSearcher searcher, Weight weight, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Scorer scorer = weight.scorer(leaf);
    return scorer != null && scorer.iterator().advance(doc - leaf.docBase) == doc - leaf.docBase;
  }

  /**
   * The piece's most telling words in its own language's body field, each weighted so that the
   * piece's own text scores {@value #TEXT}; empty if there are none. The words are those kept
   * when the piece was indexed; a piece not in the index (yet) has its text analysed now.
   */
  private List<TextLikeness.Weighted> text(FacetedSearcher searcher, Publication publication) throws IOException {
    String field = Fields.body(Analyzers.keyOf(publication.language()));
    LeafReaderContext leaf = null;
    int doc = -1;
    TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, Long.toString(publication.id()))), 1);
    List<TellingWords.Word> words = null;
    if (self.scoreDocs.length > 0) {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      leaf = leaves.get(ReaderUtil.subIndex(self.scoreDocs[0].doc, leaves));
      doc = self.scoreDocs[0].doc - leaf.docBase;
      words = TellingWords.read(leaf.reader(), doc);
    }
    if (words == null) {
      String content = publication.standfirst() + "\n\n" + HtmlText.of(publication.bodyHtml());
      words = TellingWords.asList(TellingWords.of(analyzers.forKey(Analyzers.keyOf(publication.language())), field,
          content));
    }
    List<TextLikeness.Weighted> chosen = TextLikeness.choose(searcher, field, words);
    if (chosen.isEmpty()) {
      return chosen;
    }
    float normaliser = TextLikeness.selfScore(searcher, chosen, leaf, doc);
    if (normaliser <= 0) {
      return List.of();
    }
    return chosen.stream().map(w -> new TextLikeness.Weighted(w.query(), w.weight() * TEXT / normaliser)).toList();
  }

  private static Query facet(String dim, String value, float weight) {
    Term term = DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, value);
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), weight);
  }
}
