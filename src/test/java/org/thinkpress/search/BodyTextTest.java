package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The text snippets are cut from ({@link BodyText}) comes back as it was written, in any script and at any length. */
class BodyTextTest {

  @Test
  void textsComeBackWholeOrCutToTheLengthAsked() throws IOException {
    Random random = new Random(12);
    String[] alphabets = {"abcdefghij klmnop", "абвгдежзий клмноп", "աբգդեզէըթ ժիլխծ", "漢字かなカナ 한국어", "😀🎉 ✓"};
    List<String> texts = new ArrayList<>();
    texts.add("");
    texts.add("One line & <markup> that is text.");
    for (int i = 0; i < 60; i++) {
      String alphabet = alphabets[i % alphabets.length];
      int length = i == 59 ? 200_000 : random.nextInt(20_000);
      StringBuilder text = new StringBuilder();
      while (text.length() < length) {
        text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        if (random.nextInt(30) == 0) {
          text.append("\n\n");
        }
      }
      texts.add(text.toString());
    }
    try (Directory directory = new ByteBuffersDirectory();
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (int i = 0; i < texts.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField("n", Integer.toString(i), Field.Store.NO));
        if (i != 1) { // one piece without a text at all
          doc.add(BodyText.field(texts.get(i)));
        }
        writer.addDocument(doc);
        if (i % 20 == 19) {
          writer.commit(); // several segments
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        for (LeafReaderContext leaf : reader.leaves()) {
          BodyText.Reader bodies = new BodyText.Reader(leaf.reader());
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            int n = leaf.docBase + doc;
            String expected = texts.get(n);
            if (n == 1) {
              assertThat(bodies.text(doc, 50_000)).isNull();
            } else {
              assertThat(bodies.text(doc, 50_000)).isEqualTo(expected.length() > 50_000 ? expected.substring(0, 50_000) : expected);
            }
          }
        }
      }
    }
  }
}
