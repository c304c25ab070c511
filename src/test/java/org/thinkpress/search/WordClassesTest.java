package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link WordClasses} answers as a plain map of the same words would, colliding hashes included. */
class WordClassesTest {

  @Test
  void eachWordHasItsClassAndOtherWordsNone() {
    Random random = new Random(3);
    Map<String, Integer> classes = new HashMap<>();
    while (classes.size() < 3_000) {
      StringBuilder word = new StringBuilder();
      for (int i = 0, length = 1 + random.nextInt(9); i < length; i++) {
        word.append((char) ('a' + random.nextInt(6)));
      }
      classes.put(word.toString(), 1 + random.nextInt(3));
    }
    // "Aa" and "BB" (and their concatenations) have the same hash: only one of each pair is a common word
    classes.put("Aa", 3);
    classes.put("AaAa", 2);
    classes.put("ещё", 1);
    WordClasses table = new WordClasses(classes);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder word = new StringBuilder();
      for (int i = 0, length = 1 + random.nextInt(10); i < length; i++) {
        word.append((char) ('a' + random.nextInt(7)));
      }
      String asked = word.toString();
      assertThat(table.classOf(asked)).as(asked).isEqualTo(classes.getOrDefault(asked, 0));
    }
    classes.forEach((word, wordClass) -> assertThat(table.classOf(word)).as(word).isEqualTo(wordClass));
    assertThat("BB".hashCode()).isEqualTo("Aa".hashCode());
    assertThat(table.classOf("BB")).isZero();
    assertThat(table.classOf("AaBB")).isZero();
    assertThat(table.classOf("BBBB")).isZero();
    assertThat(table.classOf("")).isZero();
    char[] buffer = "ещё и ещё".toCharArray(); // a word at the start of a longer buffer, as a token's
    assertThat(table.classOf(buffer, 3, WordClasses.hash(buffer, 3))).isEqualTo(1);
    assertThat(WordClasses.hash(buffer, 3)).isEqualTo("ещё".hashCode());
  }

  @Test
  void anEmptyTableKnowsNoWord() {
    WordClasses table = new WordClasses(Map.of());
    assertThat(table.classOf("the")).isZero();
    assertThat(table.classOf("")).isZero();
  }
}
