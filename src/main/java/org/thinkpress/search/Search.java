package org.thinkpress.search;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.PublicationSummary;

/**
 * Search, as the rest of ThinkPress sees it: this node's index, kept up to date with the database,
 * and what is asked of it (searches, suggestions, other materials). Built by the wiring class;
 * {@link #follow()} starts keeping the index up to date, {@link #close()} stops and closes it.
 *
 * <p>Only one process may have a given index open: a second gets a {@link SearchIndexException}.
 * A damaged index is never an error: it is set aside and rebuilt.
 */
public final class Search implements AutoCloseable {

  /** The search page's path; its suggestions and feed are under it ({@code /search/suggest}, {@code /search/feed}). */
  public static final String PATH = SearchPages.PATH;

  private final SearchSettings settings;
  private final SearchIndex index;
  private final IndexFollower follower;
  private final Searcher searcher;
  private final RelatedMaterials related;
  private final ContentStore store;
  private final IndexSource source;
  private final ContentReader reader;
  private boolean following;
  /**
   * Turns for readers' searches: at most one more than there are cores run at once, the others
   * wait theirs in arrival order. A search is all CPU; eight at once on two cores stretched every
   * one of them (a 15 ms search took 60), and left the site's pages less room. One spare turn
   * keeps the cores busy while a search waits on the disk or the collector: with exactly one per
   * core, 8 clients on 2 cores got a sixth fewer searches done (docs/benchmarks.md, 36ecd5f).
   */
  private final Semaphore turns = new Semaphore(Runtime.getRuntime().availableProcessors() + 1, true);

  private Search(SearchSettings settings, SearchIndex index, IndexFollower follower, Searcher searcher,
                 RelatedMaterials related, ContentStore store, IndexSource source, ContentReader reader) {
    this.settings = settings;
    this.index = index;
    this.follower = follower;
    this.searcher = searcher;
    this.related = related;
    this.store = store;
    this.source = source;
    this.reader = reader;
  }

  /** {@link #open(SearchSettings, Jdbi, ContentStore, ContentReader, ZoneId, Clock)} on the system clock. */
  public static Search open(SearchSettings settings, Jdbi jdbi, ContentStore store, ContentReader reader, ZoneId zone) {
    return open(settings, jdbi, store, reader, zone, Clock.systemUTC());
  }

  /**
   * Opens the index in {@code settings.indexDir()}; does not read the database yet. A damaged index
   * is set aside (renamed {@code index.damaged-STAMP}, the time read from {@code clock}) and an
   * empty one takes its place, which {@link #follow()} or {@link #reindex} then rebuilds.
   *
   * @param zone the time zone that years (a facet) are cut in
   */
  public static Search open(SearchSettings settings, Jdbi jdbi, ContentStore store, ContentReader reader, ZoneId zone,
                            Clock clock) {
    requireNonNull(settings, "settings");
    requireNonNull(store, "store");
    requireNonNull(reader, "reader");
    requireNonNull(clock, "clock");
    Analyzers analyzers = new Analyzers();
    SearchIndex index = SearchIndex.open(settings.indexDir(), analyzers, clock);
    IndexSource source = new IndexSource(jdbi);
    IndexFollower follower = new IndexFollower(index, source, store, new PieceDocuments(zone, analyzers));
    Searcher searcher = new Searcher(index, new QueryFactory(analyzers), new Snippets(analyzers), settings.pageSize());
    RelatedMaterials related = new RelatedMaterials(index, analyzers, follower, () -> reader.version().current(),
        reader::taxonomy);
    return new Search(settings, index, follower, searcher, related, store, source, reader);
  }

  /**
   * Brings the index up to date now (rebuilding it when it is missing or was built by other code),
   * then keeps it so in the background: at once after each write on this node, and every
   * {@code search.poll-millis} for writes by other nodes.
   */
  public Search follow() {
    if (following) {
      throw new IllegalStateException("already following");
    }
    follower.catchUp();
    store.addListener(follower);
    follower.start(settings.pollMillis());
    following = true;
    return this;
  }

  /** Rebuilds the whole index from the database; {@code progress} hears of each piece. Returns the count. */
  public int reindex(IntConsumer progress) {
    return follower.rebuild(progress);
  }

  /**
   * Runs the merges of segments the index's policy asks for, waits for them and commits them:
   * what a command that rebuilt the index does before it exits (a server merges in the background).
   *
   * @return how many segments the index has now
   */
  public int settle() {
    return index.settle();
  }

  /** Brings the index up to date now, in the caller's thread. */
  public void catchUp() {
    follower.catchUp();
  }

  /** How many pieces are published, for a progress bar's length. */
  public long publishedCount() {
    return source.publishedCount();
  }

  public SearchResults search(SearchRequest request) {
    requireNonNull(request, "request");
    return inTurn(() -> searcher.search(request));
  }

  /** Up to {@code limit} titles for search as you type. */
  public List<PublicationSummary> suggest(String text, int limit) {
    return inTurn(() -> searcher.suggest(text, limit));
  }

  /** The newest pieces matching a request, with snippets, for its feed. */
  public List<SearchResults.Hit> newest(SearchRequest request, int limit) {
    requireNonNull(request, "request");
    return inTurn(() -> searcher.newest(request, limit));
  }

  private <T> T inTurn(java.util.function.Supplier<T> search) {
    turns.acquireUninterruptibly();
    try {
      return search.get();
    } finally {
      turns.release();
    }
  }

  /**
   * The routes of the search pages ({@link #PATH} and the paths under it), in the site's design;
   * {@code scriptUrl} is the address of {@code static/search.js}. They count no requests: the
   * server limits them per client ({@link SearchSettings#requestsPerMinute()}).
   */
  public java.util.function.Consumer<io.javalin.config.RoutesConfig> routes(org.thinkpress.kit.SiteFrame site,
                                                                           String scriptUrl) {
    return new SearchRoutes(new SearchPages(this, site, reader, scriptUrl))::register;
  }

  /** "Other materials" for the site's publication pages. */
  public OtherMaterials otherMaterials() {
    return related;
  }

  /** The content version searches see; -1 before the index was first brought up to date. */
  public long indexedVersion() {
    return follower.applied();
  }

  /** Waits up to {@code timeoutMillis} until searches see {@code version}; returns whether they do. */
  public boolean awaitVersion(long version, long timeoutMillis) {
    return follower.awaitVersion(version, timeoutMillis);
  }

  public SearchSettings settings() {
    return settings;
  }

  /** The bytes the index takes on disk. */
  /** The common words the index was built with ({@link CommonWords}). */
  CommonWords commonWords() {
    return index.commonWords();
  }

  public long indexBytes() {
    return index.sizeOnDisk();
  }

  @Override
  public void close() {
    follower.close();
    index.close();
  }
}
