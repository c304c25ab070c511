package org.thinkpress.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Status;

/** Reads what a result shows from the index's stored fields, so that showing results needs no database. */
final class Summaries {

  private static final Set<String> FIELDS = Set.of(Fields.ID, Fields.SLUG, Fields.LANGUAGE, Fields.GROUP, Fields.TITLE,
      Fields.STANDFIRST, Fields.TYPE, Fields.FEATURED, Fields.PUBLISHED, Fields.UPDATED, Fields.MINUTES,
      Fields.EXPERT_IDS, Fields.TOPIC_IDS, Fields.REGION_IDS);

  private Summaries() {}

  static PublicationSummary read(StoredFields stored, int docId) throws IOException {
    Document doc = stored.document(docId, FIELDS);
    IndexableField updated = doc.getField(Fields.UPDATED);
    return new PublicationSummary(Long.parseLong(doc.get(Fields.ID)), doc.get(Fields.SLUG), doc.get(Fields.LANGUAGE),
        doc.get(Fields.GROUP), doc.get(Fields.TITLE), doc.get(Fields.STANDFIRST), doc.get(Fields.TYPE), Status.PUBLISHED,
        doc.getField(Fields.FEATURED).numericValue().intValue() == 1,
        Instant.ofEpochMilli(doc.getField(Fields.PUBLISHED).numericValue().longValue()),
        updated == null ? null : Instant.ofEpochMilli(updated.numericValue().longValue()),
        doc.getField(Fields.MINUTES).numericValue().intValue(),
        ids(doc, Fields.EXPERT_IDS), ids(doc, Fields.TOPIC_IDS), ids(doc, Fields.REGION_IDS));
  }

  static List<PublicationSummary> read(IndexSearcher searcher, int[] docIds) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<PublicationSummary> summaries = new ArrayList<>(docIds.length);
    for (int docId : docIds) {
      summaries.add(read(stored, docId));
    }
    return summaries;
  }

  private static List<Long> ids(Document doc, String field) {
    IndexableField[] fields = doc.getFields(field);
    List<Long> ids = new ArrayList<>(fields.length);
    for (IndexableField f : fields) {
      ids.add(f.numericValue().longValue());
    }
    return ids;
  }
}
