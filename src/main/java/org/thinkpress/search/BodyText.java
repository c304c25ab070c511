package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * The text of a piece's standfirst and body as snippets read it: UTF-8, compressed with LZ4 on its
 * own, kept as one binary doc value ({@link Fields#TEXT}) rather than as a stored field.
 *
 * <p>Lucene's stored fields compress pieces together in blocks of 8 KB with a shared dictionary,
 * which is smaller, but reading one piece then decompresses the dictionary and every block the
 * piece touches, through the index file's many small reads: for the ten snippets of a search that
 * was an eighth of the search's time. A piece's own value is read with one copy and decompressed
 * from memory.
 */
final class BodyText {

  /** The compressor's table, reused by each indexing thread (it is tens of kilobytes). */
  private static final ThreadLocal<LZ4.FastCompressionHashTable> TABLES =
      ThreadLocal.withInitial(LZ4.FastCompressionHashTable::new);

  private BodyText() {}

  static BinaryDocValuesField field(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffersDataOutput out = new ByteBuffersDataOutput(utf8.length / 2 + 16);
      out.writeVInt(utf8.length);
      LZ4.FastCompressionHashTable table = TABLES.get();
      LZ4.compress(utf8, 0, utf8.length, out, table);
      return new BinaryDocValuesField(Fields.TEXT, new BytesRef(out.toArrayCopy()));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  /** Reads the texts of one leaf's pieces, in increasing document order. */
  static final class Reader {
    private final BinaryDocValues values;
    private byte[] utf8 = new byte[0];

    Reader(LeafReader leaf) throws IOException {
      this.values = leaf.getBinaryDocValues(Fields.TEXT);
    }

    /** The text of {@code doc}, at most {@code maxChars} of it; {@code null} when it has none. */
    String text(int doc, int maxChars) throws IOException {
      if (values == null || !values.advanceExact(doc)) {
        return null;
      }
      BytesRef compressed = values.binaryValue();
      ByteArrayDataInput in = new ByteArrayDataInput(compressed.bytes, compressed.offset, compressed.length);
      int length = in.readVInt();
      if (utf8.length < length) {
        utf8 = new byte[length];
      }
      LZ4.decompress(in, length, utf8, 0);
      String text = new String(utf8, 0, length, StandardCharsets.UTF_8);
      return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }
  }
}
