package org.thinkpress.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Lucene index in a folder: one writer, and searchers that see what the writer has
 * made visible ({@link #refresh()}). A commit carries the content version the index has caught up
 * to, the {@link #SCHEMA} it was built with and the {@link TaxonomyPrint}, so that a restarted
 * node knows where to resume, and a node running newer code knows to rebuild.
 *
 * <p>Searchers come with the facet values of their reader ({@link FacetValues}), read once per refresh.
 */
final class SearchIndex implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  /** Bumped whenever fields or analyzers change, which makes every node rebuild its index at start. */
  static final String SCHEMA = "12";
  static final String VERSION_KEY = "content.version";
  static final String SCHEMA_KEY = "schema";
  static final String TAXONOMY_KEY = "taxonomy";
  static final String COMMON_WORDS_KEY = "common.words";

  /** A searcher with the facet values of its reader ({@code null} while the index holds no piece). */
  static final class FacetedSearcher extends IndexSearcher {
    final FacetValues facetValues;
    /** The common words of the content this searcher sees: its queries look pairs of them up ({@link CommonWords}). */
    final CommonWords commonWords;
    /** The publication time of the newest piece, from which related materials count age; 0 when empty. */
    final long newestPublished;
    private final Map<Term, Integer> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();

    FacetedSearcher(IndexReader reader, CommonWords commonWords) throws IOException {
      super(reader);
      this.commonWords = commonWords;
      this.facetValues = reader.numDocs() == 0 ? null : FacetValues.of(reader);
      long newest = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues published = DocValues.getNumeric(leaf.reader(), Fields.PUBLISHED);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = published.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = published.nextDoc()) {
          if (live == null || live.get(doc)) {
            newest = Math.max(newest, published.longValue());
          }
        }
      }
      this.newestPublished = newest;
    }

    /**
     * How many documents hold {@code term}, as {@link IndexReader#docFreq}, remembered for this
     * searcher's life (its reader never changes): "Other materials" asks for the same words again
     * and again, and each answer otherwise costs a dictionary lookup in every segment.
     */
    int docFreq(Term term) throws IOException {
      Integer known = docFreqs.get(term);
      if (known != null) {
        return known;
      }
      int docFreq = getIndexReader().docFreq(term);
      if (docFreqs.size() < DOC_FREQS_KEPT) {
        docFreqs.put(term, docFreq);
      }
      return docFreq;
    }
  }

  /** At most this many words' frequencies are remembered per searcher (a few megabytes). */
  static final int DOC_FREQS_KEPT = 200_000;

  private final Path folder;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** The common words documents are written with (and the next refresh's searchers search with). */
  private volatile CommonWords commonWords;

  private SearchIndex(Path folder, Directory directory, IndexWriter writer) throws IOException {
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    this.commonWords = CommonWords.decode(committed().get(COMMON_WORDS_KEY));
    this.searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
        return new FacetedSearcher(reader, commonWords);
      }
    });
  }

  CommonWords commonWords() {
    return commonWords;
  }

  /**
   * The common words to write documents with from now on; searchers use them from the next
   * refresh, so set them only when all that a refresh will show is written with them (a rebuild).
   */
  void commonWords(CommonWords words) {
    this.commonWords = words;
  }

  /** {@link #open(Path, Analyzers, Clock)} on the system clock. */
  static SearchIndex open(Path folder, Analyzers analyzers) {
    return open(folder, analyzers, Clock.systemUTC());
  }

  /**
   * Opens the index in {@code folder}, creating it when missing. The index only ever holds a copy
   * of what the database publishes, so whatever cannot be used is replaced by an empty index, which
   * the caller then rebuilds from the database:
   *
   * <ul>
   *   <li>an index built by code of another {@link #SCHEMA} (whose fields this code may read
   *       otherwise: snippet text in another encoding, pairs in other fields) is opened empty; its
   *       files stay until the new index's first commit;
   *   <li>a damaged one (a file missing, cut short, emptied or garbled, a folder where a file should
   *       be or a file where the folder should be, an index of an incompatible Lucene) is set aside
   *       under a new name beside it ({@code index.damaged-20260101-000000}, named by {@code clock}),
   *       for whoever wants to look at it, and a new one is started in its place.
   * </ul>
   *
   * <p>An index that another process has open is refused ({@link SearchIndexException}), never
   * set aside.
   */
  static SearchIndex open(Path folder, Analyzers analyzers, Clock clock) {
    try {
      return openAsFound(folder, analyzers);
    } catch (LockObtainFailedException e) {
      throw inUse(folder, e);
    } catch (IOException | RuntimeException damage) {
      if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        // nothing there to set aside: the folder could not be made
        throw damage instanceof SearchIndexException failure ? failure
            : new SearchIndexException("Cannot open the search index at " + folder + ": " + IndexFolders.describe(damage), damage);
      }
      Path aside = IndexFolders.setAside(folder, clock, damage);
      SearchIndex fresh;
      try {
        fresh = openAsFound(folder, analyzers);
      } catch (IOException | RuntimeException e) {
        // not the index's fault, since a new one fails too: leave things as they were
        IndexFolders.putBack(aside, folder, e);
        throw new SearchIndexException("Cannot open the search index at " + folder + ": " + IndexFolders.describe(e), e);
      }
      log.warn("The search index at {} is damaged ({}); it was moved to {} and is rebuilt from the database",
          folder, IndexFolders.describe(damage), aside);
      return fresh;
    }
  }

  /**
   * Opens the index in {@code folder} as it is: creating it when missing, empty when of another
   * schema; fails (and leaves nothing open) when any part of it cannot be read, since opening the
   * first searcher opens every segment.
   */
  private static SearchIndex openAsFound(Path folder, Analyzers analyzers) throws IOException {
    IndexFolders.create(folder);
    IndexFolders.refuseFoldersForFiles(folder);
    Directory directory = FSDirectory.open(folder);
    IndexWriter writer = null;
    try {
      IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
      String schema = DirectoryReader.indexExists(directory)
          ? SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY) : null;
      if (schema != null && !schema.equals(SCHEMA)) {
        log.info("The search index at {} was built by other code (index schema {}, this is {}); starting a new one",
            folder, schema, SCHEMA);
        mode = IndexWriterConfig.OpenMode.CREATE;
      }
      writer = new IndexWriter(directory, config(analyzers, mode));
      return new SearchIndex(folder, directory, writer);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer, directory, e);
      throw e;
    }
  }

  private static void closeQuietly(IndexWriter writer, Directory directory, Exception failure) {
    try {
      if (writer != null) {
        writer.rollback(); // releases the folder's lock; the last commit stays as it was
      }
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    try {
      directory.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static SearchIndexException inUse(Path folder, LockObtainFailedException e) {
    return new SearchIndexException("The search index at " + folder + " is in use by another ThinkPress process"
        + " (a running server?); stop it first, or give this one another data.dir", e);
  }

  private static IndexWriterConfig config(Analyzers analyzers, IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(analyzers.perField());
    config.setOpenMode(mode);
    config.setRAMBufferSizeMB(64);
    config.setCommitOnClose(false); // only explicit commits, which carry the content version
    return config;
  }

  Path folder() {
    return folder;
  }

  /** The data of the last commit; empty for a new index. */
  Map<String, String> committed() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return Map.of();
      }
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
      return data;
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  void put(long id, Document document) {
    try {
      writer.updateDocument(new Term(Fields.ID, Long.toString(id)), document);
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  /** Adds a document known not to be in the index (during a rebuild). */
  void add(Document document) {
    try {
      writer.addDocument(document);
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  /**
   * Writes out one indexing thread's buffered documents as a segment, in the calling thread: a
   * rebuild's threads each do so at the end, where a commit would write every buffer in turn in
   * its own thread while the other processors wait.
   */
  void flushNextBuffer() {
    try {
      writer.flushNextBuffer();
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  void delete(long id) {
    try {
      writer.deleteDocuments(new Term(Fields.ID, Long.toString(id)));
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  /**
   * While rebuilding: a larger indexing buffer (fewer, larger segments to flush and merge), and
   * segments left as separate files rather than copied once more into a compound file (a few
   * dozen files for a rebuilt index instead of a handful). The usual settings after.
   */
  void bulkMode(boolean on) {
    writer.getConfig().setRAMBufferSizeMB(on ? bulkBufferMb(Runtime.getRuntime().maxMemory()) : 64);
    writer.getConfig().setUseCompoundFile(!on);
  }

  /**
   * The indexing buffer of a rebuild in a heap of {@code maxHeap} bytes: an eighth of the heap,
   * from 64 to 256 MB. Lucene may hold up to twice its buffer while segments flush, and a server
   * run in {@code -Xmx512m} (as docs/deployment.md has it) rebuilds while it serves.
   */
  static double bulkBufferMb(long maxHeap) {
    return Math.max(64, Math.min(256, maxHeap / 8 / (1024 * 1024)));
  }

  /** Makes everything written so far durable, with {@code data} as the commit's data. */
  void commit(Map<String, String> data) {
    try {
      writer.setLiveCommitData(Map.copyOf(data).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw failure("commit", e);
    }
  }

  /** Runs the merges the merge policy asks for, waits for them, and commits the result with the last commit's data; returns the segments now committed. */
  int settle() {
    try {
      writer.maybeMerge();
      if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
        merges.sync();
      }
      writer.commit();
      searchers.maybeRefreshBlocking(); // searchers stop holding the merged segments' files, which can go
      writer.deleteUnusedFiles();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return reader.leaves().size();
      }
    } catch (IOException e) {
      throw failure("merge", e);
    }
  }

  /** Makes what was written visible to searches started from now on. */
  void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failure("refresh", e);
    }
  }

  interface SearcherWork<T> {
    T apply(FacetedSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on the current searcher, which stays valid (unchanged) while it runs. */
  <T> T withSearcher(SearcherWork<T> work) {
    try {
      FacetedSearcher searcher = (FacetedSearcher) searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw failure("search", e);
    }
  }

  /** The bytes the index takes on disk. */
  long sizeOnDisk() {
    try (var files = Files.list(folder)) {
      return files.mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw failure("measure", e);
    }
  }

  private SearchIndexException failure(String action, IOException e) {
    return new SearchIndexException("Cannot " + action + " the search index at " + folder + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.rollback(); // uncommitted work is redone from the change log at the next start
      directory.close();
    } catch (IOException e) {
      log.warn("Closing the search index at {} failed: {}", folder, e.getMessage());
    }
  }
}
