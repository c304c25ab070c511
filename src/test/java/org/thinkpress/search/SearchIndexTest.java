package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SearchIndex}'s own duties: merging what a rebuild leaves before its process ends, the
 * rebuild's buffer, and starting afresh from an index built by code of another schema.
 */
class SearchIndexTest {

  @TempDir
  Path folder;

  @Test
  void settleMergesCommittedSegmentsAndKeepsTheCommitsData() throws Exception {
    // a segment per commit and no merging, as a rebuild in a small buffer leaves them when its process ends
    try (FSDirectory directory = FSDirectory.open(folder);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 30; i++) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Integer.toString(i), Field.Store.NO));
        writer.addDocument(doc);
        writer.setLiveCommitData(Map.of(SearchIndex.VERSION_KEY, Integer.toString(i)).entrySet());
        writer.commit();
      }
    }
    assertThat(segments()).isEqualTo(30);
    try (SearchIndex index = SearchIndex.open(folder, new Analyzers())) {
      int left = index.settle();

      assertThat(left).isLessThan(30).isEqualTo(segments());
      assertThat(index.committed()).containsEntry(SearchIndex.VERSION_KEY, "29");
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder))) {
        assertThat(reader.numDocs()).isEqualTo(30);
      }
    }
  }

  @Test
  void anIndexOfAnotherSchemaIsOpenedEmptyForItsRebuild() throws Exception {
    writeOnePiece("7"); // an older release's index, whose fields this code may read otherwise
    try (SearchIndex index = SearchIndex.open(folder, new Analyzers())) {
      assertThat(visible(index)).isZero();
      assertThat(index.committed()).as("nothing the caller could mistake for this code's index").isEmpty();

      index.commit(Map.of(SearchIndex.VERSION_KEY, "1", SearchIndex.SCHEMA_KEY, SearchIndex.SCHEMA));
      index.refresh();
      assertThat(visible(index)).isZero();
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder))) {
      assertThat(reader.numDocs()).isZero();
      assertThat(reader.getIndexCommit().getUserData()).containsEntry(SearchIndex.SCHEMA_KEY, SearchIndex.SCHEMA);
    }
  }

  @Test
  void anIndexOfThisSchemaShowsItsPiecesAtOnce() throws Exception {
    writeOnePiece(SearchIndex.SCHEMA);
    try (SearchIndex index = SearchIndex.open(folder, new Analyzers())) {
      assertThat(visible(index)).isEqualTo(1);
    }
  }

  private void writeOnePiece(String schema) throws Exception {
    try (FSDirectory directory = FSDirectory.open(folder);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField(Fields.ID, "1", Field.Store.NO));
      writer.addDocument(doc);
      writer.setLiveCommitData(Map.of(SearchIndex.VERSION_KEY, "1", SearchIndex.SCHEMA_KEY, schema).entrySet());
      writer.commit();
    }
  }

  private static int visible(SearchIndex index) {
    return index.withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  @Test
  void aRebuildsBufferIsAnEighthOfTheHeapWithinBounds() {
    long mb = 1024 * 1024;
    assertThat(SearchIndex.bulkBufferMb(256 * mb)).isEqualTo(64);
    assertThat(SearchIndex.bulkBufferMb(1024 * mb)).isEqualTo(128);
    assertThat(SearchIndex.bulkBufferMb(8192 * mb)).isEqualTo(256);
  }

  private int segments() throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder))) {
      return reader.leaves().size();
    }
  }
}
