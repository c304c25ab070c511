package org.thinkpress.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

/**
 * Where each word of a piece's body field is in its text ({@link BodyText}), by the word's
 * position: kept as one binary doc value per piece ({@link Fields#OFFSETS}) instead of as offsets
 * in the body's postings, for snippets to find the characters of the positions a query matched.
 *
 * <p>Offsets in the postings are written into each word's own stream as the index reads the word,
 * a thousand more writes a piece into a pool of hundreds of megabytes, then decoded and packed
 * again when a segment is written. Here a piece's offsets are appended to one small array, in the
 * order of its words, usually two bytes a word: the word's length in characters with its position
 * increment in the two low bits, then how many characters lie between it and the word before. A
 * rebuild does 3-10 % more pieces per CPU-second in a fresh JVM and 1-4 % in a warm one, for an
 * index 2 % larger (docs/benchmarks.md, 8453a5a). A search decodes the tables
 * of the pieces whose snippets it shows; searches took as long as with offsets in the postings.
 */
final class WordOffsets {

  private WordOffsets() {}

  /** Records the words of one text, in the order the analysis gives them. */
  static final class Recorder {
    private byte[] bytes;
    private int length;
    private int lastEnd;

    /** @param expectedWords how many words the text may have: the array starts that large */
    Recorder(int expectedWords) {
      bytes = new byte[Math.max(16, expectedWords * 2)];
    }

    void clear() {
      length = 0;
      lastEnd = 0;
    }

    /**
     * The next word: {@code increment} positions after the previous one (1 for the next word, more
     * after dropped stop words), at characters {@code [start, end)} of the text.
     */
    void add(int increment, int start, int end) {
      if (length + 15 > bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      int code = Math.min(increment, 3);
      writeVInt((end - start) << 2 | code);
      if (code == 3) {
        writeVInt(increment - 3);
      }
      int gap = start - lastEnd;
      writeVInt(gap << 1 ^ gap >> 31); // zig-zag: a filter may give a word that starts inside the one before
      lastEnd = end;
    }

    private void writeVInt(int value) {
      while ((value & ~0x7F) != 0) {
        bytes[length++] = (byte) (value & 0x7F | 0x80);
        value >>>= 7;
      }
      bytes[length++] = (byte) value;
    }

    /** The doc value of what was recorded; the field reads the bytes when the index writes it. */
    BinaryDocValuesField field() {
      return new BinaryDocValuesField(Fields.OFFSETS, new BytesRef()) {
        @Override
        public BytesRef binaryValue() {
          return new BytesRef(bytes, 0, length);
        }
      };
    }
  }

  /** The offsets of one piece's words, by position. */
  static final class Table {
    private final int[] starts;
    private final int[] ends;

    private Table(int[] starts, int[] ends) {
      this.starts = starts;
      this.ends = ends;
    }

    /** Decodes what a {@link Recorder} wrote. */
    static Table decode(BytesRef value) {
      VInts in = new VInts(value);
      int[] starts = new int[Math.max(16, value.length / 2)];
      int[] ends = new int[starts.length];
      int position = -1;
      int lastEnd = 0;
      int size = 0;
      while (in.more()) {
        int head = in.next();
        int increment = head & 3;
        if (increment == 3) {
          increment += in.next();
        }
        int zigzag = in.next();
        int start = lastEnd + (zigzag >>> 1 ^ -(zigzag & 1));
        int end = start + (head >>> 2);
        lastEnd = end;
        position += increment;
        if (position < size) {
          continue; // a word at the position of the one before (or before the first): the first keeps it
        }
        if (position >= starts.length) {
          int grown = Math.max(starts.length * 2, position + 1);
          starts = Arrays.copyOf(starts, grown);
          ends = Arrays.copyOf(ends, grown);
        }
        Arrays.fill(starts, size, position, -1); // the positions of dropped words
        Arrays.fill(ends, size, position, -1);
        starts[position] = start;
        ends[position] = end;
        size = position + 1;
      }
      return new Table(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
    }

    /** The first character of the word at {@code position}; -1 when there is none. */
    int start(int position) {
      return position >= 0 && position < starts.length ? starts[position] : -1;
    }

    /** The character after the word at {@code position}; -1 when there is none. */
    int end(int position) {
      return position >= 0 && position < ends.length ? ends[position] : -1;
    }

    int positions() {
      return starts.length;
    }
  }

  /** Reads variable-length integers, seven bits a byte, low bits first. */
  private static final class VInts {
    private final byte[] bytes;
    private final int limit;
    private int at;

    VInts(BytesRef value) {
      this.bytes = value.bytes;
      this.at = value.offset;
      this.limit = value.offset + value.length;
    }

    boolean more() {
      return at < limit;
    }

    int next() {
      int value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[at++];
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }
  }

  /** The table of {@code doc} in {@code leaf}; {@code null} when it has none. */
  static Table of(LeafReader leaf, int doc) throws IOException {
    BinaryDocValues values = leaf.getBinaryDocValues(Fields.OFFSETS);
    if (values == null || !values.advanceExact(doc)) {
      return null;
    }
    return Table.decode(values.binaryValue());
  }
}
