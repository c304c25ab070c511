package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.junit.jupiter.api.Test;

/**
 * What {@link NotedWords} notes of a text as it passes (pairs of common words and their counts,
 * telling words) equals what a plain reading of the same analysis finds, for texts with more
 * distinct words and pairs than its tables start with, and again when its stream is reused.
 */
class NotedWordsTest {

  private final Analyzers analyzers = new Analyzers();

  /** Words drawn with Zipf's law from {@code vocabulary} words, some of them stop words the analyzer removes. */
  private static String text(Random random, int words, int vocabulary) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int rank = (int) Math.min(vocabulary - 1, Math.floor(Math.pow(vocabulary + 1, random.nextDouble())) - 1);
      text.append(rank % 50 == 7 ? "the" : "w" + rank).append(i % 13 == 12 ? ". " : " ");
    }
    return text.toString();
  }

  @Test
  void pairsAndTellingWordsAreThoseOfThePlainAnalysis() throws IOException {
    Random random = new Random(5);
    WordClasses classes = classesLearned(random, 400, 3_000);
    // the texts below need words of every class, so that each way two words pair is met
    java.util.Set<Integer> classesMet = new java.util.TreeSet<>();
    for (int rank = 0; rank < 3_000; rank++) {
      classesMet.add(classes.classOf("w" + rank));
    }
    assertThat(classesMet).containsExactly(0, 1, 2, 3);
    assertThat(classes.classOf("w0")).isEqualTo(3);
    assertThat(classes.classOf("the")).as("a stop word, never read").isZero();
    Analyzer analyzer = analyzers.forKey("en");
    String field = Fields.body("en");
    int pairsSeen = 0;
    // from a few words to many more distinct words and pairs than the tables' first sizes (128)
    for (int length : new int[] {0, 1, 2, 40, 1_000, 5_000, 20_000}) {
      String text = text(random, length, length < 1_000 ? 3_000 : 30_000);
      NotedWords noted = new NotedWords(classes, 16);
      readAll(noted.noting(analyzer.tokenStream(field, text)));
      Map<String, Integer> expectedPairs = plainPairs(analyzer, field, text, classes);
      assertThat(pairs(noted.pairsField(Fields.pairs("en"), CommonWords.PAIRS))).as("pairs of %d words", length)
          .isEqualTo(expectedPairs);
      assertThat(noted.tellingField().binaryValue())
          .as("telling words of %d words", length)
          .isEqualTo(TellingWords.encode(TellingWords.of(analyzer, field, text)));
      pairsSeen += expectedPairs.size();
    }
    assertThat(pairsSeen).isGreaterThan(1_000);
  }

  @Test
  void aReusedStreamStartsAfresh() throws IOException {
    Random random = new Random(8);
    WordClasses classes = classesLearned(random, 300, 500);
    Analyzer analyzer = analyzers.forKey("en");
    String field = Fields.body("en");
    NotedWords noted = new NotedWords(classes, 16);
    TokenStream stream = noted.noting(analyzer.tokenStream(field, text(random, 3_000, 500)));
    readAll(stream);
    String second = text(random, 700, 500);
    // the index resets a field's stream before reading it; what an earlier reading noted is gone
    TokenStream again = noted.noting(analyzer.tokenStream(field, second));
    readAll(again);
    assertThat(pairs(noted.pairsField(Fields.pairs("en"), CommonWords.PAIRS)))
        .isEqualTo(plainPairs(analyzer, field, second, classes));
    assertThat(noted.tellingField().binaryValue())
        .isEqualTo(TellingWords.encode(TellingWords.of(analyzer, field, second)));
  }

  @Test
  void withoutClassesNothingPairsButTellingWordsAreNoted() throws IOException {
    Analyzer analyzer = analyzers.forKey("en");
    String text = "grain grain grain corridor corridor ports. Grain exports";
    NotedWords noted = new NotedWords(null, 16);
    readAll(noted.noting(analyzer.tokenStream(Fields.body("en"), text)));
    assertThat(pairs(noted.pairsField(Fields.pairs("en"), CommonWords.PAIRS))).isEmpty();
    assertThat(TellingWords.encode(new java.util.TreeMap<>(Map.of("corridor", 2, "grain", 4))))
        .isEqualTo(noted.tellingField().binaryValue());
  }

  /** The English word classes learned from 300 texts of {@code words} words drawn from {@code vocabulary}. */
  private WordClasses classesLearned(Random random, int words, int vocabulary) {
    List<Map.Entry<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sample.add(Map.entry("en", text(random, words, vocabulary)));
    }
    return CommonWords.learn(analyzers, sample).classesOf("en");
  }

  /** Reads a stream through, as the index does. */
  static void readAll(TokenStream stream) throws IOException {
    try (stream) {
      stream.reset();
      while (stream.incrementToken()) {
        // the index reads the stream; the filter notes what passes
      }
      stream.end();
    }
  }

  /** The pairs a field's stream hands the index, with their frequencies. */
  private static Map<String, Integer> pairs(Field pairsField) throws IOException {
    Map<String, Integer> pairs = new HashMap<>();
    try (TokenStream stream = pairsField.tokenStream(null, null)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TermFrequencyAttribute frequency = stream.addAttribute(TermFrequencyAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        assertThat(pairs.put(term.toString(), frequency.getTermFrequency())).as("each pair once").isNull();
      }
      stream.end();
    }
    return pairs;
  }

  /** Pairs counted from the analysis by hand: neighbouring words whose classes pair. */
  private static Map<String, Integer> plainPairs(Analyzer analyzer, String field, String text,
                                                 WordClasses classes) throws IOException {
    Map<String, Integer> pairs = new HashMap<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      String previous = null;
      while (stream.incrementToken()) {
        String word = term.toString();
        if (previous != null && increment.getPositionIncrement() == 1
            && CommonWords.pairs(classOf(classes, previous), classOf(classes, word))) {
          pairs.merge(CommonWords.pairTerm(previous, word), 1, Integer::sum);
        }
        previous = word;
      }
      stream.end();
    }
    return pairs;
  }

  private static int classOf(WordClasses classes, String word) {
    return classes.classOf(word);
  }
}
