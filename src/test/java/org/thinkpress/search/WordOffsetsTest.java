package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * What {@link NotedWords} records of where a body's words are ({@link WordOffsets}) gives, for
 * every position the index gives a word, that word's offsets in the analysis, and nothing for the
 * positions of dropped stop words: for texts in each language, with long words, long gaps,
 * characters outside the Basic Multilingual Plane and runs of stop words.
 */
class WordOffsetsTest {

  private final Analyzers analyzers = new Analyzers();

  private record Word(int position, int start, int end) {}

  /** The positions and offsets the index itself reads from the analysis. */
  private static List<Word> plain(Analyzer analyzer, String field, String text) throws IOException {
    List<Word> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        words.add(new Word(position, offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    }
    return words;
  }

  private static WordOffsets.Table recorded(NotedWords noted, Analyzer analyzer, String field, String text)
      throws IOException {
    NotedWordsTest.readAll(noted.noting(analyzer.tokenStream(field, text)));
    return WordOffsets.Table.decode(noted.offsetsField().binaryValue());
  }

  private static void assertSame(WordOffsets.Table table, List<Word> words, String text) {
    int last = words.isEmpty() ? -1 : words.get(words.size() - 1).position();
    assertThat(table.positions()).isEqualTo(last + 1);
    int next = 0;
    for (int position = 0; position <= last + 2; position++) {
      if (next < words.size() && words.get(next).position() == position) {
        Word word = words.get(next++);
        assertThat(new int[] {table.start(position), table.end(position)}).as("position %d of %s", position, text)
            .containsExactly(word.start(), word.end());
      } else {
        assertThat(new int[] {table.start(position), table.end(position)}).as("position %d", position)
            .containsExactly(-1, -1);
      }
    }
  }

  @Test
  void eachPositionHasItsWordsOffsetsAndDroppedWordsHaveNone() throws IOException {
    String longWord = "Pneumonoultramicroscopicsilicovolcanoconiosis-and-antidisestablishmentarianism";
    String[][] texts = {
        {"en", ""},
        {"en", "The"},
        {"en", "Ports resumed exports of wheat and maize after the insurers returned to the market."},
        {"en", "It is not that it was the one: of the, by the, to the " + "policy. 😀 drought " + longWord},
        {"en", "gap" + " ".repeat(300) + "—".repeat(200) + "after\n\nthe   break 𝒜𝒷𝒸 and"},
        {"ru", "Переговоры о границах и не только: в Ереване и в Баку ждут новых встреч."},
        {"hy", "Հայաստանը և Ադրբեջանը բանակցում են սահմանների շուրջ։"},
        {Analyzers.OTHER, "Sakartvelo ენერგეტიკა და ტრანზიტი — transit fees."},
    };
    for (String[] text : texts) {
      Analyzer analyzer = analyzers.forKey(text[0]);
      String field = Fields.body(text[0]);
      WordOffsets.Table table = recorded(new NotedWords(null, 4, true), analyzer, field, text[1]);
      assertSame(table, plain(analyzer, field, text[1]), text[1]);
    }
  }

  @Test
  void longTextsAndAReusedStreamKeepEveryWordsOffsets() throws IOException {
    Random random = new Random(11);
    Analyzer analyzer = analyzers.forKey("en");
    String field = Fields.body("en");
    String[] stop = {"the", "of", "and", "to", "in", "a"};
    NotedWords noted = new NotedWords(null, 16, true); // read again for each text, as the index reuses a stream
    for (int words : new int[] {3_000, 10, 20_000}) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < words; i++) {
        text.append(random.nextInt(3) == 0 ? stop[random.nextInt(stop.length)] : "w" + random.nextInt(5_000));
        text.append(random.nextInt(20) == 0 ? ".\n\n" : " ".repeat(1 + random.nextInt(2)));
      }
      WordOffsets.Table table = recorded(noted, analyzer, field, text.toString());
      List<Word> plain = plain(analyzer, field, text.toString());
      assertSame(table, plain, "a text of " + words + " words");
      for (Word word : plain) {
        assertThat(text.substring(word.start(), word.end())).startsWith("w");
      }
    }
  }
}
