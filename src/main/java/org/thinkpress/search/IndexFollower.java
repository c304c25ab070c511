package org.thinkpress.search;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentChange;
import org.thinkpress.content.ContentListener;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.Taxonomy;

/**
 * Keeps the index equal to what the database publishes. The index's last commit names the content
 * version it reflects; catching up reads which pieces the versions since then touched (the
 * {@code content_changes} log, filled by every node's writes) and re-reads those pieces: a piece
 * still published is indexed anew, any other is removed. Applying a change is idempotent, so a
 * piece written again while it is being indexed is simply indexed again at the next round.
 *
 * <p>Catching up runs on a thread of its own, woken at once by this node's writes (as a
 * {@link ContentListener}) and every {@code pollMillis} for other nodes' writes. The index is
 * rebuilt instead when it is new, was built by other code ({@link SearchIndex#SCHEMA}), or is
 * ahead of the database (a database restored from a backup).
 */
final class IndexFollower implements ContentListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
  private static final int BATCH = 250;

  private final SearchIndex index;
  private final IndexSource source;
  private final ContentStore store;
  private final PieceDocuments documents;
  private final Semaphore wake = new Semaphore(0);
  private final Object appliedLock = new Object();
  private long applied = -1;
  private boolean rebuildNeeded;
  private Thread thread;
  private volatile boolean running;

  IndexFollower(SearchIndex index, IndexSource source, ContentStore store, PieceDocuments documents) {
    this.index = requireNonNull(index, "index");
    this.source = requireNonNull(source, "source");
    this.store = requireNonNull(store, "store");
    this.documents = requireNonNull(documents, "documents");
  }

  /** What a round of catching up did. */
  record Round(boolean rebuilt, int indexed, int removed, long version) {}

  /** Brings the index up to the database's current version; returns what it did. */
  synchronized Round catchUp() {
    long target = source.currentVersion();
    Map<String, String> committed = index.committed();
    if (rebuildNeeded || committed.isEmpty() || !SearchIndex.SCHEMA.equals(committed.get(SearchIndex.SCHEMA_KEY))) {
      return new Round(true, rebuild(steps -> {}), 0, applied());
    }
    long cursor = Long.parseLong(committed.getOrDefault(SearchIndex.VERSION_KEY, "-1"));
    if (cursor > target) {
      log.warn("The search index is at content version {}, ahead of the database ({}): rebuilding it", cursor, target);
      return new Round(true, rebuild(steps -> {}), 0, applied());
    }
    if (cursor == target) {
      setApplied(target);
      return new Round(false, 0, 0, target);
    }
    Set<Long> ids = new HashSet<>(source.changedBetween(cursor, target));
    Taxonomy taxonomy = store.taxonomy();
    TaxonomyPrint print = TaxonomyPrint.of(taxonomy);
    TaxonomyPrint.Difference renamed = TaxonomyPrint.decode(committed.get(SearchIndex.TAXONOMY_KEY)).changedIn(print);
    if (!renamed.isEmpty()) {
      ids.addAll(source.linkedTo(renamed.experts(), renamed.topics(), renamed.regions()));
    }
    List<Piece> published = source.published(ids);
    Set<Long> removed = new HashSet<>(ids);
    for (Piece piece : published) {
      index.put(piece.id(), documents.build(piece, taxonomy, index.commonWords()));
      removed.remove(piece.id());
    }
    removed.forEach(index::delete);
    index.commit(commitData(target, print, index.commonWords()));
    index.refresh();
    setApplied(target);
    return new Round(false, published.size(), removed.size(), target);
  }

  /**
   * Replaces the index's content with every published piece. Searches keep seeing the previous
   * content until the new one is complete. {@code progress} hears of each piece indexed.
   *
   * @return how many pieces the index now holds
   */
  synchronized int rebuild(IntConsumer progress) {
    long target = source.currentVersion();
    Taxonomy taxonomy = store.taxonomy();
    rebuildNeeded = true; // until the new content is committed, nothing else may be made visible
    index.deleteAll();
    index.bulkMode(true);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread worker = new Thread(runnable, "search-reindex");
      worker.setDaemon(true);
      return worker;
    });
    Semaphore inFlight = new Semaphore(threads * 2);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    int[] count = {0};
    // the first pieces are held back until the common words are learned from them
    List<Piece> sample = new ArrayList<>();
    CommonWords[] words = {null};
    java.util.function.Consumer<List<Piece>> submit = batch -> {
      if (failure.get() != null) {
        throw failure.get();
      }
      if (!running && thread != null) {
        throw new IllegalStateException("stopped while rebuilding the search index");
      }
      inFlight.acquireUninterruptibly();
      count[0] += batch.size();
      workers.execute(() -> {
        try {
          for (Piece piece : batch) {
            index.add(documents.build(piece, taxonomy, words[0]));
            progress.accept(1);
          }
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        } finally {
          inFlight.release();
        }
      });
    };
    try {
      source.forEachPublished(BATCH, batch -> {
        if (words[0] != null) {
          submit.accept(batch);
          return;
        }
        sample.addAll(batch);
        if (sample.size() >= CommonWords.SAMPLE) {
          words[0] = learned(sample);
          submit.accept(List.copyOf(sample));
        }
      });
      if (words[0] == null) {
        words[0] = learned(sample);
        if (!sample.isEmpty()) {
          submit.accept(List.copyOf(sample));
        }
      }
      // each worker writes out one of the buffers the commit would otherwise write one after another
      for (int i = 0; i < threads; i++) {
        workers.execute(() -> {
          try {
            index.flushNextBuffer();
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        });
      }
    } finally {
      // never interrupt a thread that writes the index: an interrupted file channel releases the index's lock
      workers.shutdown();
      awaitQuietly(workers);
      index.bulkMode(false);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    long committing = System.nanoTime();
    index.commit(commitData(target, TaxonomyPrint.of(taxonomy), words[0]));
    rebuildNeeded = false;
    index.refresh();
    setApplied(target);
    log.info("Search index rebuilt: {} publications at content version {} (the commit, which writes what is"
        + " left and syncs the files, took {} ms)", count[0], target, (System.nanoTime() - committing) / 1_000_000);
    return count[0];
  }

  private static void awaitQuietly(ExecutorService workers) {
    boolean interrupted = false;
    while (true) {
      try {
        if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The common words of {@code sample}, now the ones the index writes documents with. */
  private CommonWords learned(List<Piece> sample) {
    CommonWords words = documents.commonWordsOf(sample);
    index.commonWords(words);
    log.info("Search index: common words learned from {} publications{}", sample.size(),
        words.isEmpty() ? " (none)" : ": " + words.encode().replace('\n', ';'));
    return words;
  }

  private static Map<String, String> commitData(long version, TaxonomyPrint print, CommonWords words) {
    return Map.of(SearchIndex.VERSION_KEY, Long.toString(version), SearchIndex.SCHEMA_KEY, SearchIndex.SCHEMA,
        SearchIndex.TAXONOMY_KEY, print.encode(), SearchIndex.COMMON_WORDS_KEY, words.encode());
  }

  /** The content version searches currently see; -1 before the first round. */
  long applied() {
    synchronized (appliedLock) {
      return applied;
    }
  }

  private void setApplied(long version) {
    synchronized (appliedLock) {
      applied = Math.max(applied, version);
      appliedLock.notifyAll();
    }
  }

  /**
   * Waits until searches see content version {@code version} or later, at most
   * {@code timeoutMillis}; returns whether they do. Wakes the follower, so that a version written
   * by another node is fetched now rather than at the next poll.
   */
  boolean awaitVersion(long version, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (appliedLock) {
      if (applied >= version) {
        return true;
      }
      wake.release();
      while (applied < version) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        try {
          appliedLock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Told by this node's store after each write: the follower catches up at once. */
  @Override
  public void contentChanged(ContentChange change) {
    wake.release();
  }

  /** Starts following in the background: at once, on every local write, and every {@code pollMillis}. */
  void start(int pollMillis) {
    running = true;
    thread = new Thread(() -> follow(pollMillis), "search-follower");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow(int pollMillis) {
    int failures = 0;
    while (running) {
      try {
        catchUp();
        failures = 0;
      } catch (RuntimeException e) {
        failures++;
        log.warn("Bringing the search index up to date failed (attempt {}); will retry: {}", failures, e.getMessage(), e);
      }
      if (!running) {
        return;
      }
      try {
        long pause = failures == 0 ? pollMillis : Math.min(60_000L, (long) pollMillis << Math.min(failures, 6));
        wake.tryAcquire(pause, TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Stops following: the thread finishes the round it is in (a rebuild stops at its next batch)
   * and ends. It is never interrupted, since an interrupted file channel would release the index's
   * lock under the writer's feet.
   */
  @Override
  public void close() {
    running = false;
    wake.release();
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
