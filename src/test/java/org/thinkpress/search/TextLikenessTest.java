package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of a piece's words {@link TextLikeness} lets speak for it: words in fewer than two pieces
 * never; in an index of a thousand pieces or more, not words in more than a tenth of them either.
 */
class TextLikenessTest {

  @TempDir
  Path folder;

  private static final List<TellingWords.Word> WORDS = List.of(
      new TellingWords.Word("alpha", 6), // in 11 % of the pieces
      new TellingWords.Word("beta", 3), // in 9 %
      new TellingWords.Word("gamma", 4), // in one piece
      new TellingWords.Word("delta", 2)); // in five

  @Test
  void inALargeIndexWordsInMoreThanATenthOfThePiecesAreLeftOut() throws Exception {
    assertThat(chosenFrom(1_200)).containsExactly("delta", "beta");
  }

  @Test
  void inASmallIndexNoWordIsTooCommon() throws Exception {
    assertThat(chosenFrom(900)).containsExactly("alpha", "delta", "beta");
  }

  /** The words chosen in an index of {@code pieces} pieces with the words in the shares above, most telling (count times rarity) first. */
  private List<String> chosenFrom(int pieces) throws Exception {
    try (SearchIndex index = SearchIndex.open(folder, new Analyzers())) {
      for (int i = 0; i < pieces; i++) {
        StringBuilder text = new StringBuilder("text");
        if (i < pieces * 11 / 100) {
          text.append(" alpha");
        }
        if (i >= pieces / 2 && i < pieces / 2 + pieces * 9 / 100) {
          text.append(" beta");
        }
        if (i == 7) {
          text.append(" gamma");
        }
        if (i % 100 == 3 && i < 500) {
          text.append(" delta");
        }
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Integer.toString(i), Field.Store.NO));
        doc.add(new TextField(Fields.body("en"), text.toString(), Field.Store.NO));
        index.add(doc);
      }
      index.commit(Map.of(SearchIndex.VERSION_KEY, "1"));
      index.refresh();
      return index.withSearcher(searcher -> TextLikeness.choose(searcher, Fields.body("en"), WORDS)).stream()
          .map(word -> word.query().getTerm().text()).toList();
    }
  }
}
