package org.thinkpress.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Status;

/**
 * What a result shows (a {@link PublicationSummary}), kept in the index as one binary doc value
 * per piece, so that showing results needs neither the database nor the stored fields, whose
 * compressed blocks also hold the long bodies.
 */
final class Summaries {

  private Summaries() {}

  static BinaryDocValuesField field(Piece piece) {
    try {
      ByteBuffersDataOutput out = new ByteBuffersDataOutput();
      out.writeVLong(piece.id());
      out.writeString(piece.slug());
      out.writeString(piece.language());
      out.writeString(piece.translationGroup() == null ? "" : piece.translationGroup());
      out.writeString(piece.title());
      out.writeString(piece.standfirst());
      out.writeString(piece.type());
      out.writeByte((byte) (piece.featured() ? 1 : 0));
      out.writeVLong(piece.publishedAt().toEpochMilli());
      out.writeZLong(piece.updatedAt() == null ? -1 : piece.updatedAt().toEpochMilli());
      out.writeVInt(piece.readingMinutes());
      writeIds(out, piece.expertIds());
      writeIds(out, piece.topicIds());
      writeIds(out, piece.regionIds());
      return new BinaryDocValuesField(Fields.SUMMARY, new BytesRef(out.toArrayCopy()));
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
  }

  private static void writeIds(ByteBuffersDataOutput out, List<Long> ids) throws IOException {
    out.writeVInt(ids.size());
    for (Long id : ids) {
      out.writeVLong(id);
    }
  }

  static PublicationSummary decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    long id = in.readVLong();
    String slug = in.readString();
    String language = in.readString();
    String group = in.readString();
    String title = in.readString();
    String standfirst = in.readString();
    String type = in.readString();
    boolean featured = in.readByte() == 1;
    Instant published = Instant.ofEpochMilli(in.readVLong());
    long updated = in.readZLong();
    int minutes = in.readVInt();
    return new PublicationSummary(id, slug, language, group.isEmpty() ? null : group, title, standfirst, type,
        Status.PUBLISHED, featured, published, updated < 0 ? null : Instant.ofEpochMilli(updated), minutes,
        readIds(in), readIds(in), readIds(in));
  }

  private static List<Long> readIds(ByteArrayDataInput in) throws IOException {
    int count = in.readVInt();
    List<Long> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(in.readVLong());
    }
    return ids;
  }

  /** The summaries of documents, in the order given. */
  static List<PublicationSummary> read(IndexSearcher searcher, int[] docIds) throws IOException {
    List<PublicationSummary> summaries = new ArrayList<>(docIds.length);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int docId : docIds) {
      LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(docId, leaves));
      BinaryDocValues values = leaf.reader().getBinaryDocValues(Fields.SUMMARY);
      if (values == null || !values.advanceExact(docId - leaf.docBase)) {
        throw new IllegalStateException("document " + docId + " has no summary");
      }
      summaries.add(decode(values.binaryValue()));
    }
    return summaries;
  }

}
