package org.thinkpress.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

/**
 * A database (SQLite or PostgreSQL) with a content store, and a search index over it in a
 * temporary folder: the real parts, in process. Closing removes both.
 */
final class SearchTestBed implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  final TestDatabase db;
  final ContentStore store;
  final ContentReader reader;
  final Path folder;
  Search search;

  private SearchTestBed(TestDatabase db) {
    this.db = db;
    ContentVersion version = new ContentVersion(db.database().jdbi());
    this.store = new ContentStore(db.database().jdbi(), CLOCK, new MarkdownRenderer(), PublicationTypes.DEFAULT, version);
    this.reader = new ContentReader(db.database().jdbi(), version);
    try {
      this.folder = Files.createTempDirectory("thinkpress-index-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SearchTestBed sqlite() {
    return new SearchTestBed(TestDatabase.sqlite());
  }

  static SearchTestBed of(Dialect dialect) {
    return new SearchTestBed(TestDatabase.of(dialect));
  }

  SearchTestBed load(ContentBundle bundle) {
    store.importBundle(bundle, n -> {});
    return this;
  }

  Path indexDir() {
    return folder.resolve("index");
  }

  SearchSettings settings() {
    return new SearchSettings(indexDir(), 100, 10, 120);
  }

  /** Opens the index and starts following the database. */
  Search open() {
    search = Search.open(settings(), db.database().jdbi(), store, reader, ZoneOffset.UTC).follow();
    return search;
  }

  /** Waits until the index has applied every write made so far. */
  void awaitIndexed() {
    long version = reader.version().current();
    if (!search.awaitVersion(version, 5_000)) {
      throw new AssertionError("the index did not reach content version " + version + " within 5 s");
    }
  }

  void closeSearch() {
    if (search != null) {
      search.close();
      search = null;
    }
  }

  @Override
  public void close() {
    closeSearch();
    db.close();
    deleteTree(folder);
  }

  static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
