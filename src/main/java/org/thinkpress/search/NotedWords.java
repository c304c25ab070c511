package org.thinkpress.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.util.BytesRef;

/**
 * What a piece's text field holds beyond its words' positions, noted while the index analyses it
 * ({@link #noting}) for fields that follow it in the document: the pairs of neighbouring common
 * words ({@link #pairsField}, see {@link CommonWords}), the telling words ({@link #tellingField},
 * see {@link TellingWords}) and, for a body, where each word is in the text ({@link #offsetsField},
 * see {@link WordOffsets}).
 *
 * <p>The words are kept in a table of the field's distinct words, each with its class among the
 * common words, looked up once per word rather than once per occurrence, and a pair is counted by
 * the numbers of its two words. A body of a thousand words has a few hundred distinct ones, so the
 * table stays small. It replaced three maps keyed by characters (classes, pairs, telling words),
 * which hashed each occurrence three or four times: 10 % of a rebuild's CPU under the profiler
 * before, 8 % after (docs/benchmarks.md, d083cf5).
 */
final class NotedWords {

  /** Each distinct word's class, {@code null} when the field is not paired. */
  private final WordClasses classes;
  /** Where each word is, {@code null} when not asked for. */
  private final WordOffsets.Recorder offsets;

  // the distinct words: characters one after another in chars, found by hash in slots (entry + 1, 0 when free)
  private int[] slots;
  private char[] chars;
  private int[] starts;
  private int[] lengths;
  private int[] hashes;
  private int[] wordClasses;
  /** Occurrences among the telling words' first {@link TellingWords#MAX_TOKENS} tokens (long enough words only). */
  private int[] earlyCounts;
  private int size;
  private int used;

  // the pairs: the numbers of their two words in one long, found by hash in pairSlots
  private int[] pairSlots;
  private long[] pairs;
  private int[] pairCounts;
  private int pairSize;

  /**
   * @param classes the common words' classes to pair neighbouring words by; {@code null} to note
   *     no pairs (a language without common words)
   * @param expected how many distinct words the text may have: the tables start that large
   */
  NotedWords(WordClasses classes, int expected) {
    this(classes, expected, false);
  }

  /**
   * @param offsets whether to note where each word is, for {@link #offsetsField}
   */
  NotedWords(WordClasses classes, int expected, boolean offsets) {
    this.classes = classes;
    this.offsets = offsets ? new WordOffsets.Recorder(expected * 4) : null; // words, not distinct words
    int capacity = Math.max(8, Integer.highestOneBit(expected - 1) << 1);
    slots = new int[capacity * 2];
    chars = new char[capacity * 8];
    starts = new int[capacity];
    lengths = new int[capacity];
    hashes = new int[capacity];
    wordClasses = new int[capacity];
    earlyCounts = new int[capacity];
    pairSlots = new int[capacity * 2];
    pairs = new long[capacity];
    pairCounts = new int[capacity];
  }

