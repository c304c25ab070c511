package org.thinkpress.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link UserQuery} into a Lucene query. Each word or phrase must occur (words that are a
 * stop word in one of the languages, such as "the" or "и", may), in any of these fields, and
 * counts by the field that holds it best (see {@link #part}):
 *
 * <ul>
 *   <li>the title in each language's analyzer (weight {@value #TITLE}),
 *   <li>standfirst and body in each language's analyzer (weight 1),
 *   <li>the names of experts, topics and regions (weight {@value #NAMES}), unstemmed and, name by
 *       name, in the analyzer of the name's language (a topic's Russian name in the Russian one),
 *   <li>everything, unstemmed, in the neutral field (weight {@value #ALL}), so that a word in any
 *       script finds a piece even where no stemmer knows it.
 * </ul>
 *
 * A query is analyzed with every language's analyzer because it does not say its language; a
 * Russian word analyzed as English simply matches nothing in the English fields.
 */
final class QueryFactory {

  static final float TITLE = 3f;
  static final float NAMES = 1.5f;
  static final float ALL = 0.4f;

  private final Analyzers analyzers;
  private final List<String> fields = new ArrayList<>();
  private final List<Float> weights = new ArrayList<>();
  private final List<QueryBuilder> builders = new ArrayList<>();
  /** Per field, how its phrases are asked with pairs of common words ({@link CommonWords}), if they can be. */
  private final List<Paired> paired = new ArrayList<>();

  /** A field's query for a phrase, asked with its pairs; {@code null} when no pair applies (or the field has none). */
  private interface Paired {
    Query phrase(CommonWords words, String text);
  }

  QueryFactory(Analyzers analyzers) {
    this.analyzers = analyzers;
    for (String key : Analyzers.KEYS) {
      Analyzer analyzer = analyzers.forKey(key);
      String title = Fields.title(key);
      String body = Fields.body(key);
      add(title, TITLE, analyzer, (words, text) -> words.titlePhrase(key, title, analyzer, text));
      add(body, 1f, analyzer, (words, text) -> words.phrase(key, body, analyzer, text));
    }
    add(Fields.NAMES, NAMES, analyzers.neutral(), (words, text) -> null);
    for (String key : Analyzers.KEYS) {
      if (!key.equals(Analyzers.OTHER)) {
        add(Fields.names(key), NAMES, analyzers.forKey(key), (words, text) -> null);
      }
    }
    add(Fields.ALL, ALL, analyzers.neutral(), (words, text) -> words.neutralPhrase(analyzers.neutral(), text));
  }

  private void add(String field, float weight, Analyzer analyzer, Paired pairs) {
    paired.add(pairs);
    fields.add(field);
    weights.add(weight);
    builders.add(new QueryBuilder(analyzer));
  }

  /**
   * The query for a reader's input; everything when the input has no words (an empty box), and
   * nothing when it has words but none that any analyzer keeps (only punctuation).
   */
  Query build(UserQuery query, CommonWords words) {
    if (query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder bool = new BooleanQuery.Builder();
    int positive = 0;
    for (UserQuery.Part part : query.parts()) {
      Query clause = part(part.text(), words);
      if (clause == null) {
        continue;
      }
      if (part.excluded()) {
        bool.add(clause, Occur.MUST_NOT);
      } else {
        bool.add(clause, !part.phrase() && isStopWordSomewhere(part.text()) ? Occur.SHOULD : Occur.MUST);
        positive++;
      }
    }
    if (positive == 0) {
      if (query.positive().isEmpty()) {
        bool.add(new MatchAllDocsQuery(), Occur.MUST); // only exclusions: everything but them
      } else {
        return new MatchNoDocsQuery("no searchable words");
      }
    }
    return bool.build();
  }

  /**
   * The query for search as you type: the last word, unless it is part of a phrase or followed by a
   * space, may also be the start of a word of a title.
   */
  Query buildForPrefix(UserQuery query, boolean lastWordComplete, CommonWords words) {
    List<UserQuery.Part> parts = query.parts();
    if (parts.isEmpty() || lastWordComplete) {
      return build(query, words);
    }
    UserQuery.Part last = parts.get(parts.size() - 1);
    if (last.phrase() || last.excluded()) {
      return build(query, words);
    }
    String prefix = neutralTerm(last.text());
    Query rest = build(new UserQuery(query.text(), parts.subList(0, parts.size() - 1)), words);
    Query whole = part(last.text(), words);
    BooleanQuery.Builder lastWord = new BooleanQuery.Builder();
    if (whole != null) {
      lastWord.add(whole, Occur.SHOULD);
    }
    if (prefix != null && prefix.length() >= 2) {
      lastWord.add(new PrefixQuery(new Term(Fields.TITLE, prefix)), Occur.SHOULD);
    }
    BooleanQuery lastQuery = lastWord.build();
    if (lastQuery.clauses().isEmpty()) {
      return rest;
    }
    BooleanQuery.Builder bool = new BooleanQuery.Builder().add(lastQuery, Occur.MUST);
    if (parts.size() > 1) {
      bool.add(rest, Occur.MUST);
    }
    return bool.build();
  }

  /**
   * The words and phrases a reader asked for, in one language key's body field only: what a
   * snippet of a piece in that language highlights. Everything when none of them is in that field,
   * so that the snippet is the piece's first passage, as for an empty query.
   */
  Query forBody(UserQuery query, String key) {
    QueryBuilder builder = new QueryBuilder(analyzers.forKey(key));
    BooleanQuery.Builder bool = new BooleanQuery.Builder();
    for (UserQuery.Part part : query.positive()) {
      Query words = builder.createPhraseQuery(Fields.body(key), part.text());
      if (words != null) {
        bool.add(words, Occur.SHOULD);
      }
    }
    BooleanQuery built = bool.build();
    return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
  }

  /**
   * A word or phrase in every field, scored by the field that holds it best (the others add
   * nothing: a disjunction-max without tie-breaker, as Solr's edismax does by default); {@code
   * null} when no analyzer keeps any of it.
   *
   * <p>Only without a tie-breaker can Lucene tell each field's scorer the lowest score that still
   * makes the page, so that ranking skips the blocks of pieces that cannot reach it: with one, a
   * common word's search scored every piece holding it (most of the index), and a phrase's
   * counted every occurrence of its words in every one of them.
   */
  Query part(String text, CommonWords words) {
    List<Query> alternatives = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Query query = paired.get(i).phrase(words, text);
      if (query == null) {
        query = builders.get(i).createPhraseQuery(fields.get(i), text);
      }
      if (query != null) {
        alternatives.add(weights.get(i) == 1f ? query : new BoostQuery(query, weights.get(i)));
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    return new DisjunctionMaxQuery(alternatives, 0f);
  }

  /** Whether a language's analyzer drops this word: a word as common as "the" need not occur. */
  private boolean isStopWordSomewhere(String word) {
    for (String key : Analyzers.KEYS) {
      if (key.equals(Analyzers.OTHER)) {
        continue;
      }
      if (new QueryBuilder(analyzers.forKey(key)).createPhraseQuery(Fields.body(key), word) == null) {
        return true;
      }
    }
    return false;
  }

  /** The word as the neutral analyzer writes it (lower case, accents folded), or {@code null}. */
  private String neutralTerm(String word) {
    Query query = new QueryBuilder(analyzers.neutral()).createPhraseQuery(Fields.TITLE, word);
    if (query instanceof org.apache.lucene.search.TermQuery term) {
      return term.getTerm().text();
    }
    return null;
  }
}
