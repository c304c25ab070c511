package org.thinkpress.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

/**
 * The text of a piece's standfirst and body as snippets read it: UTF-8, kept as one binary doc
 * value ({@link Fields#TEXT}) rather than as a stored field, and not compressed.
 *
 * <p>Lucene's stored fields compress pieces together in blocks of 8 KB with a shared dictionary,
 * which is smaller, but reading one piece then decompresses the dictionary and every block the
 * piece touches, through the index file's many small reads: for the ten snippets of a search that
 * was an eighth of the search's time. A piece's own value is read with one copy. Until index
 * schema 10 each value was compressed with LZ4 on its own: that was about a tenth of a rebuild's
 * CPU (Lucene's fast LZ4 hashes every position through a packed table) for an index 13-21 %
 * smaller; see docs/benchmarks.md, e09d77c.
 */
final class BodyText {

  private BodyText() {}

  static BinaryDocValuesField field(String text) {
    return new BinaryDocValuesField(Fields.TEXT, new BytesRef(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads the texts of one leaf's pieces, in increasing document order. */
  static final class Reader {
    private final BinaryDocValues values;

    Reader(LeafReader leaf) throws IOException {
      this.values = leaf.getBinaryDocValues(Fields.TEXT);
    }

    /** The text of {@code doc}, at most {@code maxChars} of it; {@code null} when it has none. */
    String text(int doc, int maxChars) throws IOException {
      if (values == null || !values.advanceExact(doc)) {
        return null;
      }
      BytesRef utf8 = values.binaryValue();
      String text = new String(utf8.bytes, utf8.offset, utf8.length, StandardCharsets.UTF_8);
      return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }
  }
}