  /** {@code text} (a field's analysis), noting its words as the index reads it. */
  TokenStream noting(TokenStream text) {
    return new TokenFilter(text) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
      private final OffsetAttribute offset = offsets == null ? null : addAttribute(OffsetAttribute.class);
      private int previous;
      private int tokens;

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        int length = term.length();
        int word = wordOf(term.buffer(), length);
        if (++tokens <= TellingWords.MAX_TOKENS && length >= TellingWords.MIN_LENGTH) {
          earlyCounts[word]++;
        }
        if (offsets != null) {
          offsets.add(increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
        }
        if (classes != null) {
          if (previous >= 0 && increment.getPositionIncrement() == 1
              && CommonWords.pairs(wordClasses[previous], wordClasses[word])) {
            countPair(previous, word);
          }
          previous = word;
        }
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        clear();
        previous = -1;
        tokens = 0;
      }
    };
  }

  private void clear() {
    Arrays.fill(slots, 0);
    Arrays.fill(earlyCounts, 0, size, 0);
    size = 0;
    used = 0;
    Arrays.fill(pairSlots, 0);
    pairSize = 0;
    if (offsets != null) {
      offsets.clear();
    }
  }

  /** The number of the word in {@code buffer[0, length)}, added when new. */
  private int wordOf(char[] buffer, int length) {
    int hash = WordClasses.hash(buffer, length);
    int mask = slots.length - 1;
    int slot = WordClasses.mix(hash) & mask;
    while (true) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        break;
      }
      if (hashes[entry] == hash && same(entry, buffer, length)) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
    int entry = size++;
    if (entry == starts.length) {
      int grown = entry * 2;
      starts = Arrays.copyOf(starts, grown);
      lengths = Arrays.copyOf(lengths, grown);
      hashes = Arrays.copyOf(hashes, grown);
      wordClasses = Arrays.copyOf(wordClasses, grown);
      earlyCounts = Arrays.copyOf(earlyCounts, grown);
    }
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
    }
    System.arraycopy(buffer, 0, chars, used, length);
    starts[entry] = used;
    lengths[entry] = length;
    hashes[entry] = hash;
    used += length;
    if (classes != null) {
      wordClasses[entry] = classes.classOf(buffer, length, hash);
    }
    slots[slot] = entry + 1;
    if (size * 2 > slots.length) {
      slots = rehashed(slots, size, i -> WordClasses.mix(hashes[i]));
    }
    return entry;
  }

  private void countPair(int first, int second) {
    long pair = (long) first << 32 | second;
    int mask = pairSlots.length - 1;
    int slot = WordClasses.mix(Long.hashCode(pair * 0x9E3779B97F4A7C15L)) & mask;
    while (true) {
      int entry = pairSlots[slot] - 1;
      if (entry < 0) {
        break;
      }
      if (pairs[entry] == pair) {
        pairCounts[entry]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    int entry = pairSize++;
    if (entry == pairs.length) {
      pairs = Arrays.copyOf(pairs, entry * 2);
      pairCounts = Arrays.copyOf(pairCounts, entry * 2);
    }
    pairs[entry] = pair;
    pairCounts[entry] = 1;
    pairSlots[slot] = entry + 1;
    if (pairSize * 2 > pairSlots.length) {
      pairSlots = rehashed(pairSlots, pairSize, i -> WordClasses.mix(Long.hashCode(pairs[i] * 0x9E3779B97F4A7C15L)));
    }
  }

  private boolean same(int entry, char[] word, int length) {
    if (lengths[entry] != length) {
      return false;
    }
    int start = starts[entry];
    for (int i = 0; i < length; i++) {
      if (chars[start + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  /** A table twice as large holding entries {@code 0..size-1}, placed by {@code hash}. */
  private static int[] rehashed(int[] slots, int size, java.util.function.IntUnaryOperator hash) {
    int[] grown = new int[slots.length * 2];
    int mask = grown.length - 1;
    for (int entry = 0; entry < size; entry++) {
      int slot = hash.applyAsInt(entry) & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = entry + 1;
    }
    return grown;
  }

  /**
   * The pairs field ({@code name}): each pair the text has, once, with how often it has it as its
   * frequency. To be added to the document after the field whose stream {@link #noting} wrapped.
   */
  Field pairsField(String name, FieldType type) {
    return new Field(name, new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
      private int next;

      @Override
      public void reset() {
        next = 0; // the text has been read by now
      }

      @Override
      public boolean incrementToken() {
        if (next == pairSize) {
          return false;
        }
        clearAttributes();
        long pair = pairs[next];
        int first = (int) (pair >>> 32);
        int second = (int) pair;
        int firstLength = lengths[first];
        int secondLength = lengths[second];
        char[] buffer = term.resizeBuffer(firstLength + 1 + secondLength);
        System.arraycopy(chars, starts[first], buffer, 0, firstLength);
        buffer[firstLength] = ' ';
        System.arraycopy(chars, starts[second], buffer, firstLength + 1, secondLength);
        term.setLength(firstLength + 1 + secondLength);
        frequency.setTermFrequency(pairCounts[next]);
        next++;
        return true;
      }
    }, type);
  }

  /** The telling words field: to be added to the document after the field whose stream {@link #noting} wrapped. */
  BinaryDocValuesField tellingField() {
    return new BinaryDocValuesField(Fields.TELLING_WORDS, new BytesRef()) {
      @Override
      public BytesRef binaryValue() {
        Map<String, Integer> words = new TreeMap<>();
        for (int entry = 0; entry < size; entry++) {
          if (earlyCounts[entry] >= TellingWords.MIN_FREQUENCY) {
            words.put(new String(chars, starts[entry], lengths[entry]), earlyCounts[entry]);
          }
        }
        return TellingWords.encode(words);
      }
    };
  }

  /**
   * Where each word of the text is ({@link WordOffsets}): to be added to the document after the
   * field whose stream {@link #noting} wrapped, on an instance made to note offsets.
   */
  BinaryDocValuesField offsetsField() {
    if (offsets == null) {
      throw new IllegalStateException("made without offsets");
    }
    return offsets.field();
  }
}
