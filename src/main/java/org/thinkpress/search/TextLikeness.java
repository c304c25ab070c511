package org.thinkpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.thinkpress.search.SearchIndex.FacetedSearcher;

/**
 * The text side of "Other materials": a piece's most telling words, weighted, as Lucene's
 * MoreLikeThis chooses them (each candidate word's count in the piece times its inverse document
 * frequency in the piece's language field; words in fewer than two pieces, or, in an index of a
 * thousand pieces or more, in more than a tenth of them, left out; the best {@value #MAX_TERMS}
 * kept), but from the words kept at index time ({@link TellingWords}) rather than from the body
 * analysed again, and with each word's statistics looked up once.
 *
 * <p>The words are returned as separate weighted term queries so that the caller can put them in
 * one flat disjunction with its other clauses, which Lucene scores with block-max skipping.
 */
final class TextLikeness {

  static final int MAX_TERMS = 15;
  static final int MIN_DOC_FREQ = 2;
  static final int MAX_DOC_FREQ_PERCENT = 10;
  /** Below this many pieces every word's frequency is noise, and no word is too common to keep. */
  static final int MIN_DOCS_FOR_MAX_DOC_FREQ = 1_000;

  private static final ClassicSimilarity IDF = new ClassicSimilarity();

  private TextLikeness() {}

  /** A chosen word: its query (carrying its index statistics) and its weight relative to the others. */
  record Weighted(TermQuery query, float weight) {}

  private record Candidate(String word, float score) {}

  /** The best words of {@code words} in {@code field}, most telling first; empty if none qualifies. */
  static List<Weighted> choose(FacetedSearcher searcher, String field, List<TellingWords.Word> words)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    long maxDocFreq = reader.numDocs() >= MIN_DOCS_FOR_MAX_DOC_FREQ
        ? (long) MAX_DOC_FREQ_PERCENT * reader.maxDoc() / 100 : Long.MAX_VALUE;
    long docCount = reader.getDocCount(field);
    if (docCount == -1) {
      docCount = reader.numDocs();
    }
    PriorityQueue<Candidate> best = new PriorityQueue<>(MAX_TERMS, (a, b) -> Float.compare(a.score(), b.score()));
    for (TellingWords.Word word : words) {
      int docFreq = searcher.docFreq(new Term(field, word.text()));
      if (docFreq < MIN_DOC_FREQ || docFreq > maxDocFreq) {
        continue;
      }
      float score = word.count() * IDF.idf(docFreq, docCount);
      if (best.size() < MAX_TERMS) {
        best.add(new Candidate(word.text(), score));
      } else if (best.peek().score() < score) {
        best.poll();
        best.add(new Candidate(word.text(), score));
      }
    }
    List<Candidate> chosen = new ArrayList<>(best);
    chosen.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : a.word().compareTo(b.word()));
    List<Weighted> weighted = new ArrayList<>(chosen.size());
    float lowest = chosen.isEmpty() ? 1 : chosen.get(chosen.size() - 1).score();
    for (Candidate candidate : chosen) {
      Term term = new Term(field, candidate.word());
      weighted.add(new Weighted(new TermQuery(term, TermStates.build(searcher, term, true)), candidate.score() / lowest));
    }
    return weighted;
  }

  /** The words as one query, each with its weight. */
  static Query query(List<Weighted> words) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Weighted word : words) {
      query.add(new BoostQuery(word.query(), word.weight()), Occur.SHOULD);
    }
    return query.build();
  }

  /**
   * How well the piece itself matches its words: what "as similar as can be" scores. Scored on the
   * one document ({@code leaf}, {@code doc}), not searched for; when the piece is not in the index
   * (yet), the best match among the others stands in.
   */
  static float selfScore(FacetedSearcher searcher, List<Weighted> words, LeafReaderContext leaf, int doc)
      throws IOException {
    Query query = query(words);
    if (leaf != null) {
      Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null && scorer.iterator().advance(doc) == doc) {
        return scorer.score();
      }
    }
    TopDocs best = searcher.search(query, 1);
    return best.scoreDocs.length > 0 ? best.scoreDocs[0].score : 0;
  }
}
