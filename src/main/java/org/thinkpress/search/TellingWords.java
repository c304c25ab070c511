package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The words of a piece that "Other materials" may compare it by: the terms of its standfirst and
 * body, in its language's analyzer, that occur at least {@value #MIN_FREQUENCY} times in the first
 * {@value #MAX_TOKENS} words and have at least {@value #MIN_LENGTH} characters, each with its
 * count. Computed once when the piece is indexed and kept as a binary doc value
 * ({@link Fields#TELLING_WORDS}), so that a publication page need neither read nor analyse the
 * body: which of these words are telling (rare enough in the index) is decided at query time,
 * from the index's current statistics, as Lucene's MoreLikeThis does.
 */
final class TellingWords {

  static final int MAX_TOKENS = 600;
  static final int MIN_FREQUENCY = 2;
  static final int MIN_LENGTH = 3;

  private TellingWords() {}

  /** The candidate words of a text and their counts, in term order: for a piece the index does not hold (yet). */
  static Map<String, Integer> of(Analyzer analyzer, String field, String text) {
    Map<String, Integer> counts = new TreeMap<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      int tokens = 0;
      while (stream.incrementToken() && ++tokens <= MAX_TOKENS) {
        if (term.length() >= MIN_LENGTH) {
          counts.merge(term.toString(), 1, Integer::sum);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory failed", e);
    }
    counts.values().removeIf(count -> count < MIN_FREQUENCY);
    return counts;
  }

  /**
   * The words of the text an indexed field is analysed from, noted while the index analyses it
   * (no second analysis): {@link #counting} wraps the field's token stream, and the doc value
   * field it returns takes its value when the index reads it, which it does after the text field
   * when it comes later in the document.
   */
  static final class Counter {
    /** Counts by word, looked up from the term's characters: most tokens repeat a word already seen. */
    private final CharArrayMap<int[]> counts = new CharArrayMap<>(256, false);
    private final BinaryDocValuesField field = new BinaryDocValuesField(Fields.TELLING_WORDS, new BytesRef()) {
      @Override
      public BytesRef binaryValue() {
        Map<String, Integer> words = new TreeMap<>();
        counts.forEach((word, count) -> {
          if (count[0] >= MIN_FREQUENCY) {
            words.put(word instanceof char[] chars ? new String(chars) : word.toString(), count[0]);
          }
        });
        return encode(words);
      }
    };

    TokenStream counting(TokenStream stream) {
      return new TokenFilter(stream) {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private int tokens;

        @Override
        public boolean incrementToken() throws IOException {
          if (!input.incrementToken()) {
            return false;
          }
          if (++tokens <= MAX_TOKENS && term.length() >= MIN_LENGTH) {
            int[] count = counts.get(term.buffer(), 0, term.length());
            if (count == null) {
              counts.put(term.toString(), new int[] {1});
            } else {
              count[0]++;
            }
          }
          return true;
        }

        @Override
        public void reset() throws IOException {
          super.reset();
          tokens = 0;
          counts.clear();
        }
      };
    }

    /** To be added to the document after the field whose stream {@link #counting} wrapped. */
    BinaryDocValuesField field() {
      return field;
    }
  }

  private static BytesRef encode(Map<String, Integer> words) {
    try {
      ByteBuffersDataOutput out = new ByteBuffersDataOutput();
      out.writeVInt(words.size());
      for (Map.Entry<String, Integer> word : words.entrySet()) {
        out.writeString(word.getKey());
        out.writeVInt(word.getValue());
      }
      return new BytesRef(out.toArrayCopy());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
  }

  /** A word and how often the piece uses it. */
  record Word(String text, int count) {}

  /** The words kept for a document, in term order; {@code null} if it has none kept (an index built by other code). */
  static List<Word> read(LeafReader leaf, int doc) throws IOException {
    BinaryDocValues values = leaf.getBinaryDocValues(Fields.TELLING_WORDS);
    if (values == null || !values.advanceExact(doc)) {
      return null;
    }
    BytesRef bytes = values.binaryValue();
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int size = in.readVInt();
    List<Word> words = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      words.add(new Word(in.readString(), in.readVInt()));
    }
    return words;
  }

  static List<Word> asList(Map<String, Integer> counts) {
    List<Word> words = new ArrayList<>(counts.size());
    counts.forEach((text, count) -> words.add(new Word(text, count)));
    return words;
  }
}
