package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
 * count. Noted once while the index analyses the piece ({@link NotedWords}) and kept as a binary doc value
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

  /** The value of the telling words field: the words in term order, each with its count. */
  static BytesRef encode(Map<String, Integer> words) {
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
