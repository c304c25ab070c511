package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The words of each language that a piece's body uses so often that a phrase with them would make
 * a search read much of the index's positions, and the pairs of neighbouring words indexed as one
 * term ("common grams", as in Lucene's {@code CommonGramsFilter}) so that such a phrase is looked
 * up like a word.
 *
 * <p>Each language's words fall in three classes by their share of the words of its bodies:
 * <em>very common</em> (at least {@value #VERY_COMMON_SHARE}), <em>common</em> (at least
 * {@value #COMMON_SHARE}) and <em>middling</em> (at least {@value #MIDDLING_SHARE}). Two
 * neighbouring words of a body are also indexed as the pair {@code "first second"} when one is
 * very common and the other at least middling, or both are common. Other phrases are found
 * quickly through their rarer word: a word rarer than middling is in at most a few pieces in a
 * hundred.
 *
 * <p>Titles are paired the same way in their language's title field, and the neutral field
 * ({@link Fields#ALL}, title and standfirst) by every language's classes at once, since neither
 * that field nor a query says its language.
 *
 * <p>Pairs go in fields of their own ({@link Fields#pairs}, {@link Fields#titlePairs},
 * {@link Fields#ALL_PAIRS}): each pair a piece has, once, with how often it occurs as its
 * frequency, without positions. A phrase of two words that pair is a term of that field, which
 * ranks like a word; a longer phrase stays a phrase of its text field and is asked only of the
 * pieces that have all its pairs.
 *
 * <p>The words are learned from the first {@value #SAMPLE} published pieces when the index is
 * rebuilt (a language needs {@value #MIN_PIECES} of them), kept in the index's commit, and used by
 * the searchers of that index: the index and the queries always agree. Until the next rebuild new
 * pieces are indexed with the same words.
 */
final class CommonWords {

  static final double VERY_COMMON_SHARE = 0.01;
  static final double COMMON_SHARE = 0.001;
  static final double MIDDLING_SHARE = 0.0001;
  /** Pieces read to learn the words, and the words read of each. */
  static final int SAMPLE = 2_000;
  static final int SAMPLE_TOKENS = 1_000;
  static final int MIN_PIECES = 200;
  /** Bounds on the classes, whatever the content (they bound the number of different pairs). */
  static final int MAX_VERY_COMMON = 40;
  static final int MAX_COMMON = 400;
  static final int MAX_MIDDLING = 3_000;

  /** The classes, the higher the more common; 0 is any other word. */
  private static final int MIDDLING = 1;
  private static final int COMMON = 2;
  private static final int VERY = 3;
  private static final double[] SHARES = {0, MIDDLING_SHARE, COMMON_SHARE, VERY_COMMON_SHARE};
  private static final int[] LIMITS = {0, MAX_MIDDLING, MAX_COMMON, MAX_VERY_COMMON};

  static final CommonWords NONE = new CommonWords(Map.of());

  /** Per language key, the words of each class: index 0 very common, 1 common, 2 middling. */
  private final Map<String, List<List<String>>> words;
  /** Per language key, each learned word's class: one lookup per word read. */
  private final Map<String, WordClasses> classes = new HashMap<>();

  /** Every language's words, each in its highest class: for the neutral field, whose pieces and queries do not say their language. */
  private final WordClasses anyClasses;

  private CommonWords(Map<String, List<List<String>>> words) {
    this.words = words;
    Map<String, Integer> any = new HashMap<>();
    words.forEach((key, lists) -> {
      Map<String, Integer> keyClasses = new HashMap<>();
      for (int i = 0; i < lists.size(); i++) {
        for (String word : lists.get(i)) {
          keyClasses.put(word, VERY - i);
          any.merge(word, VERY - i, Math::max);
        }
      }
      classes.put(key, new WordClasses(keyClasses));
    });
    this.anyClasses = new WordClasses(any);
  }

  /** The words of each language key, learned from {@code sample}: each piece's key and its standfirst and body. */
  static CommonWords learn(Analyzers analyzers, List<Map.Entry<String, String>> sample) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    Map<String, Integer> pieces = new HashMap<>();
    Map<String, Long> tokens = new HashMap<>();
    for (Map.Entry<String, String> piece : sample) {
      String key = piece.getKey();
      Map<String, Integer> keyCounts = counts.computeIfAbsent(key, k -> new HashMap<>());
      pieces.merge(key, 1, Integer::sum);
      try (TokenStream stream = analyzers.forKey(key).tokenStream(Fields.body(key), piece.getValue())) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        int read = 0;
        while (read < SAMPLE_TOKENS && stream.incrementToken()) {
          keyCounts.merge(term.toString(), 1, Integer::sum);
          read++;
        }
        stream.end();
        tokens.merge(key, (long) read, Long::sum);
      } catch (IOException e) {
        throw new UncheckedIOException("analysing text in memory failed", e);
      }
    }
    Map<String, List<List<String>>> learned = new HashMap<>();
    counts.forEach((key, keyCounts) -> {
      if (pieces.get(key) < MIN_PIECES) {
        return;
      }
      long total = tokens.get(key);
      List<Map.Entry<String, Integer>> byCount = new ArrayList<>(keyCounts.entrySet());
      byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      List<List<String>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (Map.Entry<String, Integer> word : byCount) {
        double share = word.getValue() / (double) total;
        int wordClass = VERY;
        while (wordClass > 0 && (share < SHARES[wordClass] || lists.get(VERY - wordClass).size() == LIMITS[wordClass])) {
          wordClass--;
        }
        if (wordClass == 0) {
          break;
        }
        lists.get(VERY - wordClass).add(word.getKey());
      }
      if (!lists.get(0).isEmpty()) { // without a very common word, no phrase is slow enough to need pairs
        learned.put(key, lists);
      }
    });
    return new CommonWords(learned);
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  /** As kept in the index's commit: {@code key:very common|common|middling}, words sorted, one key per line. */
  String encode() {
    StringBuilder out = new StringBuilder();
    for (String key : Analyzers.KEYS) {
      List<List<String>> lists = words.get(key);
      if (lists != null) {
        out.append(key).append(':');
        for (int i = 0; i < lists.size(); i++) {
          List<String> sorted = new ArrayList<>(lists.get(i));
          sorted.sort(null);
          out.append(i == 0 ? "" : "|").append(String.join(" ", sorted));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The words {@link #encode} wrote; none for {@code null} (an index built before there were any). */
  static CommonWords decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return NONE;
    }
    Map<String, List<List<String>>> decoded = new HashMap<>();
    for (String line : encoded.split("\n")) {
      int colon = line.indexOf(':');
      String[] parts = colon < 0 ? new String[0] : line.substring(colon + 1).split("\\|", -1);
      if (parts.length != 3) {
        continue;
      }
      List<List<String>> lists = new ArrayList<>();
      for (String part : parts) {
        lists.add(part.isEmpty() ? List.of() : List.of(part.split(" ")));
      }
      decoded.put(line.substring(0, colon), lists);
    }
    return new CommonWords(decoded);
  }

  /** Whether two neighbouring words of these classes are indexed as a pair: one very common and the other at least middling, or both common. */
  static boolean pairs(int first, int second) {
    int lower = Math.min(first, second);
    return lower >= COMMON || lower == MIDDLING && Math.max(first, second) == VERY;
  }

  /** The term of a pair of words. */
  static String pairTerm(String first, String second) {
    return first + ' ' + second;
  }

  /**
   * The class of each common word of {@code key}, to pair the words of its bodies and titles by
   * ({@link NotedWords}); {@code null} when {@code key} has no common words.
   */
  WordClasses classesOf(String key) {
    return classes.get(key);
  }

  /**
   * Every language's common words, each in its highest class, to pair the words of the neutral
   * field ({@link Fields#ALL}) by; {@code null} when there are no common words.
   */
  WordClasses anyClasses() {
    return isEmpty() ? null : anyClasses;
  }

  /** A pairs field: each pair once per piece with its frequency; no positions, so no phrase can be asked of it directly. */
  static final FieldType PAIRS = pairsType();

  /** The pairs of a title or of the neutral field: without norms (these texts are short, and most pieces' pairs are few or none). */
  static final FieldType SHORT_PAIRS = pairsType(true);

  private static FieldType pairsType() {
    return pairsType(false);
  }

  private static FieldType pairsType(boolean omitNorms) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setOmitNorms(omitNorms);
    type.freeze();
    return type;
  }

  /** The language keys that have pairs fields. */
  java.util.Set<String> keys() {
    return classes.keySet();
  }

  /**
   * The query for a phrase in {@code key}'s body {@code field} that pairs make cheap; {@code null}
   * when none of its neighbouring words pairs, and the phrase is to be asked as Lucene does. A
   * phrase of two words that pair is a term of the pairs field; a longer one stays the body's
   * phrase query, asked only of the pieces that have every pair it contains.
   */
  Query phrase(String key, String field, Analyzer analyzer, String text) {
    return phrase(classes.get(key), Fields.pairs(key), field, analyzer, text);
  }

  /** As {@link #phrase}, for {@code key}'s title field. */
  Query titlePhrase(String key, String field, Analyzer analyzer, String text) {
    return phrase(classes.get(key), Fields.titlePairs(key), field, analyzer, text);
  }

  /** As {@link #phrase}, for the neutral field ({@link Fields#ALL}). */
  Query neutralPhrase(Analyzer analyzer, String text) {
    return phrase(isEmpty() ? null : anyClasses, Fields.ALL_PAIRS, Fields.ALL, analyzer, text);
  }

  private static Query phrase(WordClasses keyClasses, String pairsField, String field, Analyzer analyzer,
                              String text) {
    if (keyClasses == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() == 0) {
          return null; // stacked words (no analyzer here makes them): as Lucene does
        }
        position += increment.getPositionIncrement();
        words.add(term.toString());
        positions.add(position);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory failed", e);
    }
    java.util.Set<Term> pairTerms = new java.util.LinkedHashSet<>();
    for (int i = 1; i < words.size(); i++) {
      if (positions.get(i) == positions.get(i - 1) + 1
          && pairs(keyClasses.classOf(words.get(i - 1)), keyClasses.classOf(words.get(i)))) {
        pairTerms.add(new Term(pairsField, pairTerm(words.get(i - 1), words.get(i))));
      }
    }
    if (pairTerms.isEmpty()) {
      return null;
    }
    if (words.size() == 2) {
      return new TermQuery(pairTerms.iterator().next());
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      phrase.add(new Term(field, words.get(i)), positions.get(i));
    }
    BooleanQuery.Builder paired = new BooleanQuery.Builder().add(phrase.build(), BooleanClause.Occur.MUST);
    pairTerms.forEach(pair -> paired.add(new TermQuery(pair), BooleanClause.Occur.FILTER));
    return paired.build();
  }
}
