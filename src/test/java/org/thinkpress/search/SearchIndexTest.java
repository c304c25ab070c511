package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchIndex}'s own duties: merging what a rebuild leaves before its process ends, the
 * rebuild's buffer, starting afresh from an index built by code of another schema, and setting a
 * damaged index aside.
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

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  static Stream<Arguments> damages() {
    return Stream.of(IndexDamage.values())
        .flatMap(damage -> Stream.of(Arguments.of(damage, true), Arguments.of(damage, false)));
  }

  @ParameterizedTest(name = "{0}, compound files: {1}")
  @MethodSource("damages")
  void aDamagedIndexIsSetAsideUnderANewNameAndOpenedEmptyForItsRebuild(IndexDamage damage, boolean compound)
      throws Exception {
    Path index = folder.resolve("index");
    writeOnePiece(index, SearchIndex.SCHEMA, compound);
    damage.applyTo(index);
    Map<String, Long> damaged = IndexDamage.contents(index);
    Path aside = folder.resolve("index.damaged-20260101-000000");

    List<String> logged = logsOf(SearchIndex.class, () -> {
      try (SearchIndex opened = SearchIndex.open(index, new Analyzers(), CLOCK)) {
        assertThat(visible(opened)).isZero();
        assertThat(opened.committed()).isEmpty();
        opened.commit(Map.of(SearchIndex.VERSION_KEY, "1", SearchIndex.SCHEMA_KEY, SearchIndex.SCHEMA));
      }
    });

    assertThat(IndexDamage.contents(aside)).as("the damaged copy, as it was").isEqualTo(damaged);
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0)).startsWith("WARN The search index at " + index + " is damaged (")
        .endsWith("); it was moved to " + aside + " and is rebuilt from the database");
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertThat(reader.getIndexCommit().getUserData()).containsEntry(SearchIndex.SCHEMA_KEY, SearchIndex.SCHEMA);
    }
  }

  @Test
  void aSecondDamageInTheSameSecondIsSetAsideBesideTheFirst() throws Exception {
    Path index = folder.resolve("index");
    for (int i = 0; i < 2; i++) {
      writeOnePiece(index, SearchIndex.SCHEMA, true);
      IndexDamage.RANDOM_BYTES_IN_SEGMENTS_N.applyTo(index);
      SearchIndex.open(index, new Analyzers(), CLOCK).close();
      IndexDamage.delete(index);
    }

    assertThat(folder.resolve("index.damaged-20260101-000000")).isDirectory();
    assertThat(folder.resolve("index.damaged-20260101-000000-2")).isDirectory();
  }

  @Test
  void aFolderThatCannotBeMadeIsAnErrorNamingItAndNothingIsSetAside() throws Exception {
    Path file = Files.writeString(folder.resolve("data"), "a file where data.dir should be\n");

    assertThatThrownBy(() -> SearchIndex.open(file.resolve("index"), new Analyzers(), CLOCK))
        .isInstanceOf(SearchIndexException.class)
        .hasMessage("Cannot create the search index folder " + file.resolve("index") + ": Not a directory;"
            + " make data.dir writable, or give a data.dir that is");
    assertThat(Files.readString(file)).isEqualTo("a file where data.dir should be\n");
  }

  @Test
  void aMissingIndexIsCreatedAndNothingIsSetAside() throws Exception {
    try (SearchIndex opened = SearchIndex.open(folder.resolve("index"), new Analyzers(), CLOCK)) {
      assertThat(opened.committed()).isEmpty();
    }
    try (Stream<Path> names = Files.list(folder)) {
      assertThat(names.map(path -> path.getFileName().toString())).containsExactly("index");
    }
  }

  /** What {@code type}'s logger writes while {@code work} runs, as "LEVEL message". */
  static List<String> logsOf(Class<?> type, Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger(type);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      work.run();
    } finally {
      logger.detachAppender(appender);
    }
    return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
  }

  private void writeOnePiece(String schema) throws Exception {
    writeOnePiece(folder, schema, true);
  }

  private static void writeOnePiece(Path folder, String schema, boolean compound) throws Exception {
    try (FSDirectory directory = FSDirectory.open(folder);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setUseCompoundFile(compound))) {
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
