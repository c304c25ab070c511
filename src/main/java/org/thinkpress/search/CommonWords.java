package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The words of each language that a piece's body uses so often that a phrase of two of them would
 * make a search read most of the index's positions, and the pairs of such words indexed as one
 * term ("common grams", as in Lucene's {@code CommonGramsFilter}) so that such a phrase is looked
 * up like a word.
 *
 * <p>A pair of neighbouring words in a body is also indexed as the term {@code "first second"}
 * when one of them is <em>very common</em> (at least {@value #VERY_COMMON_SHARE} of the words of
 * that language's bodies) and the other <em>common</em> (at least {@value #COMMON_SHARE}). Only
 * such pairs: a pair with a rarer word is found quickly through that word. The pair term sits at
 * the second word's position, so a phrase query can mix pairs and single words at their positions
 * and stay exact.
 *
 * <p>The words are learned from the first {@value #SAMPLE} published pieces when the index is
 * rebuilt (a language needs {@value #MIN_PIECES} of them), kept in the index's commit, and used by
 * the searchers of that index: the index and the queries always agree. Until the next rebuild new
 * pieces are indexed with the same words.
 */
final class CommonWords {

  static final double VERY_COMMON_SHARE = 0.01;
  static final double COMMON_SHARE = 0.001;
  /** Pieces read to learn the words, and the words read of each. */
  static final int SAMPLE = 2_000;
  static final int SAMPLE_TOKENS = 1_000;
  static final int MIN_PIECES = 200;
  /** Bounds on the sets, whatever the content. */
  static final int MAX_VERY_COMMON = 40;
  static final int MAX_COMMON = 400;

  static final CommonWords NONE = new CommonWords(Map.of(), Map.of());

  private final Map<String, CharArraySet> veryCommon;
  private final Map<String, CharArraySet> common;

  private CommonWords(Map<String, CharArraySet> veryCommon, Map<String, CharArraySet> common) {
    this.veryCommon = veryCommon;
    this.common = common;
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
    Map<String, CharArraySet> veryCommon = new HashMap<>();
    Map<String, CharArraySet> common = new HashMap<>();
    counts.forEach((key, words) -> {
      if (pieces.get(key) < MIN_PIECES) {
        return;
      }
      long total = tokens.get(key);
      List<Map.Entry<String, Integer>> byCount = new ArrayList<>(words.entrySet());
      byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      List<String> top = new ArrayList<>();
      List<String> frequent = new ArrayList<>();
      for (Map.Entry<String, Integer> word : byCount) {
        double share = word.getValue() / (double) total;
        if (share < COMMON_SHARE || frequent.size() == MAX_COMMON) {
          break;
        }
        frequent.add(word.getKey());
        if (share >= VERY_COMMON_SHARE && top.size() < MAX_VERY_COMMON) {
          top.add(word.getKey());
        }
      }
      if (!top.isEmpty()) {
        veryCommon.put(key, new CharArraySet(top, false));
        common.put(key, new CharArraySet(frequent, false));
      }
    });
    return new CommonWords(veryCommon, common);
  }

  boolean isEmpty() {
    return veryCommon.isEmpty();
  }

  /** As kept in the index's commit: {@code key:very common words|common words}, one key per line. */
  String encode() {
    StringBuilder out = new StringBuilder();
    for (String key : Analyzers.KEYS) {
      if (veryCommon.containsKey(key)) {
        out.append(key).append(':').append(join(veryCommon.get(key))).append('|').append(join(common.get(key)))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String join(CharArraySet words) {
    List<String> list = new ArrayList<>();
    words.forEach(word -> list.add(new String((char[]) word)));
    list.sort(null);
    return String.join(" ", list);
  }

  /** The words {@link #encode} wrote; none for {@code null} (an index built before there were any). */
  static CommonWords decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return NONE;
    }
    Map<String, CharArraySet> veryCommon = new HashMap<>();
    Map<String, CharArraySet> common = new HashMap<>();
    for (String line : encoded.split("\n")) {
      int colon = line.indexOf(':');
      int bar = line.indexOf('|');
      if (colon < 0 || bar < colon) {
        continue;
      }
      String key = line.substring(0, colon);
      veryCommon.put(key, new CharArraySet(List.of(line.substring(colon + 1, bar).split(" ")), false));
      common.put(key, new CharArraySet(List.of(line.substring(bar + 1).split(" ")), false));
    }
    return new CommonWords(veryCommon, common);
  }

  private boolean pairs(String key, char[] first, int firstLength, char[] second, int secondLength) {
    CharArraySet top = veryCommon.get(key);
    CharArraySet frequent = common.get(key);
    return top.contains(first, 0, firstLength) && frequent.contains(second, 0, secondLength)
        || frequent.contains(first, 0, firstLength) && top.contains(second, 0, secondLength);
  }

  /** The term of a pair of words. */
  static String pairTerm(String first, String second) {
    return first + ' ' + second;
  }

  /** {@code stream} (a body's analysis in {@code key}'s analyzer) with the pair terms added; itself when {@code key} has no common words. */
  TokenStream withPairs(String key, TokenStream stream) {
    if (!veryCommon.containsKey(key)) {
      return stream;
    }
    return new TokenFilter(stream) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
      private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
      private final TypeAttribute type = addAttribute(TypeAttribute.class);
      private char[] previous = new char[32];
      private int previousLength = -1;
      private final StringBuilder pending = new StringBuilder();
      private int pendingStart;
      private int pendingEnd;

      @Override
      public boolean incrementToken() throws IOException {
        if (pending.length() > 0) { // the pair after its second word, at the same position and offsets
          clearAttributes();
          term.setEmpty().append(pending);
          increment.setPositionIncrement(0);
          offset.setOffset(pendingStart, pendingEnd);
          type.setType("pair");
          pending.setLength(0);
          return true;
        }
        if (!input.incrementToken()) {
          return false;
        }
        char[] current = term.buffer();
        int length = term.length();
        if (previousLength >= 0 && increment.getPositionIncrement() == 1
            && pairs(key, previous, previousLength, current, length)) {
          pending.append(previous, 0, previousLength).append(' ').append(current, 0, length);
          pendingStart = offset.startOffset();
          pendingEnd = offset.endOffset();
        }
        if (previous.length < length) {
          previous = new char[Math.max(length, previous.length * 2)];
        }
        System.arraycopy(current, 0, previous, 0, length);
        previousLength = length;
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        previousLength = -1;
        pending.setLength(0);
      }
    };
  }

  /**
   * The query for a phrase in {@code key}'s body field with the pairs the index holds in place of
   * their words (a single term when the phrase is one pair); {@code null} when no pair applies,
   * and the phrase is to be built as Lucene does.
   */
  Query phrase(String key, String field, Analyzer analyzer, String text) {
    if (!veryCommon.containsKey(key)) {
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
    // the terms by position: a pair at its second word's position, the words no pair covers at theirs
    java.util.TreeMap<Integer, List<Term>> byPosition = new java.util.TreeMap<>();
    boolean[] covered = new boolean[words.size()];
    for (int i = 1; i < words.size(); i++) {
      char[] first = words.get(i - 1).toCharArray();
      char[] second = words.get(i).toCharArray();
      if (positions.get(i) == positions.get(i - 1) + 1 && pairs(key, first, first.length, second, second.length)) {
        byPosition.computeIfAbsent(positions.get(i), p -> new ArrayList<>())
            .add(new Term(field, pairTerm(words.get(i - 1), words.get(i))));
        covered[i - 1] = true;
        covered[i] = true;
      }
    }
    if (byPosition.isEmpty()) {
      return null;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!covered[i]) {
        byPosition.computeIfAbsent(positions.get(i), p -> new ArrayList<>()).add(new Term(field, words.get(i)));
      }
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    int count = 0;
    Term only = null;
    for (Map.Entry<Integer, List<Term>> at : byPosition.entrySet()) {
      for (Term term : at.getValue()) {
        phrase.add(term, at.getKey());
        only = term;
        count++;
      }
    }
    return count == 1 ? new TermQuery(only) : phrase.build();
  }
}
